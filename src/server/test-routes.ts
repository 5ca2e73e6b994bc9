/**
 * For the role × route matrix (app.test.ts): every route of the API as a request a test can send, and
 * the status each role must get — host, delegate of FRA, analyst, no token.
 */
import { randomBytes } from 'node:crypto';
import { parse } from 'yaml';
import { importKiel } from '../core/track-records/kiel.js';
import { SMALL_KIEL } from '../core/track-records/testing/small-kiel.js';
import { trackRecordDocument } from '../core/track-records/track-record-document.js';
import type { Store } from '../store/store.js';
import { newToken, tokenHash } from './passwords.js';
import { DEU_PLEDGE, FRA_PLEDGE, json, PLAN_YAML, type Who } from './test-app.js';

export const newPledge = (id: string, actor: string) => ({
  id,
  actor,
  capability: 'jet-sqn',
  quantity: 1,
  posture: 'on-call',
  bindingness: 'political',
});

export const write = (expectedVersion: number) => ({
  reason: 'summit decision',
  source: { title: 'communiqué', date: '2026-01-06' },
  expectedVersion,
});

export interface Ctx {
  readonly store: Store;
  readonly planId: string;
  readonly version: number;
  readonly who: Who;
}

export interface Req {
  readonly path: string;
  readonly init?: RequestInit;
  /** On success, one event is appended to the plan, attributed to the caller. */
  readonly appends?: boolean;
  /** Sent with a new session of the caller (a route that revokes the token it is called with). */
  readonly session?: boolean;
  /** Answers server-sent events (text/event-stream) when it succeeds. */
  readonly stream?: boolean;
}

type Route = (ctx: Ctx) => Req | Promise<Req>;

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** POST (create), PATCH (change) and withdraw of one entity kind, as the host would send them. */
function entityWrites(segment: string, kind: string, created: object, item: string, changes: object) {
  const at = (ctx: Ctx) => `/plans/${ctx.planId}/${segment}${item === '' ? '' : `/${item}`}`;
  const routes: Record<string, Route> = {
    [`create ${kind}`]: (ctx) => ({
      path: `/plans/${ctx.planId}/${segment}`,
      init: json('POST', { [kind]: created, ...write(ctx.version) }),
      appends: true,
    }),
    [`change ${kind}`]: (ctx) => ({
      path: at(ctx),
      init: json('PATCH', { changes, ...write(ctx.version) }),
      appends: true,
    }),
    [`withdraw ${kind}`]: (ctx) => ({
      path: `${at(ctx)}/withdraw`,
      init: json('POST', write(ctx.version)),
      appends: true,
    }),
    [`read ${kind}`]: (ctx) => ({ path: at(ctx) }),
  };
  if (item !== '') routes[`list ${segment}`] = (ctx) => ({ path: `/plans/${ctx.planId}/${segment}` });
  return routes;
}

/** A finished assessment job of the plan, made directly in the store (no queue); returns its id. */
async function doneJob(ctx: Ctx): Promise<string> {
  const job = await ctx.store.createJob({
    planId: ctx.planId,
    planVersion: ctx.version,
    kind: 'assess',
    params: { trials: 10 },
    requestedBy: 'setup',
  });
  const run = unique('run');
  if ((await ctx.store.claimJob(job.id, run)) === undefined) throw new Error('setup: claim');
  if (!(await ctx.store.finishJob(job.id, '{"model":1}'))) throw new Error('setup: finish');
  return job.id;
}

/** Track records stored directly (no route), so that reading them answers 200. */
async function storedTrackRecords(store: Store): Promise<void> {
  const document = trackRecordDocument(importKiel(SMALL_KIEL));
  if (document === undefined) throw new Error('setup: track records');
  await store.saveTrackRecords({ document, importedBy: 'setup' });
}

/** An API token of a user, made directly in the store; returns its public id. */
async function apiToken(store: Store, name: string): Promise<string> {
  const user = await store.userByName(name);
  if (user === undefined) throw new Error(name);
  return (await store.createToken(tokenHash(newToken()), user.id, { kind: 'api', label: 'matrix' })).id;
}

