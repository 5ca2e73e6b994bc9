/**
 * The one query layer behind both stores: the same Kysely queries run on PGlite and on PostgreSQL; only
 * the dialect (the driver, which does the I/O) differs. Writes are one transaction each: lock the plan's
 * row, answer a known idempotency key, check the expected version, replay and validate, insert.
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Issue } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';
import type { Database, EventsTable } from './database.js';
import { entityKindOf, isEventKind, type LedgerEvent, type NewEvent } from './events.js';
import { userQueries } from './kysely-users.js';
import { eventIssue, invalidEvent, validatePlan } from './ledger-plan.js';
import { migrate } from './migrations.js';
import type { AppendError, Appended, AppendOptions, PlanSummary, Store } from './store.js';

export function kyselyStore(db: Kysely<Database>, kind: Store['kind'], release: () => Promise<void>): Store {
  let closed: Promise<void> | undefined;
  return {
    kind,
    migrate: () => migrate(db),
    ...userQueries(db),
    createPlan: async (title, events, options = {}) => {
      const planId = options.id ?? newPlanId();
      return db
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
          const written = await appendLocked(trx, planId, 0, events, {});
          if (!written.ok) throw new Rollback(written.error);
          return ok({ planId, version: written.value.version });
        })
        .catch((error: unknown) => {
          if (error instanceof Rollback) return err(error.reason);
          throw error;
        });
    },
    append: (planId, expectedVersion, events, options = {}) =>
      db.transaction().execute(async (trx) => {
        const plan = await trx
          .selectFrom('plans')
          .select('id')
          .where('id', '=', planId)
          .forUpdate()
          .executeTakeFirst();
        if (plan === undefined) return err(unknownPlan(planId));
        return appendLocked(trx, planId, expectedVersion, events, options);
      }),
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

/** Carries an expected failure out of a transaction so that it rolls back. */
class Rollback extends Error {
  constructor(readonly reason: AppendError) {
    super(reason.message);
  }
}

async function appendLocked(
  trx: Transaction<Database>,
  planId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<Result<Appended, AppendError>> {
  // A retry is answered before the version check: it was stale by design once the first try went in.
  if (options.idempotencyKey !== undefined) {
    const prior = await trx
      .selectFrom('appends')
      .select(['first_seq', 'last_seq'])
      .where('plan_id', '=', planId)
      .where('idempotency_key', '=', options.idempotencyKey)
      .executeTakeFirst();
    if (prior !== undefined) {
      return ok({
        version: prior.last_seq,
        firstSeq: prior.first_seq,
        lastSeq: prior.last_seq,
        replayed: true,
      });
    }
  }
  const malformed = events.flatMap(checkEvent);
  if (events.length === 0) malformed.push(eventIssue('events', 'LEDGER_NO_EVENTS', 'nothing to append'));
  if (malformed.length > 0) return err(invalidEvent(malformed));

  const rows = await trx
    .selectFrom('events')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute();
  const current = rows.at(-1)?.seq ?? 0;
  if (current !== expectedVersion) {
    return err({
      code: 'CONFLICT',
      currentVersion: current,
      message: `plan "${planId}" is at version ${current}, not ${expectedVersion}: re-read it and retry`,
    });
  }
  const valid = validatePlan([...rows.map(toLedgerEvent), ...events]);
  if (!valid.ok) return err(valid.error);

  const firstSeq = current + 1;
  await trx
    .insertInto('events')
    .values(
      events.map((event, i) => ({
        plan_id: planId,
        seq: firstSeq + i,
        who: event.who,
        reason: event.reason,
        source: event.source === undefined ? null : JSON.stringify(event.source),
        kind: event.kind,
        entity_kind: entityKindOf(event.kind),
        entity_id: event.entityId,
        payload: JSON.stringify(event.payload),
      })),
    )
    .execute();
  const lastSeq = current + events.length;
  if (options.idempotencyKey !== undefined) {
    await trx
      .insertInto('appends')
      .values({
        plan_id: planId,
        idempotency_key: options.idempotencyKey,
        first_seq: firstSeq,
        last_seq: lastSeq,
      })
      .execute();
  }
  return ok({ version: lastSeq, firstSeq, lastSeq, replayed: false });
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
