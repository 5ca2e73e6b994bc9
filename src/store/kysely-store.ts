/**
 * The one query layer behind both stores: the same Kysely queries run on PGlite and on PostgreSQL; only
 * the dialect (the driver, which does the I/O) differs. Writes are one transaction each: lock the plan's
 * row, answer a known idempotency key, check the expected version, insert, project and validate (a
 * failure rolls the insert back).
 *
 * Projections are cached in memory (plan-cache.ts), per store: a write projects the cached state of the
 * version it found plus its own events, instead of replaying the whole ledger; a read asks the database
 * for the version only, and projects just the events the cache does not hold.
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Issue } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';
import type { Database, EventsTable } from './database.js';
import { entityKindOf, isEventKind, type LedgerEvent, type NewEvent } from './events.js';
import { jobQueries } from './kysely-jobs.js';
import { trackRecordQueries } from './kysely-track-records.js';
import { userQueries } from './kysely-users.js';
import { eventIssue, invalidEvent, validatePlan, validateProjection } from './ledger-plan.js';
import { migrate } from './migrations.js';
import { type CachedPlan, deepFreeze, type PlanCache, planCache } from './plan-cache.js';
import { applyEvents, EMPTY_PROJECTION, type ProjectionState } from './projection.js';
import type { AppendError, Appended, AppendOptions, CurrentPlan, PlanSummary, Store } from './store.js';

export interface KyselyStoreOptions {
  /** How many plans' projections to keep in memory (default 64; 0 caches nothing). */
  readonly planCacheSize?: number;
  /**
   * This store is the database's only writer (PGlite: the folder lock keeps every other process out), so
   * a cached plan that no write of this store is changing is the current one: reads of it skip the query.
   */
  readonly soleWriter?: boolean;
}

/** About 64 KB each for the example plan (143 events); a summit works on a handful of plans. */
export const DEFAULT_PLAN_CACHE_SIZE = 64;

export function kyselyStore(
  db: Kysely<Database>,
  kind: Store['kind'],
  release: () => Promise<void>,
  options: KyselyStoreOptions = {},
): Store {
  let closed: Promise<void> | undefined;
  const cache = planCache(options.planCacheSize ?? DEFAULT_PLAN_CACHE_SIZE);
  const writes = writeTracker();
  /** Called once the write's transaction has committed: an uncommitted projection never goes in. */
  const remember = (planId: string, written: Written): Appended => {
    if (written.cached !== undefined) cache.set(planId, written.cached);
    return written.appended;
  };
  /** An expected failure, or an error after which nobody knows whether the write committed. */
  const rolledBack = (error: unknown, planId: string): Result<never, AppendError> => {
    if (error instanceof Rollback) return err(error.reason);
    cache.delete(planId);
    throw error;
  };
  /** The plan as this store knows it, when it alone writes the database and no write of it is under way. */
  const known = (planId: string, asOf: { readonly seq: number } | undefined): CachedPlan | undefined => {
    if (options.soleWriter !== true || writes.active(planId)) return undefined;
    const cached = cache.get(planId);
    return cached !== undefined && (asOf === undefined || asOf.seq >= cached.version) ? cached : undefined;
  };
  return {
    kind,
    migrate: () => migrate(db),
    ...userQueries(db),
    ...jobQueries(db),
    ...trackRecordQueries(db),
    createPlan: async (title, events, options = {}) => {
      const planId = options.id ?? newPlanId();
      return writes.during(planId, () =>
        db
          .transaction()
          .execute(async (trx) => {
            const exists = await trx
              .selectFrom('plans')
              .select('id')
              .where('id', '=', planId)
              .executeTakeFirst();
            if (exists !== undefined) {
              const issue = eventIssue('', 'LEDGER_PLAN_EXISTS', `a plan "${planId}" already exists`);
              return err(invalidEvent([issue]));
            }
            await trx.insertInto('plans').values({ id: planId, title }).execute();
            const written = await appendLocked(trx, planId, 0, events, {}, cache);
            if (!written.ok) throw new Rollback(written.error);
            return ok(written.value);
          })
          .then((created) =>
            created.ok ? ok({ planId, version: remember(planId, created.value).version }) : created,
          )
          .catch((error: unknown) => rolledBack(error, planId)),
      );
    },
    append: (planId, expectedVersion, events, options = {}) =>
      writes.during(planId, () =>
        db
          .transaction()
          .execute(async (trx) => {
            const plan = await trx
              .selectFrom('plans')
              .select('id')
              .where('id', '=', planId)
              .forUpdate()
              .executeTakeFirst();
            if (plan === undefined) return err(unknownPlan(planId));
            return appendLocked(trx, planId, expectedVersion, events, options, cache);
          })
          .then((written) => (written.ok ? ok(remember(planId, written.value)) : written))
          .catch((error: unknown) => rolledBack(error, planId)),
      ),
    current: async (planId, asOf) => {
      if (asOf !== undefined && 'time' in asOf) return currentAsOfTime(db, planId, asOf.time);
      const mine = known(planId, asOf);
      if (mine !== undefined) return ok({ version: mine.version, plan: mine.plan });
      const generation = writes.active(planId) ? undefined : writes.generation(planId);
      const version = await versionOf(db, planId, asOf?.seq);
      if (version === undefined) return undefined;
      const cached = cache.get(planId);
      if (cached?.version === version) return ok({ version, plan: cached.plan });
      const projected = await projectionAt(db, planId, version, cache);
      if (!projected.ok) return err(invalidEvent(projected.error));
      const valid = validateProjection(projected.value);
      if (!valid.ok) return valid;
      // Rows a read found are committed: the state is final, whoever wrote it. A sole writer's cache must
      // also hold the newest state only: not an older point, nor what a write of this store overtook.
      const entry = { version, state: projected.value, plan: deepFreeze(valid.value) };
      const newest = asOf === undefined && generation === writes.generation(planId);
      if (options.soleWriter !== true || newest) cache.set(planId, entry);
      return ok({ version, plan: entry.plan });
    },
    events: async (planId, asOf) => {
      const plan = await db.selectFrom('plans').select('id').where('id', '=', planId).executeTakeFirst();
      if (plan === undefined) return undefined;
      let query = db.selectFrom('events').selectAll().where('plan_id', '=', planId);
      if (asOf !== undefined) {
        query = 'seq' in asOf ? query.where('seq', '<=', asOf.seq) : query.where('at', '<=', asOf.time);
      }
      return (await query.orderBy('seq').execute()).map(toLedgerEvent);
    },
    plan: async (planId) => (await summaries(db, planId))[0],
    plans: () => summaries(db),
    close: () => {
      closed ??= db.destroy().then(release);
      return closed;
    },
  };
}