export const ROUTES: Record<string, Route> = {
  health: () => ({ path: '/health' }),
  login: () => ({ path: '/login', init: json('POST', { name: 'analyst', password: 'analyst-secret' }) }),
  logout: () => ({ path: '/logout', init: { method: 'POST' }, session: true }),
  'read openapi': () => ({ path: '/openapi.json' }),
  'read me': () => ({ path: '/me' }),
  'list users': () => ({ path: '/users' }),
  'add user': () => ({ path: '/users', init: json('POST', { name: unique('u'), role: 'analyst' }) }),
  'make own token': () => ({ path: '/tokens', init: json('POST', { label: 'script' }) }),
  'make token for host': () => ({ path: '/tokens', init: json('POST', { label: 'script', user: 'host' }) }),
  'list own tokens': () => ({ path: '/tokens' }),
  'list all tokens': () => ({ path: '/tokens?all=true' }),
  'revoke own token': async (ctx) => ({
    path: `/tokens/${await apiToken(ctx.store, ctx.who === 'none' ? 'analyst' : ctx.who)}`,
    init: { method: 'DELETE' },
  }),
  "revoke host's token": async (ctx) => ({
    path: `/tokens/${await apiToken(ctx.store, 'host')}`,
    init: { method: 'DELETE' },
  }),
  'list plans': () => ({ path: '/plans' }),
  'create plan': () => ({
    path: '/plans',
    init: json('POST', { title: 'second plan', plan: parse(PLAN_YAML), reason: 'new summit' }),
  }),
  'read plan': (ctx) => ({ path: `/plans/${ctx.planId}` }),
  'read plan as of': (ctx) => ({ path: `/plans/${ctx.planId}?asOf=${ctx.version}` }),
  'read events': (ctx) => ({ path: `/plans/${ctx.planId}/events` }),
  'read diff': (ctx) => ({ path: `/plans/${ctx.planId}/diff?from=${ctx.version}` }),
  assess: (ctx) => ({
    path: `/plans/${ctx.planId}/assessments`,
    init: json('POST', { trials: 200, seed: 1 }),
  }),
  'submit job': (ctx) => ({
    path: `/plans/${ctx.planId}/jobs`,
    init: json('POST', { kind: 'assess', params: { trials: 50, seed: 1 } }),
  }),
  'list plan jobs': (ctx) => ({ path: `/plans/${ctx.planId}/jobs` }),
  'read job': async (ctx) => ({ path: `/jobs/${await doneJob(ctx)}` }),
  'read job result': async (ctx) => ({ path: `/jobs/${await doneJob(ctx)}/result` }),
  'read job events': async (ctx) => ({ path: `/jobs/${await doneJob(ctx)}/events`, stream: true }),
  'create FRA pledge': (ctx) => ({
    path: `/plans/${ctx.planId}/pledges`,
    init: json('POST', { pledge: newPledge('fra-new', 'FRA'), ...write(ctx.version) }),
    appends: true,
  }),
  'create DEU pledge': (ctx) => ({
    path: `/plans/${ctx.planId}/pledges`,
    init: json('POST', { pledge: newPledge('deu-new', 'DEU'), ...write(ctx.version) }),
    appends: true,
  }),
  'change FRA pledge': (ctx) => ({
    path: `/plans/${ctx.planId}/pledges/${FRA_PLEDGE}`,
    init: json('PATCH', { changes: { quantity: 2 }, ...write(ctx.version) }),
    appends: true,
  }),
  'change DEU pledge': (ctx) => ({
    path: `/plans/${ctx.planId}/pledges/${DEU_PLEDGE}`,
    init: json('PATCH', { changes: { quantity: 5 }, ...write(ctx.version) }),
    appends: true,
  }),
  'move FRA pledge to DEU': (ctx) => ({
    path: `/plans/${ctx.planId}/pledges/${FRA_PLEDGE}`,
    init: json('PATCH', { changes: { actor: 'DEU' }, ...write(ctx.version) }),
    appends: true,
  }),
  'withdraw FRA pledge': (ctx) => ({
    path: `/plans/${ctx.planId}/pledges/${FRA_PLEDGE}/withdraw`,
    init: json('POST', write(ctx.version)),
    appends: true,
  }),
  'withdraw DEU pledge': (ctx) => ({
    path: `/plans/${ctx.planId}/pledges/${DEU_PLEDGE}/withdraw`,
    init: json('POST', write(ctx.version)),
    appends: true,
  }),
  'read track records': async (ctx) => {
    await storedTrackRecords(ctx.store);
    return { path: '/track-records' };
  },
  'import track records': () => ({ path: '/track-records', init: json('POST', SMALL_KIEL) }),
  "read plan's track records": async (ctx) => {
    await storedTrackRecords(ctx.store);
    return { path: `/plans/${ctx.planId}/track-records?floor=0.4` };
  },
  'list pledges': (ctx) => ({ path: `/plans/${ctx.planId}/pledges` }),
  'read pledge': (ctx) => ({ path: `/plans/${ctx.planId}/pledges/${DEU_PLEDGE}` }),
  ...entityWrites('actors', 'actor', { id: 'NEW', name: 'New partner' }, 'NOR', { name: 'Renamed' }),
  ...entityWrites('capabilities', 'capability', { id: 'ship', effect: { sea: 1 } }, 'drone', {
    unit: 'swarm',
  }),
  ...entityWrites(
    'scenarios',
    'scenario',
    { id: 'sea', horizonDays: 5, threat: { air: [[0, 5]] } },
    'air-raid',
    {
      weight: 2,
    },
  ),
  ...entityWrites('variants', 'variant', { id: 'v-new', include: ['FRA'] }, 'all', {
    statuses: ['delivered'],
  }),
  ...entityWrites('spare', 'spare', { actor: 'FRA', capability: 'jet-sqn', quantity: 2 }, 'FRA/sam', {
    quantity: 3,
  }),
  ...entityWrites('settings', 'settings', { trials: 100 }, '', { trials: 300 }),
};

