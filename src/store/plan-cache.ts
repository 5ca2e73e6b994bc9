/**
 * Projected, validated plans kept in memory, one per plan (its newest version seen), least recently used
 * dropped first. Correct across processes because the entry of plan P at version v is the projection of
 * P's events 1…v, and those never change (the ledger is append-only, numbered per plan): a reader asks
 * the database for the version (one cheap query) and uses the entry only when it is that version — or
 * applies just the events after it. Only committed states go in: after a write's transaction commits,
 * or from rows a read found committed.
 */
import type { ProjectionState } from './projection.js';

/** A plan at a version: the projection state (to apply more events to) and its validated plan data. */
export interface CachedPlan {
  readonly version: number;
  readonly state: ProjectionState;
  /** Frozen: shared by every reader of this version. */
  readonly plan: Readonly<Record<string, unknown>>;
}

export interface PlanCache {
  /** The newest entry of a plan, if any; marks it recently used. */
  get(planId: string): CachedPlan | undefined;
  /** Keeps `entry` unless an entry of a newer version is there; drops the least recently used plan. */
  set(planId: string, entry: CachedPlan): void;
  /** Forgets a plan. */
  delete(planId: string): void;
  readonly size: number;
}

/** Holds at most `maxPlans` plans (0 caches nothing). */
export function planCache(maxPlans: number): PlanCache {
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recently used.
  const entries = new Map<string, CachedPlan>();
  return {
    get: (planId) => {
      const entry = entries.get(planId);
      if (entry === undefined) return undefined;
      entries.delete(planId);
      entries.set(planId, entry);
      return entry;
    },
    set: (planId, entry) => {
      const existing = entries.get(planId);
      if (existing !== undefined && existing.version > entry.version) return;
      entries.delete(planId);
      if (maxPlans <= 0) return;
      entries.set(planId, entry);
      while (entries.size > maxPlans) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    delete: (planId) => {
      entries.delete(planId);
    },
    get size() {
      return entries.size;
    },
  };
}

/** Freezes a JSON value and everything in it: cached data is shared, so nobody may change it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