/**
 * The writes of one store under way, per plan, and how many have begun: a cached plan is known to be the
 * newest only while none is under way, and a read that one overtook must not cache what it read.
 */
function writeTracker() {
  const active = new Map<string, number>();
  const begun = new Map<string, number>();
  return {
    active: (planId: string) => active.has(planId),
    generation: (planId: string) => begun.get(planId) ?? 0,
    /** Runs `write` counted as under way until it has settled (and its projection is cached). */
    during: async <T>(planId: string, write: () => Promise<T>): Promise<T> => {
      active.set(planId, (active.get(planId) ?? 0) + 1);
      begun.set(planId, (begun.get(planId) ?? 0) + 1);
      try {
        return await write();
      } finally {
        const left = (active.get(planId) ?? 1) - 1;
        if (left === 0) active.delete(planId);
        else active.set(planId, left);
      }
    },
  };
}

/** Carries an expected failure out of a transaction so that it rolls back. */
class Rollback extends Error {
  constructor(readonly reason: AppendError) {
    super(reason.message);
  }
}

/** A write's answer, and the projection it made (cached once the transaction has committed). */
interface Written {
  readonly appended: Appended;
  readonly cached?: CachedPlan;
}

/**
 * The write itself, in a transaction that holds the plan's row lock (or created the plan): writers of one
 * plan run this one at a time, so the version it reads stays the version until commit. Expected failures
 * before the insert are returned; after it they are thrown as Rollback, which undoes the insert.
 */