// The settings exist in the test plan: their creation is tried after withdrawing them (as setup).
const createSettings = ROUTES['create settings'];
ROUTES['create settings'] = async (ctx) => {
  const withdrawn = await ctx.store.append(ctx.planId, ctx.version, [
    { kind: 'settings.withdrawn', entityId: '-', payload: {}, who: 'setup', reason: 'defaults' },
  ]);
  if (!withdrawn.ok || createSettings === undefined) throw new Error('setup');
  return createSettings({ ...ctx, version: withdrawn.value.version });
};

const READ = [200, 200, 200, 401] as const;
const HOST_WRITES = (status: number) => [status, 403, 403, 401] as const;
const entityRows = (kind: string, list?: string): [string, ...(readonly number[])][] => [
  ...(list === undefined ? [] : [[`list ${list}`, ...READ] as [string, ...number[]]]),
  [`read ${kind}`, ...READ],
  [`create ${kind}`, ...HOST_WRITES(201)],
  [`change ${kind}`, ...HOST_WRITES(200)],
  [`withdraw ${kind}`, ...HOST_WRITES(200)],
];

// Expected status per route for host, delegate of FRA, analyst, no token. Every route of the API.
export const MATRIX: [string, ...(readonly number[])][] = [
  ['health', 200, 200, 200, 200],
  ['login', 200, 200, 200, 200],
  ['logout', ...READ],
  ['read openapi', ...READ],
  ['read me', ...READ],
  ['list users', 200, 403, 403, 401],
  ['add user', 201, 403, 403, 401],
  ['make own token', 201, 201, 201, 401],
  ['make token for host', 201, 403, 403, 401],
  ['list own tokens', ...READ],
  ['list all tokens', 200, 403, 403, 401],
  ['revoke own token', ...READ],
  ["revoke host's token", 200, 404, 404, 401],
  ['list plans', ...READ],
  ['create plan', 201, 403, 403, 401],
  ['read plan', ...READ],
  ['read plan as of', ...READ],
  ['read events', ...READ],
  ['read diff', ...READ],
  ['assess', ...READ],
  ['submit job', 202, 202, 202, 401],
  ['list plan jobs', ...READ],
  ['read job', ...READ],
  ['read job result', ...READ],
  ['read job events', ...READ],
  ['list pledges', ...READ],
  ['read pledge', ...READ],
  ['create FRA pledge', 201, 201, 403, 401],
  ['create DEU pledge', 201, 403, 403, 401],
  ['change FRA pledge', 200, 200, 403, 401],
  ['change DEU pledge', 200, 403, 403, 401],
  ['move FRA pledge to DEU', 200, 403, 403, 401],
  ['withdraw FRA pledge', 200, 200, 403, 401],
  ['withdraw DEU pledge', 200, 403, 403, 401],
  ['read track records', ...READ],
  ['import track records', ...HOST_WRITES(201)],
  ["read plan's track records", ...READ],
  ...entityRows('actor', 'actors'),
  ...entityRows('capability', 'capabilities'),
  ...entityRows('scenario', 'scenarios'),
  ...entityRows('variant', 'variants'),
  ...entityRows('spare', 'spare'),
  ...entityRows('settings'),
];
