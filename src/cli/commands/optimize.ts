/**
 * `guarantor optimize PLAN --variant ID`: "who should fill the gaps, fairly?" (MODEL.md §6) — solves the
 * burden-sharing integer program with HiGHS, then re-assesses the plan with the proposal, and prints
 * the allocation, costs against fair shares, shadow prices and before/after, or the document (--json).
 */

import { optimizeBurden } from '../../core/analyses/burden/optimize.js';
import type { RunOptions } from '../../core/engine/run-plan.js';
import type { Plan } from '../../core/plan/types.js';
import { runnerFor } from '../../runner/runner-for.js';
import { highsSolver } from '../../solver/highs-solver.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { progressSink } from '../progress.js';
import { renderBurden } from '../render/burden.js';
import { emit } from '../write-output.js';

export interface OptimizeFlags {
  readonly variant: string;
  readonly trials?: number;
  readonly seed?: number;
  readonly threads?: number;
  readonly json?: boolean;
  readonly out?: string;
  /** `--set path=value` overrides (set-option.ts). */
  readonly set?: string[];
}

export async function optimizeCommand(path: string, flags: OptimizeFlags, io: CliIo): Promise<ExitCode> {
  const loaded = await loadPlan(path, io, flags.set);
  await printWarnings(io, loaded);
  const runner = runnerFor(flags.threads);
  let runs = 0;
  // Two assessments (before, then with the proposal): a bar for each.
  const assess = async (plan: Plan, options: RunOptions) => {
    runs++;
    const progress = progressSink(io, { label: runs === 1 ? 'assess' : 're-assess' });
    try {
      return await runner.assess(plan, { ...options, onProgress: progress.onProgress });
    } finally {
      progress.stop();
    }
  };
  const doc = await optimizeBurden(
    loaded.plan,
    {
      variant: flags.variant,
      ...(flags.trials === undefined ? {} : { trials: flags.trials }),
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    },
    { solver: highsSolver(), assess },
  );
  const text = flags.json ? `${JSON.stringify(doc, null, 2)}\n` : renderBurden(doc, loaded.plan);
  await emit(io, text, flags.out);
  return ExitCode.ok;
}
