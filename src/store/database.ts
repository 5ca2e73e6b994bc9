/** The ledger's tables as Kysely sees them (the SQL is in migrations.ts). */
import type { ColumnType, Generated } from 'kysely';

export interface PlansTable {
  id: string;
  title: string;
  created: ColumnType<Date, never, never>;
}

export interface EventsTable {
  plan_id: string;
  seq: number;
  at: ColumnType<Date, never, never>;
  who: string;
  reason: string;
  /** jsonb: written as JSON text, read back parsed by both drivers. */
  source: ColumnType<unknown, string | null, never>;
  kind: string;
  entity_kind: string;
  entity_id: string;
  payload: ColumnType<unknown, string, never>;
}

/** One row per accepted write that carried an idempotency key: a retry gets the same answer. */
export interface AppendsTable {
  plan_id: string;
  idempotency_key: string;
  first_seq: number;
  last_seq: number;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied: Generated<Date>;
}

export interface UsersTable {
  id: string;
  name: string;
  role: string;
  actor: string | null;
  password_hash: string;
  created: ColumnType<Date, never, never>;
}

export interface TokensTable {
  hash: string;
  /** Public: names the token in lists and revocations; never enough to use it. */
  id: string;
  user_id: string;
  kind: ColumnType<'session' | 'api', 'session' | 'api' | undefined, never>;
  label: string | null;
  created: ColumnType<Date, never, never>;
  revoked: ColumnType<Date | null, never, Date>;
  last_used: ColumnType<Date | null, never, Date>;
}

/** Analysis jobs (src/jobs): the state the API reads, whichever queue runs them. */
export interface JobsTable {
  id: string;
  plan_id: string;
  plan_version: number;
  kind: string;
  /** jsonb: written as JSON text, read back parsed. */
  params: ColumnType<unknown, string, never>;
  requested_by: string;
  state: ColumnType<string, string | undefined, string>;
  /** The run that owns a running job: only it reports progress or fails the job. */
  run_id: string | null;
  progress_done: ColumnType<number, number | undefined, number>;
  progress_total: ColumnType<number, number | undefined, number>;
  attempts: ColumnType<number, number | undefined, number>;
  /** The result document as JSON text, byte for byte. */
  result: string | null;
  error: ColumnType<unknown, string | null | undefined, string | null>;
  created: ColumnType<Date, never, never>;
  started: ColumnType<Date | null, never, Date | null>;
  finished: ColumnType<Date | null, never, Date | null>;
}

/** Imported track records (migration 6): one row per import, the latest has the highest id. */
export interface TrackRecordsTable {
  id: Generated<number>;
  source: string;
  release: number;
  /** YYYY-MM. */
  as_of: string;
  imported_at: ColumnType<Date, never, never>;
  imported_by: string;
  /** json (not jsonb: keys keep their order): written as JSON text, read back parsed. */
  document: ColumnType<unknown, string, never>;
}

export interface Database {
  track_records: TrackRecordsTable;
  jobs: JobsTable;
  users: UsersTable;
  tokens: TokensTable;
  plans: PlansTable;
  events: EventsTable;
  appends: AppendsTable;
  migrations: MigrationsTable;
}
