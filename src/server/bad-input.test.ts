/**
 * Bad input to every write of the API, on PGlite and on PostgreSQL (unless GUARANTOR_TEST_PG=0):
 * malformed JSON, wrong types, bodies over the limit, and SQL meta-characters, quotes, backslashes, NUL
 * and unpaired surrogates in every string field — always a 4xx with a JSON error and nothing written, or
 * a 2xx with the value stored verbatim; never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Store } from '../store/store.js';
import { storeHarnesses } from '../test-support/test-stores.js';
import { MAX_BODY_BYTES } from './app.js';
import { freshPlan, json, PLAN_YAML, snapshot, type TestApi, testApi, withToken } from './test-app.js';

const HOSTILE = [
  `'; drop table events; --`,
  '$1',
  '\\',
  `"double" and 'single' quotes`,
  'nul \u0000 byte',
  'half \ud800 a surrogate pair',
  'ünïcödé ✓ 🛡',
];

const source = { title: 'communiqué', url: 'https://example.org/c', date: '2026-01-06' };
const writeFields = (expectedVersion: number) => ({ reason: 'summit decision', source, expectedVersion });

const MINIMAL_PLAN = {
  guarantor: 1,
  title: 'minimal',
  protected: 'HOME',
  actors: [{ id: 'HOME', name: 'Home' }],
  capabilities: [],
  pledges: [],
  scenarios: [{ id: 's', horizonDays: 1, threat: { air: [[0, 1]] } }],
};

interface Template {
  readonly name: string;
  readonly method: 'POST' | 'PATCH';
  path(planId: string): string;
  /** The body for the plan's current version; `n` makes new ids unique between requests. */
  body(version: number, n: number): Record<string, unknown>;
}

const post = (name: string, path: Template['path'], body: Template['body']): Template => ({
  name,
  method: 'POST',
  path,
  body,
});

const TEMPLATES: Template[] = [
  post(
    'create pledge',
    (p) => `/plans/${p}/pledges`,
    (v, n) => ({
      pledge: {
        id: `p${n}`,
        actor: 'FRA',
        capability: 'jet-sqn',
        posture: 'on-call',
        triggers: ['land'],
        requires: ['DEU'],
        sources: [source],
      },
      ...writeFields(v),
    }),
  ),
  {
    name: 'change pledge',
    method: 'PATCH',
    path: (p) => `/plans/${p}/pledges/far-tanks`,
    body: (v) => ({ changes: { triggers: ['air'], sources: [source] }, ...writeFields(v) }),
  },
  post(
    'withdraw pledge',
    (p) => `/plans/${p}/pledges/big-jets/withdraw`,
    (v) => writeFields(v),
  ),
  post(
    'create actor',
    (p) => `/plans/${p}/actors`,
    (v, n) => ({
      actor: { id: `A${n}`, name: 'Partner', bloc: 'DEU' },
      ...writeFields(v),
    }),
  ),
  post(
    'create capability',
    (p) => `/plans/${p}/capabilities`,
    (v, n) => ({
      capability: { id: `c${n}`, name: 'Ship', unit: 'ship', effect: { sea: 1 } },
      ...writeFields(v),
    }),
  ),
  post(
    'create scenario',
    (p) => `/plans/${p}/scenarios`,
    (v, n) => ({
      scenario: { id: `s${n}`, title: 'Sea', tags: ['sea'], horizonDays: 5, threat: { air: [[0, 5]] } },
      ...writeFields(v),
    }),
  ),
  post(
    'create variant',
    (p) => `/plans/${p}/variants`,
    (v, n) => ({
      variant: { id: `v${n}`, include: ['FRA'], statuses: ['delivered'] },
      ...writeFields(v),
    }),
  ),
  post(
    'create spare',
    (p) => `/plans/${p}/spare`,
    (v) => ({
      spare: { actor: 'DEU', capability: 'jet-sqn', quantity: 1 },
      ...writeFields(v),
    }),
  ),
  {
    name: 'change settings',
    method: 'PATCH',
    path: (p) => `/plans/${p}/settings`,
    body: (v) => ({ changes: { newPledgeBindingness: 'executive' }, ...writeFields(v) }),
  },
  post(
    'withdraw actor',
    (p) => `/plans/${p}/actors/NOR/withdraw`,
    (v) => writeFields(v),
  ),
  post(
    'create plan',
    () => '/plans',
    () => ({ title: 'plan', plan: MINIMAL_PLAN, reason: 'why', source }),
  ),
  post(
    'add user',
    () => '/users',
    (_v, n) => ({ name: `user-${n}`, role: 'delegate', actor: 'FRA' }),
  ),
  post(
    'make token',
    () => '/tokens',
    () => ({ label: 'script', user: 'analyst' }),
  ),
  post(
    'log in',
    () => '/login',
    () => ({ name: 'analyst', password: 'wrong' }),
  ),
];

