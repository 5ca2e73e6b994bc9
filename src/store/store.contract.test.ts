/**
 * The Store contract: one suite, run over every implementation — PGlite in a temporary folder and
 * PostgreSQL (127.0.0.1:5432, database `test`, a fresh schema per run, dropped afterwards). Set
 * GUARANTOR_TEST_PG=0 to skip PostgreSQL where there is no server.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePlan } from '../core/plan/index.js';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import type { NewEvent } from './events.js';
import { openStore } from './open-store.js';
import { importPlan, planData } from './plan-history.js';
import { projectPlan } from './projection.js';
import type { Store } from './store.js';

const PG_URL = process.env.GUARANTOR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BY = { who: 'tester', reason: 'contract test' };

interface Harness {
  readonly name: string;
  setUp(): Promise<Store>;
  tearDown(store: Store): Promise<void>;
  /** PGlite only: the folder, to check that a second opening is refused while the store is open. */
  readonly folder?: string;
  /** Raw SQL beside the store, where the database allows a second connection (not PGlite). */
  readonly sql?: (statement: string) => Promise<void>;
}

function pgliteHarness(): Harness {
  const folder = join(tmpdir(), `guarantor-store-${randomBytes(6).toString('hex')}`);
  return {
    name: 'pglite',
    folder,
    setUp: () => openStore(folder),
    tearDown: async (store) => {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function postgresHarness(): Harness {
  const schema = `guarantor_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string, options?: string) => {
    const client = new pg.Client({ connectionString: PG_URL, ...(options === undefined ? {} : { options }) });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    sql: (statement) => admin(statement, `-c search_path=${schema}`),
    setUp: async () => {
      await admin(`create schema ${schema}`);
      return openStore(PG_URL, { schema });
    },
    tearDown: async (store) => {
      await store.close();
      await admin(`drop schema ${schema} cascade`);
    },
  };
}

const harnesses = [pgliteHarness(), ...(process.env.GUARANTOR_TEST_PG === '0' ? [] : [postgresHarness()])];

describe.each(harnesses)('Store on $name', (harness) => {
  let store: Store;
  beforeAll(async () => {
    store = await harness.setUp();
    await store.migrate();
  });
  afterAll(() => harness.tearDown(store));

  const importSmall = async () => {
    const imported = await importPlan(store, SMALL_PLAN_YAML, 'small.yaml', BY);
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    return imported.value;
  };
  const pledge = (id: string, who = 'FAR delegation'): NewEvent => ({
    kind: 'pledge.created',
    entityId: id,
    payload: {
      id,
      actor: 'FAR',
      capability: 'jet-sqn',
      quantity: 1,
      posture: 'on-call',
      bindingness: 'political',
    },
    who,
    reason: `pledge ${id}`,
  });
  const snapshot = async (planId: string) => ({
    plan: await store.plan(planId),
    events: await store.events(planId),
  });

  it('migrates idempotently, also when migrations run at once', async () => {
    expect(await store.migrate()).toEqual([]);
    expect(await Promise.all([store.migrate(), store.migrate()])).toEqual([[], []]);
  });

  it('round-trips the example plan: export of an import equals the input after normalisation', async () => {
    const text = await readFile('examples/ukraine-2025/plan.yaml', 'utf8');
    const imported = await importPlan(store, text, 'plan.yaml', BY);
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    const original = parsePlan(text, 'plan.yaml');
    const exported = await planData(store, imported.value.planId);
    expect(exported?.ok).toBe(true);
    if (!original.ok || exported === undefined || !exported.ok) return;
    const back = parsePlan(stringify(exported.value), 'export.yaml');
    expect(back.ok && back.value.plan).toEqual(original.value.plan);
    // One event per entity, all attributed.
    const events = (await store.events(imported.value.planId)) ?? [];
    expect(events).toHaveLength(imported.value.events);
    expect(events.filter((e) => e.kind === 'pledge.created')).toHaveLength(63);
    expect(events.every((e) => e.who === 'tester' && e.reason === 'contract test')).toBe(true);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('rebuilds the plan as of a seq or a time', async () => {
    const { planId, version } = await importSmall();
    const before = new Date((await store.events(planId))?.at(-1)?.at.getTime() ?? 0);
    await new Promise((r) => setTimeout(r, 20));
    const appended = await store.append(planId, version, [
      {
        kind: 'pledge.withdrawn',
        entityId: 'big-jets',
        payload: {},
        who: 'BIG delegation',
        reason: 'parliament said no',
      },
    ]);
    expect(appended).toMatchObject({ ok: true, value: { version: version + 1 } });
    const status = (data: Record<string, unknown> | undefined) =>
      ((data?.pledges ?? []) as { id: string; status?: string }[]).find((p) => p.id === 'big-jets')?.status;
    const now = await planData(store, planId);
    const bySeq = await planData(store, planId, { seq: version });
    const byTime = await planData(store, planId, { time: before });
    expect(now?.ok && status(now.value)).toBe('withdrawn');
    expect(bySeq?.ok && status(bySeq.value)).toBeUndefined();
    expect(byTime?.ok && status(byTime.value)).toBeUndefined();
    expect(await planData(store, 'no-such-plan')).toBeUndefined();
  });

  it('refuses a stale write with the current version and writes nothing', async () => {
    const { planId, version } = await importSmall();
    expect(await store.append(planId, version, [pledge('first')])).toMatchObject({ ok: true });
    const before = await snapshot(planId);
    const stale = await store.append(planId, version, [pledge('second')]);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', currentVersion: version + 1 } });
    expect(await snapshot(planId)).toEqual(before);
  });

  it('answers a retried write with the original result and appends once', async () => {
    const { planId, version } = await importSmall();
    const first = await store.append(planId, version, [pledge('once')], { idempotencyKey: 'k-1' });
    const retry = await store.append(planId, version, [pledge('once')], { idempotencyKey: 'k-1' });
    expect(first).toMatchObject({ ok: true, value: { version: version + 1, replayed: false } });
    expect(retry).toMatchObject({
      ok: true,
      value: { version: version + 1, firstSeq: version + 1, replayed: true },
    });
    expect((await store.events(planId))?.filter((e) => e.entityId === 'once')).toHaveLength(1);
  });

  it('refuses events that would make the plan invalid, and the ledger stays as it was', async () => {
    const { planId, version } = await importSmall();
    const before = await snapshot(planId);
    const bad = await store.append(planId, version, [
      pledge('fine'),
      { ...pledge('broken'), payload: { ...pledge('broken').payload, capability: 'no-such-capability' } },
    ]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PLAN' } });
    if (!bad.ok && bad.error.code === 'INVALID_PLAN') {
      expect(bad.error.issues.map((i) => i.path)).toContain('pledges[7].capability');
    }
    const unknown = await store.append(planId, version, [
      { kind: 'actor.updated', entityId: 'NOBODY', payload: { id: 'NOBODY' }, who: 'x', reason: 'y' },
    ]);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_EVENT' } });
    const noReason = await store.append(planId, version, [{ ...pledge('why'), reason: '  ' }]);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_EVENT' } });
    expect(await store.append('no-such-plan', 0, [pledge('x')])).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PLAN' },
    });
    expect(await snapshot(planId)).toEqual(before);
  });

  it('loses no update when 20 writers append at once, retrying on conflict', async () => {
    const { planId } = await importSmall();
    const writer = async (i: number) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const version = (await store.plan(planId))?.version ?? 0;
        const result = await store.append(planId, version, [pledge(`w${i}`, `writer ${i}`)], {
          idempotencyKey: `writer-${i}`,
        });
        if (result.ok) return attempt;
        if (result.error.code !== 'CONFLICT') throw new Error(result.error.message);
      }
      throw new Error(`writer ${i} never got through`);
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer(i)));
    const events = (await store.events(planId)) ?? [];
    const written = events.filter((e) => e.entityId.startsWith('w'));
    expect(written.map((e) => e.entityId).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `w${i}`).sort(),
    );
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // The projection the store serves is the replay of the events, one by one.
    const served = await planData(store, planId);
    const replayed = projectPlan(events);
    expect(served?.ok && served.value).toEqual(replayed.ok && replayed.value);
    expect((replayed.ok ? (replayed.value.pledges as unknown[]) : []).length).toBe(6 + 20);
  });

  it('creates nothing when the first events of a new plan are invalid', async () => {
    const before = await store.plans();
    const created = await store.createPlan('broken', [
      { kind: 'plan.created', entityId: '-', payload: { protected: 'NOBODY' }, ...BY },
    ]);
    expect(created).toMatchObject({ ok: false, error: { code: 'INVALID_PLAN' } });
    expect(await store.plans()).toEqual(before);
  });

  it.runIf(harness.folder !== undefined)('refuses a second opening of its folder while open', async () => {
    await expect(openStore(harness.folder ?? '')).rejects.toMatchObject({ code: 'DB_LOCKED' });
  });

  it.skipIf(harness.sql === undefined)(
    'refuses to update or delete ledger rows (database trigger)',
    async () => {
      const { planId } = await importSmall();
      const before = await snapshot(planId);
      await expect(
        harness.sql?.(`update events set reason = 'x' where plan_id = '${planId}'`),
      ).rejects.toThrow(/append-only/);
      await expect(harness.sql?.(`delete from plans where id = '${planId}'`)).rejects.toThrow(/append-only/);
      expect(await snapshot(planId)).toEqual(before);
    },
  );

  it('stores users and revocable tokens (by hash)', async () => {
    const made = await store.createUser({ name: 'fra-1', role: 'delegate', actor: 'FRA', passwordHash: 'h' });
    expect(made.ok).toBe(true);
    expect(await store.createUser({ name: 'fra-1', role: 'host', passwordHash: 'h' })).toMatchObject({
      ok: false,
      error: { code: 'NAME_TAKEN' },
    });
    const user = await store.userByName('fra-1');
    expect(user).toMatchObject({ name: 'fra-1', role: 'delegate', actor: 'FRA', passwordHash: 'h' });
    if (user === undefined) return;
    await store.createToken('t-hash', user.id);
    expect(await store.userByToken('t-hash')).toEqual(user);
    expect(await store.revokeToken('t-hash')).toBe(true);
    expect(await store.userByToken('t-hash')).toBeUndefined();
    expect(await store.revokeToken('t-hash')).toBe(false);
    expect(await store.userByName("x' or '1'='1")).toBeUndefined();
  });
});
