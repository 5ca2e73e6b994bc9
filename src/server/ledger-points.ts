/**
 * Points of a plan's ledger for the API: `?asOf=SEQ` or `?asOf=ISO-TIME` parsed, resolved to the last
 * event at or before it, and the plan as of that event. Results, not exceptions: the routes turn them
 * into 400s. The same rules as `guarantor db export --as-of` and `guarantor diff --from/--to`.
 */
import type { LedgerPoint } from '../core/analyses/plan-diff/index.js';
import { planFromData } from '../core/plan/parse-plan.js';
import type { Plan } from '../core/plan/types.js';
import { err, ok, type Result } from '../core/result.js';
import type { LedgerEvent } from '../store/events.js';
import { validatePlan } from '../store/ledger-plan.js';
import type { AsOf } from '../store/store.js';

/** An ISO 8601 date or date-time (what `Date` reads unambiguously). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `12` → event 12; `2026-01-06T10:00:00Z` → that time; anything else → undefined. */
export function parseAsOf(text: string): AsOf | undefined {
  if (/^\d{1,9}$/.test(text)) return { seq: Number(text) };
  if (!ISO_TIME.test(text)) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : { time };
}

export function describeAsOf(asOf: AsOf): string {
  return 'seq' in asOf ? `event ${asOf.seq}` : asOf.time.toISOString();
}

/** The last event at or before `asOf`; an error message when there is none or the seq is in the future. */
export function pointOf(events: readonly LedgerEvent[], asOf: AsOf): Result<LedgerPoint, string> {
  const upTo = events.filter((e) => ('seq' in asOf ? e.seq <= asOf.seq : e.at <= asOf.time));
  const last = upTo.at(-1);
  if (last === undefined) return err(`${describeAsOf(asOf)} is before the plan existed`);
  if ('seq' in asOf && asOf.seq > last.seq) {
    return err(`event ${asOf.seq} does not exist yet: the plan's last event is ${last.seq}`);
  }
  return ok({ seq: last.seq, at: last.at.toISOString() });
}

/** The plan as of a point; a point inside a write of several events (an import) has no valid plan. */
export function planAt(events: readonly LedgerEvent[], point: LedgerPoint): Result<Plan, string> {
  const data = validatePlan(events.filter((e) => e.seq <= point.seq));
  const parsed = data.ok ? parseData(data.value) : undefined;
  if (parsed === undefined || !parsed.ok) {
    return err(
      `the plan has no valid state as of event ${point.seq}: that point is inside a write of several events ` +
        "(an import is one write); take the write's last event",
    );
  }
  return ok(parsed.value.plan);
}

/** Plan-format data without source positions (it did not come from a file). */
export function parseData(data: unknown) {
  return planFromData({ data, locate: (requests) => requests.map(() => undefined), warnings: [] });
}
