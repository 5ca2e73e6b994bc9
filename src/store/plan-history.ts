/**
 * Reading and writing whole plans through the ledger: import a plan file as events, rebuild the plan
 * (now or as of a point) from its events. Used by `guarantor db …` and, later, the server.
 */
import { type AttributedChange, attachEvents, diffPlans } from '../core/analyses/plan-diff/index.js';
import type { Issue } from '../core/errors.js';
import { planFromData, readPlanText } from '../core/plan/parse-plan.js';
import type { Plan } from '../core/plan/types.js';
import { err, ok, type Result } from '../core/result.js';
import { entityKindOf, type LedgerEvent } from './events.js';
import { validatePlan } from './ledger-plan.js';
import { type Attribution, planToEvents } from './plan-events.js';
import type { AppendError, AsOf, Store } from './store.js';

export type ImportError =
  | { readonly code: 'INVALID_PLAN_FILE'; readonly issues: readonly Issue[] }
  | AppendError;

/** Validates a plan file's text and creates a plan from it, one `created` event per entity. */
export async function importPlan(
  store: Store,
  text: string,
  fileName: string,
  by: Attribution,
): Promise<
  Result<{ readonly planId: string; readonly version: number; readonly events: number }, ImportError>
> {
  const read = readPlanText(text, fileName);
  if (!read.ok) return err({ code: 'INVALID_PLAN_FILE', issues: read.error });
  // Validated here, with the file's lines and columns; the store validates the projection again.
  const parsed = planFromData(read.value);
  if (!parsed.ok)
    return err({ code: 'INVALID_PLAN_FILE', issues: parsed.error.filter((i) => i.severity === 'error') });
  const data = read.value.data as Record<string, unknown>;
  const events = planToEvents(data, by);
  const title = typeof data.title === 'string' && data.title !== '' ? data.title : fileName;
  const created = await store.createPlan(title, events);
  return created.ok ? ok({ ...created.value, events: events.length }) : created;
}

/** The plan as written (plan-format data) as of a point, or now; undefined for an unknown plan. */
export async function planData(
  store: Store,
  planId: string,
  asOf?: AsOf,
): Promise<Result<Record<string, unknown>, AppendError> | undefined> {
  const events = await store.events(planId, asOf);
  if (events === undefined) return undefined;
  return validatePlan(events);
}

/**
 * What changed between two points of a plan's history (`before` = the plan at seq `from`, `after` at
 * `to`), each change with the events on its entity between the two: who, when, why, with which source.
 */
export function ledgerChanges(
  before: Plan,
  after: Plan,
  events: readonly LedgerEvent[],
  from: number,
  to: number,
): AttributedChange[] {
  const between = events.filter((e) => e.seq > from && e.seq <= to);
  return attachEvents(
    diffPlans(before, after),
    between.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      entity: entityKindOf(e.kind),
      entityId: e.entityId,
      who: e.who,
      reason: e.reason,
      ...(e.source === undefined ? {} : { source: e.source }),
    })),
  );
}
