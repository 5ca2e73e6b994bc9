/**
 * One analysis, as the CLI's commands run it: the same core function with the same options, so a job's
 * document is byte for byte what `guarantor <kind> --json` prints for the same plan, seed and trials
 * (a report job's is the briefing's HTML in a small document: run-report.ts).
 * Runs in a job's worker thread (job-worker.ts), in that thread only: the document does not depend on
 * threads, and a job already runs beside the server's event loop.
 */
import { attribute } from '../core/analyses/attribution/attribute.js';
import { optimizeBurden } from '../core/analyses/burden/optimize.js';
import { compareVariants } from '../core/analyses/compare/compare-variants.js';
import { failures } from '../core/analyses/failures/failures.js';
import { diffValues, type PlanDiff } from '../core/analyses/plan-diff/index.js';
import { sensitivity } from '../core/analyses/sensitivity/sensitivity.js';
import { assess, type Progress } from '../core/engine/assess.js';
import type { RunOptions } from '../core/engine/run-plan.js';
import type { Plan } from '../core/plan/types.js';
import { highsSolver } from '../solver/highs-solver.js';
import type { AnalysisInput, DiffInput } from './job-input.js';
import type { JobParams } from './job-params.js';
import { runReport } from './run-report.js';

export type ProgressSink = (progress: Progress) => void;

/** Runs the job's analysis and returns its document (what `--json` prints). */
export async function runAnalysis(input: AnalysisInput, onProgress: ProgressSink): Promise<unknown> {
  if ('diff' in input) return diffDocument(input.diff, input.request.params, onProgress);
  if ('report' in input) return runReport(input, onProgress);
  const { plan, request } = input;
  switch (request.kind) {
    case 'assess': {
      const { trials, seed, variants, scenarios } = request.params;
      return assess(plan, { ...defined({ trials, seed, variants, scenarios }), onProgress });
    }
    case 'compare': {
      const { trials, seed, variants, scenarios, pairs } = request.params;
      return whole(onProgress, () =>
        compareVariants(plan, defined({ trials, seed, variants, scenarios, pairs })),
      );
    }
    case 'attribute': {
      const { variant, method, trials, seed, targetSe } = request.params;
      return attribute(plan, { variant, ...defined({ method, trials, seed, targetSe }), onProgress });
    }
    case 'sensitivity': {
      const { variant, trials, seed, grid, rule } = request.params;
      return sensitivity(plan, { variant, ...defined({ trials, seed, grid, rule }), onProgress });
    }
    case 'failures': {
      const { variant, scenario, trials, seed } = request.params;
      return whole(onProgress, () => failures(plan, { variant, scenario, ...defined({ trials, seed }) }));
    }
    case 'optimize':
      return optimizeDocument(plan, request.params, onProgress);
    default:
      return request satisfies never;
  }
}

/** Two assessments (before, then with the proposal), counted as one bar of twice the trials. */
function optimizeDocument(plan: Plan, params: JobParams<'optimize'>, onProgress: ProgressSink) {
  const { variant, trials, seed } = params;
  let runs = 0;
  const assessTwice = async (p: Plan, options: RunOptions) => {
    const offset = runs++;
    return assess(p, {
      ...options,
      onProgress: (x) => onProgress({ done: offset * x.total + x.done, total: 2 * x.total }),
    });
  };
  return optimizeBurden(
    plan,
    { variant, ...defined({ trials, seed }) },
    { solver: highsSolver(), assess: assessTwice },
  );
}

/** As `guarantor diff`: both points assessed with the same trials and seed (default: the later plan's). */
function diffDocument(input: DiffInput, params: JobParams<'diff'>, onProgress: ProgressSink): PlanDiff {
  const trials = params.trials ?? input.after.settings.trials;
  const seed = params.seed ?? input.after.settings.seed;
  const run = (plan: Plan, offset: number) =>
    assess(plan, {
      trials,
      seed,
      onProgress: (p) => onProgress({ done: offset + p.done, total: 2 * p.total }),
    });
  const values = diffValues(run(input.before, 0), run(input.after, trials));
  const { planId, from, to, changes } = input;
  return { model: 1, plan: planId, from, to, changes, values, trials, seed };
}

/** Analyses without progress of their own: one step. */
function whole<T>(onProgress: ProgressSink, run: () => T): T {
  onProgress({ done: 0, total: 1 });
  const doc = run();
  onProgress({ done: 1, total: 1 });
  return doc;
}

/** The fields that are set: the core's options are exact-optional (`undefined` is not "absent"). */
function defined<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
