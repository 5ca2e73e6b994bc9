/**
 * A report job's params, checked at the edge: POST /plans/:id/jobs (the real app and its authentication,
 * over a PGlite store, the queue not started so jobs stay queued) answers 400 naming the field for bad
 * params, and 202 with the params as stored for good ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { jobRoutes } from '../server/jobs-routes.js';
import { newToken, tokenHash } from '../server/passwords.js';
import { jobParamsSchemas, parseStoredRequest } from './job-params.js';
import { pgliteTestStore, type TestStore } from './testing/job-stores.js';

let db: TestStore;
let app: ReturnType<typeof createApp>;
let token: string;

beforeAll(async () => {
  db = await pgliteTestStore();
  app = createApp({
    store: db.store,
    routes: (root) =>
      root.route(
        '/',
        jobRoutes({
          store: db.store,
          queue: { submit: (job) => db.store.createJob(job), start: async () => {}, stop: async () => {} },
        }),
      ),
  });
  const user = await db.store.createUser({ name: 'analyst', role: 'analyst', passwordHash: 'not used' });
  if (!user.ok) throw new Error(user.error.message);
  token = newToken();
  await db.store.createToken(tokenHash(token), user.value.id);
});
afterAll(() => db.dispose());

async function submit(body: unknown) {
  const res = await app.request(`/plans/${db.planId}/jobs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { job?: Record<string, unknown>; error?: unknown },
  };
}

describe('report job params', () => {
  it.each([
    [{ trials: 0 }, 'params.trials'],
    [{ trials: 2_000_000 }, 'params.trials'],
    [{ seed: 1.5 }, 'params.seed'],
    [{ version: 0 }, 'params.version'],
    [{ variants: [] }, 'params.variants'],
    [{ variants: [''] }, 'params.variants[0]'],
    [{ variants: 'all' }, 'params.variants'],
    [{ trackRecords: 'yes' }, 'params.trackRecords'],
    [{ format: 'pdf' }, 'params'],
  ])('refuses %j with 400 naming %s', async (params, path) => {
    const res = await submit({ kind: 'report', params });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'INVALID_BODY', path } });
  });

  it('queues a report with no params (the plan version shown, its trials and seed, the latest Kiel import)', async () => {
    const res = await submit({ kind: 'report' });
    expect(res.status).toBe(202);
    expect(res.body.job).toMatchObject({
      kind: 'report',
      params: {},
      planVersion: db.version,
      state: 'queued',
    });
  });

  it('keeps the params as given', async () => {
    const params = { version: db.version, variants: ['all'], trials: 300, seed: 4, trackRecords: false };
    const res = await submit({ kind: 'report', params });
    expect(res.status).toBe(202);
    expect(res.body.job?.params).toEqual(params);
  });

  it('reads stored params back only when they still fit the schema', () => {
    expect(parseStoredRequest('report', { trials: 10 })).toEqual({ kind: 'report', params: { trials: 10 } });
    expect(parseStoredRequest('report', { trials: -1 })).toBeUndefined();
    expect(jobParamsSchemas.report.safeParse({ trackRecords: true }).success).toBe(true);
  });
});
