/**
 * The server's API without a socket (`app.request()`), over a real PGlite store in a temporary folder:
 * the role × route matrix, optimistic concurrency, idempotent retries, bad input, the OpenAPI document.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { openStore } from '../store/open-store.js';
import { importPlan } from '../store/plan-history.js';
import type { Role, Store } from '../store/store.js';
import { createApp } from './app.js';
import { hashPassword } from './passwords.js';

/** The small test plan with its partners renamed: FRA (was FAR) and DEU (was BIG). */
const PLAN_YAML = SMALL_PLAN_YAML.replaceAll('FAR', 'FRA').replaceAll('BIG', 'DEU');
const FRA_PLEDGE = 'far-tanks';
const DEU_PLEDGE = 'big-jets';

const folder = join(tmpdir(), `guarantor-server-${randomBytes(6).toString('hex')}`);
let store: Store;
let app: ReturnType<typeof createApp>;
const tokens: Partial<Record<Who, string>> = {};

type Who = 'host' | 'delegate' | 'analyst' | 'none';

beforeAll(async () => {
  store = await openStore(folder);
  await store.migrate();
  app = createApp({ store });
  const users: [string, Role, string?][] = [
    ['host', 'host'],
    ['delegate', 'delegate', 'FRA'],
    ['analyst', 'analyst'],
  ];
  for (const [name, role, actor] of users) {
    const made = await store.createUser({
      name,
      role,
      ...(actor === undefined ? {} : { actor }),
      passwordHash: await hashPassword(`${name}-secret`),
    });
    expect(made.ok).toBe(true);
    const res = await app.request('/login', json('POST', { name, password: `${name}-secret` }));
    expect(res.status).toBe(200);
    tokens[name as Who] = ((await res.json()) as { token: string }).token;
  }
});
afterAll(async () => {
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function as(who: Who, init: RequestInit = {}): RequestInit {
  const token = tokens[who];
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}

async function freshPlan(): Promise<{ planId: string; version: number }> {
  const imported = await importPlan(store, PLAN_YAML, 'small.yaml', { who: 'setup', reason: 'test plan' });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  return imported.value;
}

const ledger = async (planId: string) => (await store.events(planId))?.length;

const newPledge = (id: string, actor: string) => ({
  id,
  actor,
  capability: 'jet-sqn',
  quantity: 1,
  posture: 'on-call',
  bindingness: 'political',
});

type Route = (planId: string, version: number) => { path: string; init: RequestInit };

const write = (reason = 'summit decision') => ({
  reason,
  source: { title: 'communiqué', date: '2026-01-06' },
});

const ROUTES: Record<string, Route> = {
  'create FRA pledge': (id, v) => ({
    path: `/plans/${id}/pledges`,
    init: json('POST', { pledge: newPledge('fra-new', 'FRA'), ...write(), expectedVersion: v }),
  }),
  'create DEU pledge': (id, v) => ({
    path: `/plans/${id}/pledges`,
    init: json('POST', { pledge: newPledge('deu-new', 'DEU'), ...write(), expectedVersion: v }),
  }),
  'change FRA pledge': (id, v) => ({
    path: `/plans/${id}/pledges/${FRA_PLEDGE}`,
    init: json('PATCH', { changes: { quantity: 2 }, ...write(), expectedVersion: v }),
  }),
  'change DEU pledge': (id, v) => ({
    path: `/plans/${id}/pledges/${DEU_PLEDGE}`,
    init: json('PATCH', { changes: { quantity: 5 }, ...write(), expectedVersion: v }),
  }),
  'move FRA pledge to DEU': (id, v) => ({
    path: `/plans/${id}/pledges/${FRA_PLEDGE}`,
    init: json('PATCH', { changes: { actor: 'DEU' }, ...write(), expectedVersion: v }),
  }),
  'withdraw FRA pledge': (id, v) => ({
    path: `/plans/${id}/pledges/${FRA_PLEDGE}/withdraw`,
    init: json('POST', { ...write(), expectedVersion: v }),
  }),
  'withdraw DEU pledge': (id, v) => ({
    path: `/plans/${id}/pledges/${DEU_PLEDGE}/withdraw`,
    init: json('POST', { ...write(), expectedVersion: v }),
  }),
  'list plans': () => ({ path: '/plans', init: {} }),
  'read plan': (id) => ({ path: `/plans/${id}`, init: {} }),
  'read events': (id) => ({ path: `/plans/${id}/events`, init: {} }),
  'read openapi': () => ({ path: '/openapi.json', init: {} }),
  assess: (id) => ({ path: `/plans/${id}/assessments`, init: json('POST', { trials: 200, seed: 1 }) }),
};

// Expected status per route for host, delegate of FRA, analyst, no token.
const MATRIX: [string, number, number, number, number][] = [
  ['create FRA pledge', 201, 201, 403, 401],
  ['create DEU pledge', 201, 403, 403, 401],
  ['change FRA pledge', 200, 200, 403, 401],
  ['change DEU pledge', 200, 403, 403, 401],
  ['move FRA pledge to DEU', 200, 403, 403, 401],
  ['withdraw FRA pledge', 200, 200, 403, 401],
  ['withdraw DEU pledge', 200, 403, 403, 401],
  ['list plans', 200, 200, 200, 401],
  ['read plan', 200, 200, 200, 401],
  ['read events', 200, 200, 200, 401],
  ['read openapi', 200, 200, 200, 401],
  ['assess', 200, 200, 200, 401],
];

describe('role × route matrix', () => {
  const cases = MATRIX.flatMap(([route, ...statuses]) =>
    (['host', 'delegate', 'analyst', 'none'] as const).map((who, i) => ({
      route,
      who,
      status: statuses[i] ?? 0,
    })),
  );
  it.each(cases)('$route as $who → $status', async ({ route, who, status }) => {
    const { planId, version } = await freshPlan();
    const make = ROUTES[route];
    if (make === undefined) throw new Error(route);
    const { path, init } = make(planId, version);
    const res = await app.request(path, as(who, init));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { error?: { code: string } };
    const written = (await ledger(planId)) ?? 0;
    const before = version;
    if (status >= 400) {
      expect(body.error?.code).toEqual(expect.any(String));
      expect(written).toBe(before);
    } else if (init.method !== undefined && route !== 'assess') {
      expect(written).toBe(before + 1);
      const last = (await store.events(planId))?.at(-1);
      expect(last).toMatchObject({ who, reason: 'summit decision', source: { title: 'communiqué' } });
    }
  });
});

describe('the API', () => {
  it('answers /health without a token, nothing else', async () => {
    expect((await app.request('/health')).status).toBe(200);
    expect((await app.request('/plans', { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await app.request('/plans', { headers: { Authorization: 'Basic xyz' } })).status).toBe(401);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const body of [
      { name: 'host', password: 'wrong' },
      { name: 'nobody', password: 'host-secret' },
    ]) {
      const res = await app.request('/login', json('POST', body));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
    }
  });

  it('revokes a token on logout', async () => {
    const res = await app.request('/login', json('POST', { name: 'analyst', password: 'analyst-secret' }));
    const { token } = (await res.json()) as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    expect((await app.request('/plans', { headers: auth })).status).toBe(200);
    expect((await app.request('/logout', { method: 'POST', headers: auth })).status).toBe(200);
    expect((await app.request('/plans', { headers: auth })).status).toBe(401);
  });

  it('returns the current plan with its version', async () => {
    const { planId, version } = await freshPlan();
    const res = await app.request(`/plans/${planId}`, as('analyst'));
    const body = (await res.json()) as { version: number; plan: { pledges: { id: string }[] } };
    expect(body.version).toBe(version);
    expect(body.plan.pledges.map((p) => p.id)).toContain(FRA_PLEDGE);
  });

  it('answers a stale write with 409 and the current version, writing nothing', async () => {
    const { planId, version } = await freshPlan();
    const first = ROUTES['change FRA pledge']?.(planId, version);
    if (first === undefined) throw new Error('route');
    expect((await app.request(first.path, as('delegate', first.init))).status).toBe(200);
    const before = await store.events(planId);
    for (const route of ['change FRA pledge', 'withdraw FRA pledge', 'create FRA pledge']) {
      const stale = ROUTES[route]?.(planId, version);
      if (stale === undefined) throw new Error(route);
      const res = await app.request(stale.path, as('delegate', stale.init));
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: { code: 'CONFLICT', currentVersion: version + 1 } });
    }
    expect(await store.events(planId)).toEqual(before);
  });

  it('appends a retried write once (Idempotency-Key)', async () => {
    const { planId, version } = await freshPlan();
    const route = ROUTES['create FRA pledge']?.(planId, version);
    if (route === undefined) throw new Error('route');
    const init = { ...route.init, headers: { ...route.init.headers, 'Idempotency-Key': 'retry-1' } };
    const first = await app.request(route.path, as('delegate', init));
    const again = await app.request(route.path, as('delegate', init));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ version: version + 1, replayed: true });
    expect(await ledger(planId)).toBe(version + 1);
    // The same key from another user is another write (here stale: 409), not a replay.
    const other = await app.request(route.path, as('host', init));
    expect(other.status).toBe(409);
  });

  it('answers unknown plans and pledges with 404', async () => {
    const { planId, version } = await freshPlan();
    expect((await app.request('/plans/nope', as('host'))).status).toBe(404);
    expect((await app.request('/plans/nope/events', as('host'))).status).toBe(404);
    const body = { changes: { quantity: 1 }, reason: 'r', expectedVersion: version };
    expect((await app.request(`/plans/${planId}/pledges/nope`, as('host', json('PATCH', body)))).status).toBe(
      404,
    );
    const create = { pledge: newPledge('x', 'FRA'), reason: 'r', expectedVersion: 0 };
    expect((await app.request('/plans/nope/pledges', as('host', json('POST', create)))).status).toBe(404);
    expect((await app.request('/nowhere', as('host'))).status).toBe(404);
  });

  describe('bad input: a 4xx with a JSON error, and the ledger unchanged', () => {
    const SQL = `'; drop table events; --`;
    const cases: [string, (v: number) => string | object, number, string][] = [
      ['malformed JSON', () => '{"pledge": ', 400, 'INVALID_JSON'],
      ['an array', () => [], 400, 'INVALID_BODY'],
      [
        'a missing reason',
        (v) => ({ pledge: newPledge('p1', 'FRA'), expectedVersion: v }),
        400,
        'INVALID_BODY',
      ],
      [
        'a blank reason',
        (v) => ({ pledge: newPledge('p1', 'FRA'), reason: '  ', expectedVersion: v }),
        400,
        'INVALID_BODY',
      ],
      ['a missing version', () => ({ pledge: newPledge('p1', 'FRA'), reason: 'r' }), 400, 'INVALID_BODY'],
      [
        'a wrong type',
        (v) => ({ pledge: { ...newPledge('p1', 'FRA'), quantity: 'many' }, reason: 'r', expectedVersion: v }),
        400,
        'INVALID_BODY',
      ],
      [
        'an unknown field',
        (v) => ({ pledge: { ...newPledge('p1', 'FRA'), colour: 'red' }, reason: 'r', expectedVersion: v }),
        400,
        'INVALID_BODY',
      ],
      [
        'an unknown capability',
        (v) => ({ pledge: { ...newPledge('p1', 'FRA'), capability: SQL }, reason: SQL, expectedVersion: v }),
        400,
        'PLAN_UNKNOWN_CAPABILITY',
      ],
      [
        'a duplicate pledge id',
        (v) => ({ pledge: newPledge(FRA_PLEDGE, 'FRA'), reason: 'r', expectedVersion: v }),
        400,
        'LEDGER_DUPLICATE_ENTITY',
      ],
      [
        'a huge body',
        (v) => ({ pledge: newPledge('p1', 'FRA'), reason: 'x'.repeat(2_000_000), expectedVersion: v }),
        413,
        'BODY_TOO_LARGE',
      ],
    ];
    it.each(cases)('%s', async (_name, body, status, code) => {
      const { planId, version } = await freshPlan();
      const before = await store.events(planId);
      const res = await app.request(`/plans/${planId}/pledges`, as('host', json('POST', body(version))));
      expect(res.status).toBe(status);
      const answer = (await res.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe(code);
      expect(answer.error.message).toEqual(expect.any(String));
      expect(await store.events(planId)).toEqual(before);
    });

    it('stores SQL meta-characters in strings as plain text', async () => {
      const { planId, version } = await freshPlan();
      const pledge = { ...newPledge(`p-x`, 'FRA'), triggers: [SQL], sources: [{ title: SQL, url: SQL }] };
      const res = await app.request(
        `/plans/${planId}/pledges`,
        as('host', json('POST', { pledge, reason: SQL, source: { title: SQL }, expectedVersion: version })),
      );
      expect(res.status).toBe(201);
      expect((await store.events(planId))?.at(-1)).toMatchObject({ reason: SQL, payload: pledge });
      expect((await app.request(`/plans/${encodeURIComponent(SQL)}`, as('host'))).status).toBe(404);
    });

    it('refuses too many trials', async () => {
      const { planId } = await freshPlan();
      const res = await app.request(
        `/plans/${planId}/assessments`,
        as('analyst', json('POST', { trials: 2e6 })),
      );
      expect(res.status).toBe(400);
    });
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const res = await app.request('/openapi.json', as('analyst'));
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/login',
        '/plans',
        '/plans/{id}',
        '/plans/{id}/pledges/{pledgeId}',
      ]),
    );
    const create = doc.paths['/plans/{id}/pledges']?.post?.requestBody?.content['application/json']?.schema;
    expect(create).toMatchObject({ type: 'object', required: expect.arrayContaining(['pledge', 'reason']) });
  });

  it('returns the assessment document', async () => {
    const { planId, version } = await freshPlan();
    const res = await app.request(
      `/plans/${planId}/assessments`,
      as('analyst', json('POST', { trials: 300, seed: 3 })),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: number; assessment: Record<string, unknown> };
    expect(body.version).toBe(version);
    expect(Object.keys(body.assessment).length).toBeGreaterThan(0);
  });
});
