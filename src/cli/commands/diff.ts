/**
 * `guarantor diff PLAN_ID --from T1 [--to T2]`: "what did the summit change?" — the entities added,
 * changed, withdrawn or removed between two points of a plan's ledger, each with the events that made
 * it (who, when, why, source), and each variant's value before → after, both points assessed with the
 * same trials and seed.
 */
import {
  diffValues,
  type LedgerPoint,
  type PlanDiff,
  type VariantValueChange,
} from '../../core/analyses/plan-diff/index.js';
import type { AssessOptions } from '../../core/engine/assess.js';
import { planFromData } from '../../core/plan/parse-plan.js';
import type { Plan } from '../../core/plan/types.js';
import { runnerFor } from '../../runner/runner-for.js';
import type { LedgerEvent } from '../../store/events.js';
import { validatePlan } from '../../store/ledger-plan.js';
import { ledgerChanges } from '../../store/plan-history.js';
import type { AsOf } from '../../store/store.js';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { progressSink } from '../progress.js';
import { renderPlanDiff } from '../render/plan-diff.js';
import { emit } from '../write-output.js';
import { type DbFlags, unknownPlan, withStore } from './db.js';

export interface DiffFlags extends DbFlags {
  readonly from: AsOf;
  readonly to?: AsOf;
  readonly trials?: number;
  readonly seed?: number;
  readonly threads?: number;
  readonly json?: boolean;
  readonly out?: string;
}

export async function diffCommand(planId: string, flags: DiffFlags, io: CliIo): Promise<ExitCode> {
  // Read everything, then let the database go before the (long) assessments.
  const events = await withStore(flags, io, async (store) => {
    await store.migrate();
    return store.events(planId);
  });
  if (events === undefined) throw unknownPlan(planId);
  const from = pointOf(events, flags.from, '--from');
  const to = flags.to === undefined ? lastPoint(events) : pointOf(events, flags.to, '--to');
  if (from.seq > to.seq) {
    throw new CliError(
      [`error: --from (event ${from.seq}, ${from.at}) is after --to (event ${to.seq}, ${to.at})`],
      ExitCode.usage,
    );
  }
  const before = planAt(planId, events, from);
  const after = planAt(planId, events, to);
  const trials = flags.trials ?? after.settings.trials;
  const seed = flags.seed ?? after.settings.seed;

  const runner = runnerFor(flags.threads);
  const progress = progressSink(io, { label: 'diff' });
  let values: VariantValueChange[];
  try {
    // Two runs of `trials` each; the bar counts both.
    const run = (plan: Plan, offset: number) => {
      const options: AssessOptions = {
        trials,
        seed,
        onProgress: (p) => progress.onProgress({ done: offset + p.done, total: 2 * p.total }),
      };
      return runner.assess(plan, options);
    };
    const assessedBefore = await run(before, 0);
    const assessedAfter = await run(after, trials);
    values = diffValues(assessedBefore, assessedAfter);
  } finally {
    progress.stop();
  }

  const changes = ledgerChanges(before, after, events, from.seq, to.seq);
  const doc: PlanDiff = { model: 1, plan: planId, from, to, changes, values, trials, seed };
  const text = flags.json ? `${JSON.stringify(doc, null, 2)}\n` : renderPlanDiff(doc, before, after);
  await emit(io, text, flags.out);
  return ExitCode.ok;
}

function pointOf(events: readonly LedgerEvent[], asOf: AsOf, option: string): LedgerPoint {
  const upTo = events.filter((e) => ('seq' in asOf ? e.seq <= asOf.seq : e.at <= asOf.time));
  const last = upTo.at(-1);
  if (last === undefined) {
    const first = events[0];
    const what = 'seq' in asOf ? `event ${asOf.seq}` : asOf.time.toISOString();
    const since = first === undefined ? '' : ` (its first event is 1, at ${first.at.toISOString()})`;
    throw new CliError(
      [`error: ${option} ${what} is before the plan existed${since}`],
      ExitCode.invalidInput,
    );
  }
  if ('seq' in asOf && asOf.seq > last.seq) {
    throw new CliError(
      [`error: ${option} event ${asOf.seq} does not exist yet: the plan's last event is ${last.seq}`],
      ExitCode.invalidInput,
    );
  }
  return { seq: last.seq, at: last.at.toISOString() };
}

function lastPoint(events: readonly LedgerEvent[]): LedgerPoint {
  const last = events.at(-1);
  // A plan exists only through its first write, so it has events.
  if (last === undefined) throw new Error('a plan without events');
  return { seq: last.seq, at: last.at.toISOString() };
}

/** The plan as of a point; a point inside a write of several events (an import) has no valid plan. */
function planAt(planId: string, events: readonly LedgerEvent[], point: LedgerPoint): Plan {
  const data = validatePlan(events.filter((e) => e.seq <= point.seq));
  const parsed = data.ok
    ? planFromData({ data: data.value, locate: (requests) => requests.map(() => undefined), warnings: [] })
    : undefined;
  if (parsed === undefined || !parsed.ok) {
    throw new CliError(
      [
        `error: plan ${planId} has no valid state as of event ${point.seq}: that point is inside a write of ` +
          "several events (an import is one write); take the write's last event (see guarantor db log)",
      ],
      ExitCode.invalidInput,
    );
  }
  return parsed.value.plan;
}
