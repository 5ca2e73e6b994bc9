/**
 * Reading a plan out of the ledger for a request: the current plan (or the plan as of a point) with its
 * version, and a pledge as of the version a writer read.
 */
import type { Context } from 'hono';
import { validatePlan } from '../store/ledger-plan.js';
import type { AsOf, Store } from '../store/store.js';
import { fail } from './api-error.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** The plan as written, with the version it is at; undefined for an unknown plan. */
export async function currentPlan(store: Store, planId: string, asOf?: AsOf) {
  const events = await store.events(planId, asOf);
  if (events === undefined) return undefined;
  const data = validatePlan(events);
  if (!data.ok) return undefined;
  return { id: planId, version: events.at(-1)?.seq ?? 0, plan: data.value };
}

/**
 * The pledge of the URL as of the version the writer read: permissions are decided on that state, and
 * the store appends only if the plan is still at it (or answers a retry), so the check cannot go stale.
 */
export async function pledgeAt(
  c: Context,
  store: Store,
  expectedVersion: number,
): Promise<Parsed<Record<string, unknown> & { actor?: unknown; id?: unknown }>> {
  const planId = c.req.param('id') ?? '';
  const summary = await store.plan(planId);
  if (summary === undefined) return { ok: false, response: unknownPlan(c) };
  const stale = () =>
    fail(c, 409, {
      code: 'CONFLICT',
      message: `plan "${planId}" is at version ${summary.version}, not ${expectedVersion}: re-read it and retry`,
      currentVersion: summary.version,
    });
  if (expectedVersion > summary.version) return { ok: false, response: stale() };
  const then = await currentPlan(store, planId, { seq: expectedVersion });
  if (then === undefined) return { ok: false, response: stale() };
  const pledges = Array.isArray(then.plan.pledges) ? (then.plan.pledges as Record<string, unknown>[]) : [];
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
