/**
 * The job routes without a socket (`app.request()`), mounted in the real app (its authentication) over
 * a real PGlite store, with the in-process queue running jobs in worker threads (dist/jobs/job-worker.js):
 * submit → progress over server-sent events → done → result; failures; bad params; roles; 404 and 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobExecutor } from '../jobs/executor.js';
import { inProcessQueue } from '../jobs/in-process-queue.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { distJobWorkerUrl, pgliteTestStore, type TestStore } from '../jobs/testing/job-stores.js';
import type { Role } from '../store/store.js';
import { createApp } from './app.js';
import { jobOpenApiPaths, jobRoutes } from './jobs-routes.js';
import { newToken, tokenHash } from './passwords.js';

type Who = 'host' | 'delegate' | 'analyst';

interface Harness {
  db: TestStore;
  queue: JobQueue;
  app: ReturnType<typeof createApp>;
  tokens: Record<Who, string>;
}

/** The app with the job routes, three users with tokens; the queue started or not (jobs stay queued). */
async function harness(start: boolean): Promise<Harness> {
  const db = await pgliteTestStore();
  const execute = jobExecutor(db.store, { workerUrl: distJobWorkerUrl });
  const queue: JobQueue = start
    ? inProcessQueue({ store: db.store, execute, progressIntervalMs: 10 })
    : { submit: (job) => db.store.createJob(job), start: async () => {}, stop: async () => {} };
  await queue.start();
  const app = createApp({
    store: db.store,
    routes: (root) => root.route('/', jobRoutes({ store: db.store, queue, pollMs: 20 })),
  });
  const tokens = {} as Record<Who, string>;
  const users: [Who, Role, string?][] = [
    ['host', 'host'],
    ['delegate', 'delegate', 'FAR'],
    ['analyst', 'analyst'],
  ];
  for (const [name, role, actor] of users) {
    const made = await db.store.createUser({
      name,
      role,
      ...(actor === undefined ? {} : { actor }),
      passwordHash: 'not used',
    });
    if (!made.ok) throw new Error(made.error.message);
    const token = newToken();
    await db.store.createToken(tokenHash(token), made.value.id);
    tokens[name] = token;
  }
  return { db, queue, app, tokens };
}

function as(token: string | undefined, method = 'GET', body?: unknown): RequestInit {
  return {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

interface SseEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Reads a whole event stream (it ends after `done` or `failed`). */
async function events(h: Harness, jobId: string): Promise<SseEvent[]> {
  const res = await h.app.request(`/jobs/${jobId}/events`, as(h.tokens.analyst));
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toContain('text/event-stream');
  return (await res.text())
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const field = (name: string) =>
        block
          .split('\n')
          .find((line) => line.startsWith(`${name}: `))
          ?.slice(name.length + 2) ?? '';
      return { event: field('event'), data: JSON.parse(field('data')) as Record<string, unknown> };
    });
}

async function submit(h: Harness, body: unknown, who: Who = 'analyst') {
  const res = await h.app.request(`/plans/${h.db.planId}/jobs`, as(h.tokens[who], 'POST', body));
  return { status: res.status, body: (await res.json()) as { job: { id: string; state: string } } };
}

describe('jobs with the in-process queue (PGlite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(true);
  });
  afterAll(async () => {
    await h.queue.stop();
    await h.db.dispose();
  });

  it('streams progress, then done with the result URL; the result is the analysis document', async () => {
    const submitted = await submit(h, { kind: 'assess', params: { trials: 40_000, seed: 5 } });
    expect(submitted.status).toBe(202);
    expect(submitted.body.job.state).toBe('queued');
    const seen = await events(h, submitted.body.job.id);
    const progress = seen.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((e) => (e.data.done as number) > 0)).toBe(true);
    for (const e of progress) expect(e.data.fraction).toBeGreaterThanOrEqual(0);
    expect(seen.at(-1)).toEqual({
      event: 'done',
      data: { id: submitted.body.job.id, state: 'done', result: `/jobs/${submitted.body.job.id}/result` },
    });

    const job = await h.app.request(`/jobs/${submitted.body.job.id}`, as(h.tokens.host));
    expect(await job.json()).toMatchObject({
      job: {
        state: 'done',
        attempts: 1,
        planVersion: h.db.version,
        progress: { done: 40_000, total: 40_000 },
      },
    });
    const result = await h.app.request(`/jobs/${submitted.body.job.id}/result`, as(h.tokens.delegate));
    expect(result.status).toBe(200);
    const doc = (await result.json()) as { settings: { trials: number; seed: number } };
    expect(doc.settings).toMatchObject({ trials: 40_000, seed: 5 });
  });

  it('gives a client that connects after the end the final event at once', async () => {
    const submitted = await submit(h, { kind: 'compare', params: { trials: 200 } });
    await events(h, submitted.body.job.id);
    expect(await events(h, submitted.body.job.id)).toEqual([
      { event: 'done', data: expect.objectContaining({ state: 'done' }) },
    ]);
  });

  it('fails a job the core refuses (unknown variant) with its error, and its result is 409', async () => {
    const submitted = await submit(h, {
      kind: 'failures',
      params: { variant: 'nope', scenario: 'air-raid' },
    });
    expect(submitted.status).toBe(202);
    const seen = await events(h, submitted.body.job.id);
    expect(seen.at(-1)?.event).toBe('failed');
    expect(seen.at(-1)?.data.error).toMatchObject({ code: 'UNKNOWN_VARIANT' });
    const job = await h.app.request(`/jobs/${submitted.body.job.id}`, as(h.tokens.analyst));
    expect(await job.json()).toMatchObject({ job: { state: 'failed', error: { code: 'UNKNOWN_VARIANT' } } });
    const result = await h.app.request(`/jobs/${submitted.body.job.id}/result`, as(h.tokens.analyst));
    expect(result.status).toBe(409);
    expect(await result.json()).toMatchObject({ error: { code: 'JOB_FAILED' } });
  });

  it("lists the plan's jobs, newest first", async () => {
    const res = await h.app.request(`/plans/${h.db.planId}/jobs`, as(h.tokens.delegate));
    expect(res.status).toBe(200);
    const { jobs } = (await res.json()) as { jobs: { kind: string; created: string }[] };
    expect(jobs.map((j) => j.kind)).toEqual(['failures', 'compare', 'assess']);
  });
});

