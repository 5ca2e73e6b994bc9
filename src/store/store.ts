/**
 * The ledger's port: what the CLI and the server need from storage, whatever the database. Two
 * implementations share one query layer (kysely-store.ts): PGlite in a folder and PostgreSQL by URL;
 * store.contract.test.ts runs the same suite over both. Expected failures are result values.
 */
import type { Issue } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { LedgerEvent, NewEvent } from './events.js';
import type { JobStore } from './job-store.js';
import type { TrackRecordStore } from './track-record-store.js';
import type { UserStore } from './user-store.js';

export type { NewTrackRecords, StoredTrackRecords, TrackRecordStore } from './track-record-store.js';
export type { Role, User, UserStore } from './user-store.js';
export { ROLES } from './user-store.js';

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly created: Date;
  /** The plan's version: the seq of its last event (0 before the first). */
  readonly version: number;
}

export interface Appended {
  /** The plan's version after the write: the seq of its last event. */
  readonly version: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  /** True when an earlier write with the same idempotency key is answered again: nothing was written. */
  readonly replayed: boolean;
}

export type AppendError =
  /** The writer read an older version: nothing written; re-read, re-apply, retry. */
  | { readonly code: 'CONFLICT'; readonly currentVersion: number; readonly message: string }
  | { readonly code: 'UNKNOWN_PLAN'; readonly message: string }
  /** The events would leave an invalid plan (or do not fit it): nothing written. */
  | { readonly code: 'INVALID_PLAN'; readonly issues: readonly Issue[]; readonly message: string }
  | { readonly code: 'INVALID_EVENT'; readonly issues: readonly Issue[]; readonly message: string };

export interface AppendOptions {
  /** A retried write with the same key (per plan) gets the original answer and appends nothing. */
  readonly idempotencyKey?: string;
}

/** A point of a plan's history: the events up to a seq, or up to a time (inclusive). */
export type AsOf = { readonly seq: number } | { readonly time: Date };

/** A plan as written (plan-format data, validated) at a version. */
export interface CurrentPlan {
  /** The seq of the last event it holds. */
  readonly version: number;
  /** Frozen, and shared with other readers of the same version: copy it to change it. */
  readonly plan: Readonly<Record<string, unknown>>;
}

/** The ledger: plans and their events. */
export interface LedgerStore {
  /** Creates a plan from its first events (which must make a valid plan), in one transaction. */
  createPlan(
    title: string,
    events: readonly NewEvent[],
    options?: { readonly id?: string },
  ): Promise<Result<{ readonly planId: string; readonly version: number }, AppendError>>;
  /** Appends events if the plan is still at `expectedVersion` and the result is a valid plan. */
  append(
    planId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<Result<Appended, AppendError>>;
  /**
   * The plan now (or as of a point) with its version, as `validatePlan` of its events gives it; undefined
   * for an unknown plan; an error for a point where it is no plan (before its first write, or inside a
   * write of several events). From an in-memory cache when that holds the version the database reports.
   */
  current(planId: string, asOf?: AsOf): Promise<Result<CurrentPlan, AppendError> | undefined>;
  /** The plan's events in order, optionally up to a point; undefined for an unknown plan. */
  events(planId: string, asOf?: AsOf): Promise<readonly LedgerEvent[] | undefined>;
  plan(planId: string): Promise<PlanSummary | undefined>;
  plans(): Promise<readonly PlanSummary[]>;
}

/**
 * Everything the CLI and the server need from one database: the ledger, its users, jobs, imported track
 * records, and its lifecycle.
 */
export interface Store extends LedgerStore, UserStore, JobStore, TrackRecordStore {
  /** `pglite` (a folder) or `postgres` (a URL): for messages. */
  readonly kind: 'pglite' | 'postgres';
  /** Applies pending migrations; returns the versions applied. Idempotent. */
  migrate(): Promise<number[]>;
  /** Releases the connection(s), the PGlite instance and its folder lock. */
  close(): Promise<void>;
}

/** Failures to reach or open a database, phrased for the user: the CLI maps them to exit 1. */
export class StoreError extends Error {
  constructor(
    readonly code: 'DB_UNREACHABLE' | 'DB_LOCKED' | 'DB_OPEN_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