async function appendLocked(
  trx: Transaction<Database>,
  planId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  options: AppendOptions,
  cache: PlanCache,
): Promise<Result<Written, AppendError>> {
  const head = await writeHead(trx, planId, options.idempotencyKey);
  // A retry is answered before the version check: it was stale by design once the first try went in.
  if (head.prior !== undefined) {
    const { first_seq: firstSeq, last_seq: lastSeq } = head.prior;
    return ok({ appended: { version: lastSeq, firstSeq, lastSeq, replayed: true } });
  }
  const malformed = events.flatMap(checkEvent);
  if (events.length === 0) malformed.push(eventIssue('events', 'LEDGER_NO_EVENTS', 'nothing to append'));
  if (malformed.length > 0) return err(invalidEvent(malformed));

  const current = head.version;
  if (current !== expectedVersion) {
    return err({
      code: 'CONFLICT',
      currentVersion: current,
      message: `plan "${planId}" is at version ${current}, not ${expectedVersion}: re-read it and retry`,
    });
  }
  const before = await projectionAt(trx, planId, current, cache);
  // The stored events always apply (every write checked them); this is a ledger written by other means.
  if (!before.ok) return err(invalidEvent(before.error));

  const firstSeq = current + 1;
  const lastSeq = current + events.length;
  const rows = events.map((event, i) => ({
    plan_id: planId,
    seq: firstSeq + i,
    who: event.who,
    reason: event.reason,
    source: event.source === undefined ? null : JSON.stringify(event.source),
    kind: event.kind,
    entity_kind: entityKindOf(event.kind),
    entity_id: event.entityId,
    payload: JSON.stringify(event.payload),
  }));
  const key = options.idempotencyKey;
  // One statement: the events, and the key of the write (a data-modifying WITH). RETURNING gives the
  // payloads as the database keeps them, so the projection validated and cached here is the one a
  // replay of the stored events gives. Validated after the insert: a refusal rolls both back.
  const inserted =
    key === undefined
      ? await trx.insertInto('events').values(rows).returningAll().execute()
      : await trx
          .with('keyed', (db) =>
            db
              .insertInto('appends')
              .values({ plan_id: planId, idempotency_key: key, first_seq: firstSeq, last_seq: lastSeq })
              .returning('plan_id'),
          )
          .with('stored', (db) => db.insertInto('events').values(rows).returningAll())
          .selectFrom('stored')
          .selectAll()
          .execute();
  const stored = inserted.sort((a, b) => a.seq - b.seq).map(toLedgerEvent);
  const after = applyEvents(before.value, stored);
  if (!after.ok) throw new Rollback(invalidEvent(after.error));
  const valid = validateProjection(after.value);
  if (!valid.ok) throw new Rollback(valid.error);
  return ok({
    appended: { version: lastSeq, firstSeq, lastSeq, replayed: false },
    cached: { version: lastSeq, state: after.value, plan: deepFreeze(valid.value) },
  });
}

/**
 * What a write needs to know first, in one query: the plan's version, and the earlier write with the same
 * idempotency key. Run after the plan's row is locked — a statement of its own, so that on PostgreSQL
 * it sees what the writer it waited for committed.
 */
async function writeHead(
  trx: Transaction<Database>,
  planId: string,
  idempotencyKey: string | undefined,
): Promise<{ readonly version: number; readonly prior?: { first_seq: number; last_seq: number } }> {
  if (idempotencyKey === undefined) return { version: (await versionOf(trx, planId)) ?? 0 };
  const row = await trx
    .selectFrom('plans')
    .leftJoin('appends', (join) =>
      join.onRef('appends.plan_id', '=', 'plans.id').on('appends.idempotency_key', '=', idempotencyKey),
    )
    .where('plans.id', '=', planId)
    .select((eb) => [
      'appends.first_seq',
      'appends.last_seq',
      eb
        .selectFrom('events')
        .select((inner) => inner.fn.max('events.seq').as('seq'))
        .whereRef('events.plan_id', '=', 'plans.id')
        .as('version'),
    ])
    .executeTakeFirst();
  const version = Number(row?.version ?? 0);
  if (row?.first_seq === null || row?.first_seq === undefined || row.last_seq === null) return { version };
  return { version, prior: { first_seq: row.first_seq, last_seq: row.last_seq } };
}

/** The plan's version (as of a seq): undefined for an unknown plan, 0 before its first event. */
async function versionOf(db: Kysely<Database>, planId: string, upTo?: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('plans')
    .where('plans.id', '=', planId)
    .select((eb) => {
      let last = eb
        .selectFrom('events')
        .select((inner) => inner.fn.max('events.seq').as('seq'))
        .whereRef('events.plan_id', '=', 'plans.id');
      if (upTo !== undefined) last = last.where('events.seq', '<=', upTo);
      return last.as('version');
    })
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.version ?? 0);
}