type Path = readonly (string | number)[];

/** The paths of every string in a JSON value. */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    stringPaths(item, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setAt(copy[head], rest, replacement);
  return copy;
}

/** Every string of a value replaced (a whole plan gets each hostile string everywhere at once). */
function replaceAll(value: unknown, replacement: string): unknown {
  return stringPaths(value).reduce((out, path) => setAt(out, path, replacement), value);
}

describe.each(storeHarnesses())('bad input on $name', (harness) => {
  let store: Store;
  let api: TestApi;
  let n = 0;
  beforeAll(async () => {
    store = await harness.setUp();
    // A high login limit: this suite sends many wrong passwords on purpose.
    api = await testApi(store, { loginLimit: { max: 10_000, windowMs: 60_000 } });
  });
  afterAll(() => harness.tearDown(store));

  /** Sends as the host; checks the answer is a 4xx with nothing written or a 2xx holding `needle`. */
  async function check(planId: string, path: string, init: RequestInit, needle?: string) {
    const before = await snapshot(store, planId);
    const res = await api.app.request(path, withToken(api.tokens.host, init));
    expect(res.status, `${init.method} ${path}: ${String(init.body).slice(0, 200)}`).toBeLessThan(500);
    const body = (await res.json()) as { error?: { code: string; message: string }; id?: string };
    if (res.status >= 400) {
      expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(await snapshot(store, planId)).toEqual(before);
    } else if (needle !== undefined) {
      const created = body.id === undefined ? undefined : await store.events(body.id);
      const stored = JSON.stringify({
        ...(await snapshot(store, planId)),
        created,
        all: await store.tokens(),
        users: await store.users(),
        plans: await store.plans(),
      });
      expect(stored).toContain(JSON.stringify(needle).slice(1, -1));
    }
    return res.status;
  }

  const version = async (planId: string) => (await store.plan(planId))?.version ?? 0;

  it.each(TEMPLATES)('$name: SQL meta-characters, quotes, NUL in every string field', async (template) => {
    const { planId } = await freshPlan(store);
    const statuses = new Set<number>();
    const paths = stringPaths(template.body(0, 0));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      for (const hostile of HOSTILE) {
        const body = setAt(template.body(await version(planId), ++n), path, hostile);
        const init = json(template.method, body);
        const stored = hostile.includes('\u0000') || /[\ud800-\udfff]/.test(hostile.replace('🛡', ''));
        const status = await check(planId, template.path(planId), init, hostile);
        if (stored) expect(status).toBe(400);
        statuses.add(status);
      }
    }
    expect([...statuses].every((s) => s < 500)).toBe(true);
  });

  it.each(HOSTILE)('a whole plan with every string set to %j', async (hostile) => {
    const { planId } = await freshPlan(store);
    const plan = replaceAll(parse(PLAN_YAML), hostile);
    await check(planId, '/plans', json('POST', { title: 'hostile', plan }), hostile);
  });

  it.each(TEMPLATES)('$name: malformed JSON, wrong types, an array, a huge body', async (template) => {
    const { planId } = await freshPlan(store);
    const path = template.path(planId);
    const good = template.body(await version(planId), ++n);
    const bodies: [string | unknown, number][] = [
      ['{"reason": ', 400],
      ['', 400],
      [[], 400],
      ['null', 400],
      [replaceAll(good, 42 as unknown as string), 400],
      [{ ...good, unexpected: true }, 400],
      [{ ...good, reason: 'x'.repeat(MAX_BODY_BYTES + 1) }, 413],
    ];
    for (const [body, status] of bodies) {
      expect(await check(planId, path, json(template.method, body))).toBe(status);
    }
  });

  it('answers hostile ids in URLs with a 4xx', async () => {
    const { planId, version: v } = await freshPlan(store);
    const ids = [...HOSTILE.filter((h) => !h.includes('\ud800')), '..', '%', '%2e%2e'].map(
      encodeURIComponent,
    );
    // An unpaired surrogate as UTF-8 (what encodeURIComponent refuses to write), and broken escapes.
    for (const id of [...ids, '%ED%A0%80', '%FF', '%E0%A4%A']) {
      for (const path of [`/plans/${id}`, `/plans/${planId}/actors/${id}`, `/plans/${id}/diff?from=${id}`]) {
        await check(planId, path, { method: 'GET' });
      }
      await check(
        planId,
        `/plans/${planId}/actors/${id}`,
        json('PATCH', { changes: { name: 'x' }, ...writeFields(v) }),
      );
      await check(planId, `/tokens/${id}`, { method: 'DELETE' });
      await check(planId, `/plans/${planId}?asOf=${id}`, { method: 'GET' });
    }
  });
});
