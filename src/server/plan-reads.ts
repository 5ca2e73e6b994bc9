/**
 * Reading a plan out of the ledger for a request: the current plan (or the plan as of a point) with its
 * version, and a pledge as of the version a writer read. Both go through `store.current`, which answers
 * from its projection cache when the database reports the version it holds (one query per read).
 */
import type { Context } from 'hono';
import type { AsOf, Store } from '../store/store.js';
import { fail } from './api-error.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** The plan as written, with the version it is at; undefined for an unknown plan (or no plan at `asOf`). */
export async function currentPlan(store: Store, planId: string, asOf?: AsOf) {
  const current = await store.current(planId, asOf);
  if (current === undefined || !current.ok) return undefined;
  return { id: planId, version: current.value.version, plan: current.value.plan };
}

/**
 * The pledge of the URL as of the version the writer read: permissions are decided on that state, and
 * the store appends only if the plan is still at it (or answers a retry), so the check cannot go stale.
 */
export async function pledgeAt(
  c: Context,
  store: Store,
  expectedVersion: number,
): Promise<Parsed<Readonly<Record<string, unknown>> & { actor?: unknown; id?: unknown }>> {
  const planId = c.req.param('id') ?? '';
  const now = await store.current(planId);
  if (now === undefined) return { ok: false, response: unknownPlan(c) };
  const version = now.ok ? now.value.version : undefined;
  const stale = () =>
    fail(c, 409, {
      code: 'CONFLICT',
      message: `plan "${planId}" is at version ${version}, not ${expectedVersion}: re-read it and retry`,
      ...(version === undefined ? {} : { currentVersion: version }),
    });
  if (version === undefined || expectedVersion > version) return { ok: false, response: stale() };
  // Usually the writer read the current version; an older one is a retry or a write about to conflict.
  const then = expectedVersion === version ? now : await store.current(planId, { seq: expectedVersion });
  if (then === undefined || !then.ok) return { ok: false, response: stale() };
  const pledges = Array.isArray(then.value.plan.pledges)
    ? (then.value.plan.pledges as Readonly<Record<string, unknown>>[])
    : [];
  const pledge = pledges.find((p) => p.id === c.req.param('pledgeId'));
  if (pledge === undefined) {
    return {
      ok: false,
      response: fail(c, 404, { code: 'NOT_FOUND', message: `no pledge "${c.req.param('pledgeId')}"` }),
    };
  }
  return { ok: true, value: pledge };
}

export function unknownPlan(c: Context): Response {
  return fail(c, 404, { code: 'NOT_FOUND', message: `no plan "${c.req.param('id') ?? ''}"` });
}