/**
 * The projection of events 1…version: the cached state when it is that version, else the cached state
 * plus the events after it (when it is older), else a replay of them all.
 */
async function projectionAt(
  db: Kysely<Database>,
  planId: string,
  version: number,
  cache: PlanCache,
): Promise<Result<ProjectionState, Issue[]>> {
  const cached = cache.get(planId);
  if (cached?.version === version) return ok(cached.state);
  const from = cached !== undefined && cached.version < version ? cached : undefined;
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('seq', '>', from?.version ?? 0)
    .where('seq', '<=', version)
    .orderBy('seq')
    .execute();
  return applyEvents(from?.state ?? EMPTY_PROJECTION, rows.map(toLedgerEvent));
}

/**
 * As of a time: the events stamped up to it, replayed (not cached). Times follow transaction starts, so
 * when writers overlap they need not be a prefix of the seqs; the version is the last of them.
 */
async function currentAsOfTime(
  db: Kysely<Database>,
  planId: string,
  time: Date,
): Promise<Result<CurrentPlan, AppendError> | undefined> {
  const plan = await db.selectFrom('plans').select('id').where('id', '=', planId).executeTakeFirst();
  if (plan === undefined) return undefined;
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('at', '<=', time)
    .orderBy('seq')
    .execute();
  const valid = validatePlan(rows.map(toLedgerEvent));
  if (!valid.ok) return valid;
  return ok({ version: rows.at(-1)?.seq ?? 0, plan: deepFreeze(valid.value) });
}

/** Runtime checks of what the types promise, for writers that are not TypeScript (HTTP bodies). */
function checkEvent(event: NewEvent, index: number): Issue[] {
  const issues: Issue[] = [];
  const at = `events[${index}]`;
  if (!isEventKind(String(event.kind)))
    issues.push(eventIssue(`${at}.kind`, 'LEDGER_BAD_KIND', `unknown event kind "${String(event.kind)}"`));
  if (typeof event.reason !== 'string' || event.reason.trim() === '') {
    issues.push(eventIssue(`${at}.reason`, 'LEDGER_NO_REASON', 'every change needs a reason'));
  }
  if (typeof event.who !== 'string' || event.who.trim() === '') {
    issues.push(eventIssue(`${at}.who`, 'LEDGER_NO_WHO', 'every change needs an author'));
  }
  if (typeof event.entityId !== 'string' || event.entityId === '') {
    issues.push(eventIssue(`${at}.entityId`, 'LEDGER_BAD_ENTITY_ID', 'expected a non-empty entity id'));
  }
  if (typeof event.payload !== 'object' || event.payload === null || Array.isArray(event.payload)) {
    issues.push(eventIssue(`${at}.payload`, 'LEDGER_BAD_PAYLOAD', 'expected an object'));
  }
  return issues;
}

function unknownPlan(planId: string): AppendError {
  return { code: 'UNKNOWN_PLAN', message: `no plan "${planId}"` };
}

function toLedgerEvent(row: Selectable<EventsTable>): LedgerEvent {
  const event = {
    planId: row.plan_id,
    seq: row.seq,
    at: row.at,
    kind: row.kind as LedgerEvent['kind'],
    entityId: row.entity_id,
    payload: row.payload as LedgerEvent['payload'],
    who: row.who,
    reason: row.reason,
  };
  return row.source === null ? event : { ...event, source: row.source as NonNullable<LedgerEvent['source']> };
}

async function summaries(db: Kysely<Database>, planId?: string): Promise<PlanSummary[]> {
  let query = db
    .selectFrom('plans')
    .leftJoin('events', 'events.plan_id', 'plans.id')
    .select(({ fn }) => [
      'plans.id',
      'plans.title',
      'plans.created',
      fn.coalesce(fn.max('events.seq'), sql<number>`0`).as('version'),
    ])
    .groupBy(['plans.id', 'plans.title', 'plans.created'])
    .orderBy('plans.created');
  if (planId !== undefined) query = query.where('plans.id', '=', planId);
  return (await query.execute()).map((row) => ({
    id: row.id,
    title: row.title,
    created: row.created,
    version: Number(row.version),
  }));
}

/** 12 hex digits: short enough to type, random enough for a ledger's plans. */
function newPlanId(): string {
  return randomBytes(6).toString('hex');
}
