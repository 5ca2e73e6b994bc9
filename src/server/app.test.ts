/**
 * The server's API without a socket (`app.request()`), on PGlite and on PostgreSQL (unless
 * GUARANTOR_TEST_PG=0): every route × every role with the expected status and the ledger unchanged
 * after each refusal (routes and statuses in test-routes.ts), optimistic concurrency, idempotent retries,
 * 404s, the OpenAPI document, the mount point for more routes. Entities, plans, users and bad input
 * have their own files (routes/*.test.ts, bad-input.test.ts).
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobExecutor } from '../jobs/executor.js';
import { inProcessQueue } from '../jobs/in-process-queue.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { distJobWorkerUrl } from '../jobs/testing/job-stores.js';
import type { Store } from '../store/store.js';
import { storeHarnesses } from '../test-support/test-stores.js';
import { type AppEnv, createApp } from './app.js';
import { jobOpenApiPaths, jobRoutes } from './jobs-routes.js';
import {
  EVERYONE,
  FRA_PLEDGE,
  freshPlan,
  json,
  snapshot,
  type TestApi,
  testApi,
  type Who,
  withToken,
} from './test-app.js';
import { MATRIX, newPledge, ROUTES, write } from './test-routes.js';

describe.each(storeHarnesses())('the API on $name', (harness) => {
  let store: Store;
  let api: TestApi;
  let queue: JobQueue;
  beforeAll(async () => {
    store = await harness.setUp();
    // The job routes run real jobs (in-process, on the compiled worker), like `serve` on PGlite.
    queue = inProcessQueue({ store, execute: jobExecutor(store, { workerUrl: distJobWorkerUrl }) });
    api = await testApi(store, {
      routes: (app) => app.route('/', jobRoutes({ store, queue, pollMs: 20 })),
      openApiPaths: jobOpenApiPaths(),
    });
  });
  afterAll(async () => {
    await queue.stop();
    await harness.tearDown(store);
  });

  const as = (who: Who, init: RequestInit = {}) => withToken(api.tokens[who], init);
  const request = (who: Who, path: string, init?: RequestInit) => api.app.request(path, as(who, init));

  it('has a matrix row for every route and a route for every row', () => {
    expect(MATRIX.map(([route]) => route).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  describe('role × route matrix', () => {
    const cases = MATRIX.flatMap(([route, ...statuses]) =>
      EVERYONE.map((who, i) => ({ route, who, status: statuses[i] ?? 0 })),
    );
    it.each(cases)('$route as $who → $status', async ({ route, who, status }) => {
      const fresh = await freshPlan(store);
      const make = ROUTES[route];
      if (make === undefined) throw new Error(route);
      const req = await make({ store, ...fresh, who });
      const token = req.session && who !== 'none' ? await api.login(who) : api.tokens[who];
      const before = await snapshot(store, fresh.planId);
      const res = await api.app.request(req.path, withToken(token, req.init));
      expect(res.status).toBe(status);
      if (req.stream && status < 400) {
        expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
        expect(await res.text()).toMatch(/^event: done$/m);
        return;
      }
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as { error?: { code: string } };
      if (status >= 400) {
        expect(body.error?.code).toEqual(expect.any(String));
        expect(await snapshot(store, fresh.planId)).toEqual(before);
      } else if (req.appends) {
        const events = (await store.events(fresh.planId)) ?? [];
        expect(events).toHaveLength((before.events?.length ?? 0) + 1);
        expect(events.at(-1)).toMatchObject({
          who,
          reason: 'summit decision',
          source: { title: 'communiqué' },
        });
      }
    });
  });

  describe('the API', () => {
    it('answers /health without a token, nothing else', async () => {
      expect((await api.app.request('/health')).status).toBe(200);
      expect((await api.app.request('/plans', { headers: { Authorization: 'Bearer nope' } })).status).toBe(
        401,
      );
      expect((await api.app.request('/plans', { headers: { Authorization: 'Basic xyz' } })).status).toBe(401);
    });

    it('refuses a wrong password and an unknown user alike', async () => {
      for (const body of [
        { name: 'host', password: 'wrong' },
        { name: 'nobody', password: 'host-secret' },
      ]) {
        const res = await api.app.request('/login', json('POST', body));
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
      }
    });

    it('revokes a token on logout', async () => {
      const auth = { Authorization: `Bearer ${await api.login('analyst')}` };
      expect((await api.app.request('/plans', { headers: auth })).status).toBe(200);
      expect((await api.app.request('/logout', { method: 'POST', headers: auth })).status).toBe(200);
      expect((await api.app.request('/plans', { headers: auth })).status).toBe(401);
    });

    it('answers a stale write with 409 and the current version, writing nothing', async () => {
      const { planId, version } = await freshPlan(store);
      const change = (v: number) => json('PATCH', { changes: { quantity: 2 }, ...write(v) });
      expect(
        (await request('delegate', `/plans/${planId}/pledges/${FRA_PLEDGE}`, change(version))).status,
      ).toBe(200);
      const before = await store.events(planId);
      for (const [path, init] of [
        [`/plans/${planId}/pledges/${FRA_PLEDGE}`, change(version)],
        [`/plans/${planId}/pledges/${FRA_PLEDGE}/withdraw`, json('POST', write(version))],
        [`/plans/${planId}/pledges`, json('POST', { pledge: newPledge('p', 'FRA'), ...write(version) })],
        [`/plans/${planId}/actors/NOR`, json('PATCH', { changes: { name: 'x' }, ...write(version) })],
        [`/plans/${planId}/actors/NOR`, json('PATCH', { changes: { name: 'x' }, ...write(version + 5) })],
      ] as const) {
        const res = await request('host', path, init);
        expect(res.status).toBe(409);
        expect(await res.json()).toMatchObject({ error: { code: 'CONFLICT', currentVersion: version + 1 } });
      }
      expect(await store.events(planId)).toEqual(before);
    });

    it('appends a retried write once (Idempotency-Key), for the same user only', async () => {
      const { planId, version } = await freshPlan(store);
      const path = `/plans/${planId}/variants`;
      const init = json(
        'POST',
        { variant: { id: 'v2' }, ...write(version) },
        { 'Idempotency-Key': 'retry-1' },
      );
      const first = await request('host', path, init);
      const again = await request('host', path, init);
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ version: version + 1, replayed: true });
      expect((await store.events(planId))?.length).toBe(version + 1);
      const pledge = json(
        'POST',
        { pledge: newPledge('p', 'FRA'), ...write(version) },
        { 'Idempotency-Key': 'retry-1' },
      );
      expect((await request('delegate', `/plans/${planId}/pledges`, pledge)).status).toBe(409);
      const long = json(
        'POST',
        { variant: { id: 'v3' }, ...write(version + 1) },
        { 'Idempotency-Key': 'k'.repeat(201) },
      );
      expect((await request('host', path, long)).status).toBe(400);
    });

    it('answers unknown plans, entities and routes with 404', async () => {
      const { planId, version } = await freshPlan(store);
      for (const path of [
        '/plans/nope',
        '/plans/nope/events',
        '/plans/nope/actors',
        `/plans/${planId}/actors/NOPE`,
        '/nowhere',
      ]) {
        expect((await request('host', path)).status).toBe(404);
      }
      const change = json('PATCH', { changes: { quantity: 1 }, reason: 'r', expectedVersion: version });
      expect((await request('host', `/plans/${planId}/pledges/nope`, change)).status).toBe(404);
      const create = json('POST', { capability: { id: 'x', effect: {} }, reason: 'r', expectedVersion: 0 });
      expect((await request('host', '/plans/nope/capabilities', create)).status).toBe(404);
    });

    it('serves an OpenAPI 3.1 document generated from the schemas, with every route', async () => {
      const res = await request('analyst', '/openapi.json');
      type Op = { requestBody?: { content: Record<string, { schema: unknown }> } };
      const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, Op>> };
      expect(doc.openapi).toMatch(/^3\.1\./);
      const paths = Object.keys(doc.paths);
      expect(paths).toContain('/plans/{id}/spare/{actor}/{capability}/withdraw');
      for (const segment of ['actors', 'capabilities', 'pledges', 'scenarios', 'variants']) {
        expect(paths).toEqual(
          expect.arrayContaining([`/plans/{id}/${segment}`, `/plans/{id}/${segment}/{entityId}/withdraw`]),
        );
      }
      expect(paths).toEqual(
        expect.arrayContaining([
          '/me',
          '/users',
          '/tokens',
          '/tokens/{tokenId}',
          '/plans/{id}/diff',
          '/plans/{id}/settings',
          '/track-records',
          '/plans/{id}/track-records',
        ]),
      );
      const create = doc.paths['/plans/{id}/pledges']?.post?.requestBody?.content['application/json']?.schema;
      expect(create).toMatchObject({
        type: 'object',
        required: expect.arrayContaining(['pledge', 'reason']),
      });
      const user = doc.paths['/users']?.post?.requestBody?.content['application/json']?.schema;
      expect(user).toMatchObject({ properties: { role: { enum: ['host', 'delegate', 'analyst'] } } });
    });

    it('refuses an assessment of more trials than the server runs in-process', async () => {
      const { planId } = await freshPlan(store);
      const res = await request('analyst', `/plans/${planId}/assessments`, json('POST', { trials: 2e6 }));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_BODY', path: 'trials' } });
    });

    it('mounts routes of the routes option after authentication', async () => {
      const app = createApp({
        store,
        openApiPaths: { '/jobs-probe': { get: { summary: 'probe' } } },
        routes: (parent, deps) => {
          const jobs = new Hono<AppEnv>();
          jobs.get('/jobs-probe', async (c) =>
            c.json({ user: c.get('user').name, plans: (await deps.store.plans()).length }),
          );
          parent.route('/', jobs);
        },
      });
      expect((await app.request('/jobs-probe')).status).toBe(401);
      const res = await app.request('/jobs-probe', as('analyst'));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: 'analyst', plans: expect.any(Number) });
      expect((await app.request('/jobs-probe/nope', as('analyst'))).status).toBe(404);
      const doc = (await (await app.request('/openapi.json', as('analyst'))).json()) as { paths: object };
      expect(doc.paths).toHaveProperty(['/jobs-probe', 'get', 'summary'], 'probe');
      expect(doc.paths).toHaveProperty('/plans/{id}/pledges');
    });

    it('returns the assessment document', async () => {
      const { planId, version } = await freshPlan(store);
      const res = await request(
        'analyst',
        `/plans/${planId}/assessments`,
        json('POST', { trials: 300, seed: 3 }),
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { version: number; assessment: Record<string, unknown> };
      expect(body.version).toBe(version);
      expect(Object.keys(body.assessment).length).toBeGreaterThan(0);
    });
  });
});
