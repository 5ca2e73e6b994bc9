/**
 * For tests: the API over a fresh store with three users (host, delegate of FRA, analyst) logged in,
 * the small test plan (partners renamed FRA and DEU, plus an unreferenced actor and capability and one
 * spare capacity, so that every kind has something to change and withdraw), and request helpers.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { distJobWorkerUrl } from '../jobs/testing/job-stores.js';
import { importPlan } from '../store/plan-history.js';
import type { Role, Store } from '../store/store.js';
import type { StoreHarness } from '../test-support/test-stores.js';
import { type AppOptions, createApp } from './app.js';
import { hashPassword } from './passwords.js';

export const PLAN_YAML = `${SMALL_PLAN_YAML.replaceAll('FAR', 'FRA')
  .replaceAll('BIG', 'DEU')
  .replace('actors:\n', 'actors:\n  - { id: NOR, name: Unreferenced partner }\n')
  .replace('capabilities:\n', 'capabilities:\n  - { id: drone, effect: { air: 1 } }\n')}spare:
  - { actor: FRA, capability: sam, quantity: 1 }
`;
export const FRA_PLEDGE = 'far-tanks';
export const DEU_PLEDGE = 'big-jets';

export type Who = 'host' | 'delegate' | 'analyst' | 'none';
export const EVERYONE: readonly Who[] = ['host', 'delegate', 'analyst', 'none'];

export interface TestApi {
  readonly app: ReturnType<typeof createApp>;
  readonly tokens: Partial<Record<Who, string>>;
  /** A new session token of a user. */
  login(who: Who): Promise<string>;
}

/** Makes the users (once per store) and logs them in on a new app. */
export async function testApi(store: Store, options: Omit<AppOptions, 'store'> = {}): Promise<TestApi> {
  const app = createApp({ store, workerUrl: distJobWorkerUrl, ...options });
  const users: [Who, Role, string?][] = [
    ['host', 'host'],
    ['delegate', 'delegate', 'FRA'],
    ['analyst', 'analyst'],
  ];
  for (const [name, role, actor] of users) {
    if ((await store.userByName(name)) !== undefined) continue;
    const made = await store.createUser({
      name,
      role,
      ...(actor === undefined ? {} : { actor }),
      passwordHash: await hashPassword(`${name}-secret`),
    });
    expect(made.ok).toBe(true);
  }
  const login = async (who: Who) => {
    const res = await app.request('/login', json('POST', { name: who, password: `${who}-secret` }));
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };
  const tokens: Partial<Record<Who, string>> = {};
  for (const [who] of users) tokens[who] = await login(who);
  return { app, tokens, login };
}

export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** The request with a bearer token (none for `none`, or when token is undefined). */
export function withToken(token: string | undefined, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}

export async function freshPlan(store: Store): Promise<{ planId: string; version: number }> {
  const imported = await importPlan(store, PLAN_YAML, 'small.yaml', { who: 'setup', reason: 'test plan' });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  return imported.value;
}

/** What a refused request must leave as it was: the plan's events, the plans, users and tokens. */
export async function snapshot(store: Store, planId: string) {
  return {
    events: await store.events(planId),
    plans: (await store.plans()).length,
    users: (await store.users()).length,
    tokens: (await store.tokens()).map((t) => [t.id, t.revoked ?? null]),
  };
}

export interface TestApiContext {
  readonly store: Store;
  readonly api: TestApi;
  /** A request as one of the test users (`none`: without a token). */
  request(who: Who, path: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * In a `describe.each(storeHarnesses())` block: a fresh store from the harness and the API over it,
 * made before the block's tests and removed after them. Read `store` and `api` inside tests only.
 */
export function useTestApi(harness: StoreHarness): TestApiContext {
  let store: Store | undefined;
  let api: TestApi | undefined;
  beforeAll(async () => {
    store = await harness.setUp();
    api = await testApi(store);
  });
  afterAll(async () => {
    if (store !== undefined) await harness.tearDown(store);
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestApi: read store or api inside a test');
    return value;
  };
  return {
    get store() {
      return ready(store);
    },
    get api() {
      return ready(api);
    },
    request: (who, path, init) => ready(api).app.request(path, withToken(ready(api).tokens[who], init)),
  };
}
