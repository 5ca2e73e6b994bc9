/**
 * The OpenAPI document tells the truth, on PGlite and on PostgreSQL (unless GUARANTOR_TEST_PG=0): real
 * requests through `app.request()` — every route × every role (test-routes.ts), then the error answers
 * (bad JSON, unknown plans, stale versions, a body over the limit, the login limit, bad queries, …) —
 * and each answer's status must be documented for its path and method, and its body must satisfy the
 * JSON Schema the served /openapi.json gives (read back with zod's `z.fromJSONSchema`). At the end every
 * documented operation must have been exercised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobExecutor } from '../jobs/executor.js';
import { inProcessQueue } from '../jobs/in-process-queue.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { distJobWorkerUrl } from '../jobs/testing/job-stores.js';
import type { Store } from '../store/store.js';
import { storeHarnesses } from '../test-support/test-stores.js';
import { MAX_BODY_BYTES } from './app.js';
import { jobOpenApiPaths, jobRoutes } from './jobs-routes.js';
import {
  DEU_PLEDGE,
  EVERYONE,
  FRA_PLEDGE,
  freshPlan,
  json,
  type TestApi,
  testApi,
  type Who,
  withToken,
} from './test-app.js';
import { type Ctx, MATRIX, type Req, ROUTES, write } from './test-routes.js';

type Media = { schema?: unknown };
type Documented = { content?: Record<string, Media> };
type Operation = { responses: Record<string, Documented> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

/** The schema with every `#/components/schemas/…` reference replaced by what it names. */
function resolved(schema: unknown, doc: Document): unknown {
  if (Array.isArray(schema)) return schema.map((item) => resolved(item, doc));
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    const target = name === undefined ? undefined : doc.components.schemas[name];
    if (target === undefined) throw new Error(`the document has no ${ref}`);
    return resolved(target, doc);
  }
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, resolved(value, doc)]));
}

