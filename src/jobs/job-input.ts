/**
 * What a job's worker thread gets: the plan(s) read from the ledger as of the job's version, parsed,
 * plus the validated request. Built in the parent (which holds the database connection); the worker
 * does no I/O. A diff job gets both points' plans and the attributed changes between them; a report job
 * gets, besides its plan, what its worker cannot read itself (report-context.ts).
 */

import type { AttributedChange, LedgerPoint } from '../core/analyses/plan-diff/index.js';
import { planFromData } from '../core/plan/parse-plan.js';
import type { Plan } from '../core/plan/types.js';
import { err, ok, type Result } from '../core/result.js';
import type { LedgerEvent } from '../store/events.js';
import type { JobError } from '../store/job-store.js';
import { validatePlan } from '../store/ledger-plan.js';
import { ledgerChanges } from '../store/plan-history.js';
import type { LedgerStore } from '../store/store.js';
import type { JobParams, JobRequest } from './job-params.js';
import type { ReportTask } from './report-context.js';

export interface DiffInput {
  readonly planId: string;
  readonly before: Plan;
  readonly after: Plan;
  readonly from: LedgerPoint;
  readonly to: LedgerPoint;
  readonly changes: readonly AttributedChange[];
}

/** A job on one plan: every kind but diff (a report's context is added by the executor). */
export interface PlanInput {
  readonly request: Exclude<JobRequest, { kind: 'diff' }>;
  readonly plan: Plan;
}

export type AnalysisInput =
  | { readonly request: Exclude<JobRequest, { kind: 'diff' | 'report' }>; readonly plan: Plan }
  | ReportTask
  | { readonly request: Extract<JobRequest, { kind: 'diff' }>; readonly diff: DiffInput };

/** Reads the job's plan (as of `planVersion`) and, for a diff, the second point and the events between. */
export async function readJobInput(
  store: LedgerStore,
  planId: string,
  planVersion: number,
  request: JobRequest,
): Promise<Result<PlanInput | Extract<AnalysisInput, { diff: DiffInput }>, JobError>> {
  const events = await store.events(planId, { seq: planVersion });
  if (events === undefined) return err({ code: 'NOT_FOUND', message: `no plan "${planId}"` });
  if (request.kind !== 'diff') {
    const plan = planAt(events, planVersion, 'params.version');
    return plan.ok ? ok({ request, plan: plan.value }) : plan;
  }
  const diff = diffInput(planId, events, planVersion, request.params);
  return diff.ok ? ok({ request, diff: diff.value }) : diff;
}

function diffInput(
  planId: string,
  events: readonly LedgerEvent[],
  planVersion: number,
  params: JobParams<'diff'>,
): Result<DiffInput, JobError> {
  const from = pointOf(events, params.from, 'params.from');
  if (!from.ok) return from;
  const to =
    params.to === undefined ? pointOf(events, planVersion, '') : pointOf(events, params.to, 'params.to');
  if (!to.ok) return to;
  if (from.value.seq > to.value.seq) {
    return err({
      code: 'BAD_RANGE',
      message: `from (event ${from.value.seq}) is after to (event ${to.value.seq})`,
      path: 'params.from',
    });
  }
  const before = planAt(events, from.value.seq, 'params.from');
  if (!before.ok) return before;
  const after = planAt(events, to.value.seq, 'params.to');
  if (!after.ok) return after;
  const changes = ledgerChanges(before.value, after.value, events, from.value.seq, to.value.seq);
  return ok({ planId, before: before.value, after: after.value, from: from.value, to: to.value, changes });
}

/** The last event at or before a seq or an ISO time, as `guarantor diff` resolves `--from`/`--to`. */
function pointOf(
  events: readonly LedgerEvent[],
  point: number | string,
  path: string,
): Result<LedgerPoint, JobError> {
  const time = typeof point === 'string' ? new Date(point) : undefined;
  const upTo = events.filter((e) => (time === undefined ? e.seq <= Number(point) : e.at <= time));
  const last = upTo.at(-1);
  if (last === undefined) {
    return err({ code: 'BAD_POINT', message: `${String(point)} is before the plan existed`, path });
  }
  if (typeof point === 'number' && point > last.seq) {
    return err({
      code: 'BAD_POINT',
      message: `event ${point} is after the job's plan version ${last.seq}`,
      path,
    });
  }
  return ok({ seq: last.seq, at: last.at.toISOString() });
}

/** The plan as of a seq; a point inside a write of several events (an import) has no valid plan. */
function planAt(events: readonly LedgerEvent[], seq: number, path: string): Result<Plan, JobError> {
  const data = validatePlan(events.filter((e) => e.seq <= seq));
  const parsed = data.ok
    ? planFromData({ data: data.value, locate: (requests) => requests.map(() => undefined), warnings: [] })
    : undefined;
  if (parsed === undefined || !parsed.ok) {
    return err({
      code: 'NO_VALID_PLAN',
      message:
        `the plan has no valid state as of event ${seq}: that point is inside a write of several events ` +
        "(an import is one write); take the write's last event",
      path,
    });
  }
  return ok(parsed.value.plan);
}