describe('job submission and reads (jobs left queued)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(false);
  });
  afterAll(() => h.db.dispose());

  it.each(['host', 'delegate', 'analyst'] as const)('lets a %s run an analysis (202)', async (who) => {
    const submitted = await submit(h, { kind: 'attribute', params: { variant: 'all' } }, who);
    expect(submitted.status).toBe(202);
    expect(submitted.body.job).toMatchObject({ kind: 'attribute', state: 'queued', requestedBy: who });
  });

  it('answers 401 without a token', async () => {
    expect(
      (await h.app.request(`/plans/${h.db.planId}/jobs`, as(undefined, 'POST', { kind: 'assess' }))).status,
    ).toBe(401);
    expect((await h.app.request('/jobs/x', as(undefined))).status).toBe(401);
    expect((await h.app.request('/jobs/x/events', as(undefined))).status).toBe(401);
  });

  it('answers 409 for the result of a job not done yet', async () => {
    const submitted = await submit(h, { kind: 'assess' });
    const res = await h.app.request(`/jobs/${submitted.body.job.id}/result`, as(h.tokens.analyst));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'JOB_NOT_DONE' } });
  });

  it.each([
    [{ kind: 'attribute', params: {} }, 'params.variant'],
    [{ kind: 'assess', params: { trials: 0 } }, 'params.trials'],
    [{ kind: 'assess', params: { trials: 'many' } }, 'params.trials'],
    [{ kind: 'assess', params: { seed: -1 } }, 'params.seed'],
    [{ kind: 'assess', params: { bogus: 1 } }, 'params'],
    [{ kind: 'sensitivity', params: { variant: 'all', rule: 'most' } }, 'params.rule'],
    [{ kind: 'diff', params: { from: 'yesterday' } }, 'params.from'],
    [{ kind: 'teleport', params: {} }, 'kind'],
    [{ params: {} }, 'kind'],
  ])('refuses bad params %j with 400 naming %s', async (body, path) => {
    const res = await h.app.request(`/plans/${h.db.planId}/jobs`, as(h.tokens.analyst, 'POST', body));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_BODY', path } });
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await h.app.request(`/plans/${h.db.planId}/jobs`, {
      ...as(h.tokens.analyst, 'POST'),
      body: '{"kind":',
    });
    expect(res.status).toBe(400);
  });

  it('refuses a version the plan has not reached, or one inside a write of several events', async () => {
    const ahead = await submit(h, { kind: 'assess', params: { version: h.db.version + 1 } });
    expect(ahead.status).toBe(400);
    expect(ahead.body).toMatchObject({ error: { code: 'UNKNOWN_VERSION', path: 'params.version' } });
    const inside = await submit(h, { kind: 'assess', params: { version: 1 } });
    expect(inside.status).toBe(400);
    expect(inside.body).toMatchObject({ error: { code: 'NO_VALID_PLAN', path: 'params.version' } });
    const exact = await submit(h, { kind: 'assess', params: { version: h.db.version } });
    expect(exact.status).toBe(202);
  });

  it('answers 404 for an unknown plan or job', async () => {
    const plan = await h.app.request('/plans/nope/jobs', as(h.tokens.host, 'POST', { kind: 'assess' }));
    expect(plan.status).toBe(404);
    expect((await h.app.request('/plans/nope/jobs', as(h.tokens.host))).status).toBe(404);
    for (const path of ['/jobs/nope', '/jobs/nope/result', '/jobs/nope/events']) {
      const res = await h.app.request(path, as(h.tokens.host));
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });
});

describe('the job routes in OpenAPI', () => {
  it('describe the request body from the schema the route validates with', () => {
    const paths = jobOpenApiPaths() as Record<string, Record<string, { requestBody?: unknown }>>;
    expect(Object.keys(paths)).toEqual([
      '/plans/{id}/jobs',
      '/jobs/{id}',
      '/jobs/{id}/result',
      '/jobs/{id}/events',
    ]);
    const body = JSON.stringify(paths['/plans/{id}/jobs']?.post?.requestBody);
    for (const kind of ['assess', 'compare', 'attribute', 'sensitivity', 'failures', 'optimize', 'diff']) {
      expect(body).toContain(`"${kind}"`);
    }
  });
});