/** `/plans/{id}/spare/{actor}/{capability}` → a pattern of the concrete paths it names. */
function templatePattern(template: string): RegExp {
  const segments = template
    .split('/')
    .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${segments.join('/')}$`);
}

/** The documented path a request path is an instance of: the one with the fewest parameters. */
function templateOf(doc: Document, path: string): string | undefined {
  const bare = path.split('?')[0] ?? path;
  const matches = Object.keys(doc.paths).filter((t) => templatePattern(t).test(bare));
  const params = (t: string) => (t.match(/\{/g) ?? []).length;
  return matches.sort((a, b) => params(a) - params(b))[0];
}

describe.each(storeHarnesses())('the OpenAPI document on $name', (harness) => {
  let store: Store;
  let api: TestApi;
  let queue: JobQueue;
  let doc: Document;
  /** `post /plans/{id}/pledges` → the statuses seen. */
  const seen = new Map<string, Set<number>>();

  beforeAll(async () => {
    store = await harness.setUp();
    queue = inProcessQueue({ store, execute: jobExecutor(store, { workerUrl: distJobWorkerUrl }) });
    api = await testApi(store, {
      routes: (app) => app.route('/', jobRoutes({ store, queue, pollMs: 20 })),
      openApiPaths: jobOpenApiPaths(),
      // Small, so that the login limit's 429 is reached in a test.
      loginLimit: { max: 3, windowMs: 60_000 },
    });
    const res = await api.app.request('/openapi.json', withToken(api.tokens.analyst));
    doc = (await res.json()) as Document;
  });
  afterAll(async () => {
    await queue.stop();
    await harness.tearDown(store);
  });

  /** Sends a request and checks its answer against the document; returns the status. */
  async function checked(path: string, init: RequestInit = {}): Promise<number> {
    const method = (init.method ?? 'GET').toLowerCase();
    const template = templateOf(doc, path);
    const where = `${method.toUpperCase()} ${template ?? path}`;
    expect(template, `${path} is not a documented path`).toBeDefined();
    const operation = template === undefined ? undefined : doc.paths[template]?.[method];
    expect(operation, `${where} is not documented`).toBeDefined();
    const res = await api.app.request(path, init);
    const documented = operation?.responses[String(res.status)];
    expect(documented, `${where} answered ${res.status}, which is not documented`).toBeDefined();
    const type = res.headers.get('content-type') ?? '';
    const media = type.startsWith('text/event-stream') ? 'text/event-stream' : 'application/json';
    expect(Object.keys(documented?.content ?? {}), `${where} ${res.status} as ${type}`).toContain(media);
    const text = await res.text();
    if (media === 'application/json') {
      const schema = z.fromJSONSchema(resolved(documented?.content?.[media]?.schema, doc) as never);
      const parsed = schema.safeParse(JSON.parse(text));
      expect(
        parsed.success,
        `${where} ${res.status}: the body does not fit the documented schema: ${
          parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))
        }\n${text.slice(0, 500)}`,
      ).toBe(true);
    }
    const key = `${method} ${template}`;
    seen.set(key, (seen.get(key) ?? new Set()).add(res.status));
    return res.status;
  }

  const as = (who: Who, init: RequestInit = {}) => withToken(api.tokens[who], init);

  it('documents the answer when no track records are stored yet', async () => {
    expect(await checked('/track-records', as('analyst'))).toBe(404);
    const { planId } = await freshPlan(store);
    expect(await checked(`/plans/${planId}/track-records`, as('analyst'))).toBe(404);
  });

  describe('every route as every role', () => {
    const cases = MATRIX.flatMap(([route, ...statuses]) =>
      EVERYONE.map((who, i) => ({ route, who, status: statuses[i] ?? 0 })),
    );
    it.each(cases)('$route as $who → $status fits the document', async ({ route, who, status }) => {
      const fresh = await freshPlan(store);
      const req = await requestOf(route, { store, ...fresh, who });
      const token = req.session && who !== 'none' ? await api.login(who) : api.tokens[who];
      expect(await checked(req.path, withToken(token, req.init))).toBe(status);
    });
  });

  describe('error answers', () => {
    /** Each route's request as the host sends it on a fresh plan, for the routes `keep` selects. */
    async function eachRoute(
      keep: (req: Req, ctx: Ctx) => boolean,
      send: (req: Req, ctx: Ctx) => Promise<void>,
    ): Promise<number> {
      let sent = 0;
      for (const route of Object.keys(ROUTES)) {
        const ctx: Ctx = { store, ...(await freshPlan(store)), who: 'host' };
        const req = await requestOf(route, ctx);
        if (!keep(req, ctx)) continue;
        await send(req, ctx);
        sent += 1;
      }
      return sent;
    }

    it('answers every write whose body is not JSON with 400', async () => {
      const sent = await eachRoute(
        (req) => typeof req.init?.body === 'string',
        async (req) => {
          expect(await checked(req.path, as('host', { ...req.init, body: '{"not json' }))).toBe(400);
        },
      );
      expect(sent).toBeGreaterThan(30);
    });

    it("answers every plan's route on a plan that does not exist with 404", async () => {
      const sent = await eachRoute(
        (req, ctx) => req.path.includes(ctx.planId),
        async (req, ctx) => {
          const path = req.path.replace(ctx.planId, 'no-such-plan');
          expect(await checked(path, as('host', req.init ?? {}))).toBe(404);
        },
      );
      expect(sent).toBeGreaterThan(30);
    });

    it('answers every ledger write on a version the plan is not at with 409', async () => {
      const sent = await eachRoute(
        (req) => req.appends === true && typeof req.init?.body === 'string',
        async (req) => {
          const body = JSON.parse(String(req.init?.body)) as { expectedVersion: number };
          const stale = JSON.stringify({ ...body, expectedVersion: body.expectedVersion + 5 });
          expect(await checked(req.path, as('host', { ...req.init, body: stale }))).toBe(409);
        },
      );
      expect(sent).toBeGreaterThan(20);
    });

    it('answers bodies over the limit, a taken name, an unknown user', async () => {
      const big = json('POST', { title: 'x', plan: { padding: 'x'.repeat(MAX_BODY_BYTES) } });
      expect(await checked('/plans', as('host', big))).toBe(413);
      expect(await checked('/users', as('host', json('POST', { name: 'analyst', role: 'analyst' })))).toBe(
        409,
      );
      const token = json('POST', { label: 'script', user: 'nobody' });
      expect(await checked('/tokens', as('host', token))).toBe(404);
      expect(await checked('/tokens/no-such-token', as('host', { method: 'DELETE' }))).toBe(404);
    });

    it('answers the login limit with 429', async () => {
      const wrong = json('POST', { name: 'limited', password: 'wrong' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push(await checked('/login', wrong));
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

    it('answers bad query values and bad plan points', async () => {
      const { planId, version } = await freshPlan(store);
      expect(await checked(`/plans/${planId}?asOf=yesterday`, as('analyst'))).toBe(400);
      expect(await checked(`/plans/${planId}?asOf=1999-01-01`, as('analyst'))).toBe(404);
      expect(await checked(`/plans/${planId}/diff`, as('analyst'))).toBe(400);
      expect(await checked(`/plans/${planId}/diff?from=${version}&to=1`, as('analyst'))).toBe(400);
      expect(await checked(`/plans/${planId}/track-records?floor=2`, as('analyst'))).toBe(400);
      const job = json('POST', { kind: 'assess', params: { trials: 10, version: version + 9 } });
      expect(await checked(`/plans/${planId}/jobs`, as('analyst', job))).toBe(400);
    });

    it('answers unknown jobs and a result that is not there yet', async () => {
      for (const path of ['/jobs/no-such-job', '/jobs/no-such-job/result', '/jobs/no-such-job/events']) {
        expect(await checked(path, as('analyst'))).toBe(404);
      }
      const { planId, version } = await freshPlan(store);
      const job = await store.createJob({
        planId,
        planVersion: version,
        kind: 'assess',
        params: { trials: 10 },
        requestedBy: 'setup',
      });
      expect(await checked(`/jobs/${job.id}/result`, as('analyst'))).toBe(409);
      expect(await checked(`/jobs/${job.id}`, as('analyst'))).toBe(200);
    });

    it('answers an import with errors with every issue', async () => {
      const broken = { releaseInfo: 'nonsense\n', dataExplorer: 'nonsense\n' };
      expect(await checked('/track-records', as('host', json('POST', broken)))).toBe(400);
    });

    it('answers a PATCH that removes a required field, and one that removes an optional field', async () => {
      const { planId, version } = await freshPlan(store);
      const pledge = `/plans/${planId}/pledges/${FRA_PLEDGE}`;
      const required = json('PATCH', { changes: { capability: null }, ...write(version) });
      expect(await checked(pledge, as('host', required))).toBe(400);
      const optional = json('PATCH', { changes: { readinessDays: null }, ...write(version) });
      expect(await checked(pledge, as('delegate', optional))).toBe(200);
      const other = json('PATCH', { changes: { readinessDays: null }, ...write(version + 1) });
      expect(await checked(`/plans/${planId}/pledges/${DEU_PLEDGE}`, as('delegate', other))).toBe(403);
    });
  });

  it('has exercised every documented operation', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    const missing = documented.filter((operation) => !seen.has(operation));
    expect(missing).toEqual([]);
    // Every operation was seen succeeding at least once.
    const neverOk = documented.filter((op) => ![...(seen.get(op) ?? [])].some((s) => s < 300));
    expect(neverOk).toEqual([]);
  });
});

async function requestOf(route: string, ctx: Ctx): Promise<Req> {
  const make = ROUTES[route];
  if (make === undefined) throw new Error(`no route "${route}" in test-routes.ts`);
  return make(ctx);
}
