/**
 * The Store contract: one suite, run over every implementation — PGlite in a temporary folder and
 * PostgreSQL (127.0.0.1:5432, database `test`, a fresh schema per run, dropped afterwards). Set
 * GUARANTOR_TEST_PG=0 to skip PostgreSQL where there is no server.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { assess } from '../core/engine/assess.js';
import { parsePlan } from '../core/plan/index.js';
import { planFromData } from '../core/plan/parse-plan.js';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { adminSql, freshSchemaName, TEST_PG_URL, WITH_PG } from '../test-support/test-databases.js';
import type { NewEvent } from './events.js';
import { type OpenOptions, openStore } from './open-store.js';
import { importPlan, planData } from './plan-history.js';
import { projectPlan } from './projection.js';
import type { AsOf, Store } from './store.js';

const BY = { who: 'tester', reason: 'contract test' };

interface Harness {
  readonly name: string;
  setUp(): Promise<Store>;
  tearDown(store: Store): Promise<void>;
  /** PGlite only: the folder, to check that a second opening is refused while the store is open. */
  readonly folder?: string;
  /** Raw SQL beside the store, where the database allows a second connection (not PGlite). */
  readonly sql?: (statement: string) => Promise<void>;
  /**
   * Another store: on the same database where it allows a second user (PostgreSQL: `sharesDatabase`),
   * else on a database of its own (PGlite: a second folder). `close` also removes what it made.
   */
  other(options?: OpenOptions): Promise<{ readonly store: Store; close(): Promise<void> }>;
  readonly sharesDatabase: boolean;
}

