/**
 * Versioned schema migrations, numbered from 1 and applied in order, each once (the `migrations` table
 * records them). SQL is kept to the PostgreSQL 15 subset: the server here is 15, PGlite is 18.
 * Append new migrations at the end; never edit one that has shipped.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger',
    statements: [
      `create table plans (
        id text primary key,
        title text not null,
        created timestamptz(3) not null default now()
      )`,
      `create table events (
        plan_id text not null references plans (id),
        seq integer not null check (seq >= 1),
        -- Milliseconds, as JavaScript's Date: an event's own time must select it in an as-of query.
        at timestamptz(3) not null default now(),
        who text not null check (length(btrim(who)) > 0),
        reason text not null check (length(btrim(reason)) > 0),
        source jsonb,
        kind text not null,
        entity_kind text not null,
        entity_id text not null,
        payload jsonb not null,
        primary key (plan_id, seq)
      )`,
      `create table appends (
        plan_id text not null references plans (id),
        idempotency_key text not null,
        first_seq integer not null,
        last_seq integer not null,
        primary key (plan_id, idempotency_key)
      )`,
      // Append-only, enforced by the database itself: nothing is updated or deleted.
      `create function guarantor_append_only() returns trigger language plpgsql as $$
       begin
         raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name;
       end $$`,
      `create trigger plans_append_only before update or delete on plans
         for each row execute function guarantor_append_only()`,
      `create trigger events_append_only before update or delete on events
         for each row execute function guarantor_append_only()`,
      `create trigger appends_append_only before update or delete on appends
         for each row execute function guarantor_append_only()`,
    ],
  },
  {
    version: 2,
    name: 'users and tokens',
    statements: [
      // Not part of the ledger: a token's `revoked` is set in place (users are never deleted).
      `create table users (
        id text primary key,
        name text not null unique check (length(btrim(name)) > 0),
        role text not null check (role in ('host', 'delegate', 'analyst')),
        actor text,
        password_hash text not null,
        created timestamptz(3) not null default now(),
        check ((role = 'delegate') = (actor is not null))
      )`,
      `create table tokens (
        hash text primary key,
        user_id text not null references users (id),
        created timestamptz(3) not null default now(),
        revoked timestamptz(3)
      )`,
    ],
  },
  {
    version: 3,
    name: 'api tokens',
    statements: [
      // A token gets a public id (to list and revoke it without knowing it), a label, and a kind: a
      // `session` from /login, or an `api` token made for a script. Earlier tokens are sessions.
      `alter table tokens add column id text`,
      `update tokens set id = substr(hash, 1, 16)`,
      `alter table tokens alter column id set not null`,
      `create unique index tokens_id on tokens (id)`,
      `alter table tokens add column kind text not null default 'session' check (kind in ('session', 'api'))`,
      `alter table tokens add column label text`,
      `alter table tokens add column last_used timestamptz(3)`,
    ],
  },
  {
    version: 4,
    name: 'analysis jobs',
    statements: [
      // Not part of the ledger: a job's state moves queued → running → done | failed in place. The
      // result is JSON text, not jsonb, so it is served byte for byte as the analysis produced it.
      `create table jobs (
        id text primary key,
        plan_id text not null references plans (id),
        plan_version integer not null check (plan_version >= 0),
        kind text not null,
        params jsonb not null,
        requested_by text not null,
        state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
        run_id text,
        progress_done double precision not null default 0,
        progress_total double precision not null default 0,
        attempts integer not null default 0,
        result text,
        error jsonb,
        created timestamptz(3) not null default now(),
        started timestamptz(3),
        finished timestamptz(3),
        check ((state = 'done') = (result is not null))
      )`,
      `create index jobs_by_plan on jobs (plan_id, created desc)`,
      `create index jobs_queued on jobs (created) where state = 'queued'`,
    ],
  },
  {
    version: 5,
    name: 'events keep their text',
    statements: [
      // jsonb reorders object keys (shorter keys first), so a plan read back from the ledger listed a
      // scenario's domains in another order than its file, and its assessment came out in another order:
      // the same plan and seed must give the same bytes. json keeps the text as written. Events written
      // before this migration keep jsonb's order.
      `alter table events alter column payload type json using payload::text::json`,
      `alter table events alter column source type json using source::text::json`,
    ],
  },
  {
    version: 6,
    name: 'track records',
    statements: [
      // Reference data, not ledger: each import is a row (history kept), the highest id is the latest.
      // The document is json, not jsonb, so it reads back with its keys in the order written (migration 5).
      `create table track_records (
        id integer generated always as identity primary key,
        source text not null check (source in ('kiel')),
        release integer not null check (release > 0),
        as_of text not null check (as_of ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        imported_at timestamptz(3) not null default now(),
        imported_by text not null,
        document json not null
      )`,
    ],
  },
];

/**
 * Applies the migrations not yet applied, in one transaction; returns the versions it applied (none
 * when up to date). Concurrent callers serialise on an advisory lock.
 */
export async function migrate(db: Kysely<Database>): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    // Two first migrations at once would race on `create table if not exists`: serialise them first
    // (a transaction-scoped advisory lock, released at commit; the key is arbitrary but fixed).
    await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(trx);
    await sql`create table if not exists migrations (
      version integer primary key,
      name text not null,
      applied timestamptz not null default now()
    )`.execute(trx);
    const done = new Set(
      (await trx.selectFrom('migrations').select('version').execute()).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await trx
        .insertInto('migrations')
        .values({ version: migration.version, name: migration.name })
        .execute();
      applied.push(migration.version);
    }
    return applied;
  });
}

/** The advisory lock's key: arbitrary, fixed, and unlikely to collide with another application's. */
const MIGRATION_LOCK_KEY = 47_817_263_551;

/** The highest migration version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