function pgliteHarness(): Harness {
  const folder = join(tmpdir(), `guarantor-store-${randomBytes(6).toString('hex')}`);
  return {
    name: 'pglite',
    folder,
    sharesDatabase: false,
    other: async (options) => {
      const elsewhere = `${folder}-other-${randomBytes(3).toString('hex')}`;
      const store = await openStore(elsewhere, options);
      await store.migrate();
      return {
        store,
        close: async () => {
          await store.close();
          await rm(elsewhere, { recursive: true, force: true });
        },
      };
    },
    setUp: () => openStore(folder),
    tearDown: async (store) => {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function postgresHarness(): Harness {
  const schema = freshSchemaName('guarantor_test');
  return {
    name: 'postgres',
    sql: (statement) => adminSql(statement, `-c search_path=${schema}`),
    sharesDatabase: true,
    other: async (options) => {
      const store = await openStore(TEST_PG_URL, { ...options, schema });
      return { store, close: () => store.close() };
    },
    setUp: async () => {
      await adminSql(`create schema ${schema}`);
      return openStore(TEST_PG_URL, { schema });
    },
    tearDown: async (store) => {
      await store.close();
      await adminSql(`drop schema ${schema} cascade`);
    },
  };
}

const harnesses = [pgliteHarness(), ...(WITH_PG ? [postgresHarness()] : [])];

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
  /** What `current` must give: the replay of the stored events, validated (no cache involved). */
  const replayOf = async (on: Store, planId: string, asOf?: AsOf) => {
    const data = await planData(on, planId, asOf);
    if (data === undefined) return undefined;
    const events = (await on.events(planId, asOf)) ?? [];
    return data.ok ? { ok: true, value: { version: events.at(-1)?.seq ?? 0, plan: data.value } } : data;
  };
  const pledgeIds = (current: Awaited<ReturnType<Store['current']>>) =>
    current?.ok ? (current.value.plan.pledges as { id: string }[]).map((p) => p.id) : [];

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

  it('gives back each entity as written, key order included: an assessment from the ledger is the same bytes', async () => {
    const { planId } = await importSmall();
    const exported = await planData(store, planId);
    const original = parsePlan(SMALL_PLAN_YAML, 'small.yaml');
    if (exported === undefined || !exported.ok || !original.ok) throw new Error('the plan did not load');
    const fromLedger = planFromData({
      data: exported.value,
      locate: (r) => r.map(() => undefined),
      warnings: [],
    });
    if (!fromLedger.ok) throw new Error('the ledger plan does not parse');
    // jsonb would list `air` before `land` (shorter keys first); the file lists land first.
    const domains = (plan: typeof original.value.plan) => plan.scenarios.map((sc) => Object.keys(sc.threat));
    expect(domains(fromLedger.value.plan)).toEqual(domains(original.value.plan));
    const run = (plan: typeof original.value.plan) => JSON.stringify(assess(plan, { trials: 300, seed: 7 }));
    expect(run(fromLedger.value.plan)).toBe(run(original.value.plan));
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
    // Readers at the same time, through the cache: each read must be the replay of its version.
    let writing = true;
    const reads: { version: number; plan: unknown }[] = [];
    const reader = async () => {
      while (writing) {
        const read = await store.current(planId);
        if (read?.ok) reads.push(read.value);
        // A cached read resolves without I/O: let the writers' I/O in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const readers = Array.from({ length: 3 }, reader);
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer(i)));
    writing = false;
    await Promise.all(readers);
    for (const read of reads.filter((r, i) => i === 0 || r.version !== reads[i - 1]?.version)) {
      const replay = await replayOf(store, planId, { seq: read.version });
      expect(replay?.ok && replay.value.plan).toEqual(read.plan);
    }
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
    const current = await store.current(planId);
    expect(current?.ok && current.value).toEqual({
      version: events.length,
      plan: replayed.ok && replayed.value,
    });
    expect((replayed.ok ? (replayed.value.pledges as unknown[]) : []).length).toBe(6 + 20);
  });

  it('serves the plan now and as of every seq or time as a replay of its events gives it', async () => {
    const { planId, version } = await importSmall();
    const update = { ...pledge('c1'), kind: 'pledge.updated' as const };
    let v = version;
    for (const events of [
      [pledge('c1')],
      [{ ...update, payload: { ...update.payload, quantity: 3 } }],
      [{ ...update, kind: 'pledge.withdrawn' as const, payload: {} }],
      [pledge('c2'), pledge('c3')],
    ]) {
      const written = await store.append(planId, v, events);
      if (!written.ok) throw new Error(written.error.message);
      v = written.value.version;
    }
    // Twice: the second answer comes from the cache.
    for (let i = 0; i < 2; i++) expect(await store.current(planId)).toEqual(await replayOf(store, planId));
    expect((await store.current(planId))?.ok && (await store.current(planId))).toMatchObject({
      value: { version: v },
    });
    for (let seq = 1; seq <= v + 1; seq++) {
      expect(await store.current(planId, { seq }), `as of ${seq}`).toEqual(
        await replayOf(store, planId, { seq }),
      );
    }
    expect(await store.current(planId, { seq: 1 })).toMatchObject({ ok: false }); // inside the import
    for (const event of ((await store.events(planId)) ?? []).slice(-4)) {
      const time = { time: event.at };
      expect(await store.current(planId, time)).toEqual(await replayOf(store, planId, time));
    }
    expect(await store.current('no-such-plan')).toBeUndefined();
    expect(await store.current('no-such-plan', { seq: 1 })).toBeUndefined();
    // Shared with other readers: frozen; and still a plan the core reads.
    const current = await store.current(planId);
    if (!current?.ok) throw new Error('no current plan');
    expect(Object.isFrozen(current.value.plan)).toBe(true);
    expect(Object.isFrozen((current.value.plan.pledges as object[])[0])).toBe(true);
    const parsed = planFromData({
      data: current.value.plan,
      locate: (r) => r.map(() => undefined),
      warnings: [],
    });
    expect(parsed.ok).toBe(true);
  });

  it('leaves nothing after an invalid write to a cached plan, which reads as before', async () => {
    const { planId, version } = await importSmall();
    const before = await store.current(planId);
    const stored = await snapshot(planId);
    const invalid = await store.append(planId, version, [
      { ...pledge('bad'), payload: { ...pledge('bad').payload, capability: 'no-such-capability' } },
    ]);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_PLAN' } });
    const twice = await store.append(planId, version, [pledge('dup'), pledge('dup')], {
      idempotencyKey: 'k',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_EVENT' } });
    if (!twice.ok && twice.error.code === 'INVALID_EVENT') {
      // Named by its place in the whole ledger, as a full replay names it.
      expect(twice.error.issues[0]?.path).toBe(`events[${version + 1}]`);
    }
    expect(await snapshot(planId)).toEqual(stored);
    expect(await store.current(planId)).toEqual(before);
    // The key of the refused write was not used up, and the next write takes the same seq.
    const good = await store.append(planId, version, [pledge('dup')], { idempotencyKey: 'k' });
    expect(good).toMatchObject({ ok: true, value: { version: version + 1, replayed: false } });
    expect(pledgeIds(await store.current(planId))).toContain('dup');
    expect(await store.current(planId)).toEqual(await replayOf(store, planId));
  });

  it.runIf(harness.sharesDatabase)(
    "never serves a stale plan from one store's cache after another store wrote",
    async () => {
      const other = await harness.other();
      try {
        const { planId, version } = await importSmall();
        // Both caches hold the plan at `version`.
        expect(await store.current(planId)).toEqual(await other.store.current(planId));
        expect(await other.store.append(planId, version, [pledge('from-b')])).toMatchObject({ ok: true });
        expect(pledgeIds(await store.current(planId))).toContain('from-b');
        expect(await store.current(planId)).toMatchObject({ ok: true, value: { version: version + 1 } });
        // A write through the first store checks the version in the database, not in its cache…
        const stale = await store.append(planId, version, [pledge('late')]);
        expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', currentVersion: version + 1 } });
        // …and validates on top of the other's event.
        const dup = await store.append(planId, version + 1, [pledge('from-b')]);
        expect(dup).toMatchObject({ ok: false, error: { code: 'INVALID_EVENT' } });
        expect(await store.append(planId, version + 1, [pledge('from-a')])).toMatchObject({ ok: true });
        for (const reader of [store, other.store]) {
          expect(await reader.current(planId)).toEqual(await replayOf(reader, planId));
          expect(await reader.current(planId, { seq: version })).toEqual(
            await replayOf(reader, planId, { seq: version }),
          );
          expect(pledgeIds(await reader.current(planId))).toEqual(
            expect.arrayContaining(['from-a', 'from-b']),
          );
        }
      } finally {
        await other.close();
      }
    },
  );

  it('serves every plan right with a cache smaller than the plans it serves (or none)', async () => {
    // A PGlite folder takes seconds to make: there, only the cache of one plan.
    for (const planCacheSize of harness.sharesDatabase ? [1, 0] : [1]) {
      const other = await harness.other({ planCacheSize });
      try {
        const text = await readFile('examples/ukraine-2025/plan.yaml', 'utf8');
        const plans: { planId: string; version: number }[] = [];
        for (let i = 0; i < 3; i++) {
          const imported = await importPlan(other.store, i === 0 ? text : SMALL_PLAN_YAML, 'p.yaml', BY);
          if (!imported.ok) throw new Error(JSON.stringify(imported.error));
          plans.push(imported.value);
        }
        for (let round = 0; round < 2; round++) {
          for (const plan of plans) {
            const read = await other.store.current(plan.planId);
            expect(read).toEqual(await replayOf(other.store, plan.planId));
            const written = await other.store.append(plan.planId, plan.version, [
              { ...pledge(`r${round}`), payload: { ...pledge(`r${round}`).payload } },
            ]);
            expect(written.ok).toBe(plan.planId !== plans[0]?.planId); // FAR/jet-sqn is in the small plan only
            if (written.ok) plan.version = written.value.version;
          }
        }
        for (const plan of plans)
          expect(await other.store.current(plan.planId)).toEqual(await replayOf(other.store, plan.planId));
      } finally {
        await other.close();
      }
    }
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
