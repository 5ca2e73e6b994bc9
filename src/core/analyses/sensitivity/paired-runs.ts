/**
 * One variant of an edited plan, run on the same trials and draws as every other edit (common random
 * numbers, MODEL.md §2): the value and, per trial, that trial's share of it. Two runs are then a
 * paired comparison, and the standard error of their difference comes from the per-trial differences,
 * which are zero in every trial the edit does not change — so it is far smaller than the error of
 * either value.
 */
import type { CompiledScenario } from '../../engine/compile.js';
import { runTrials, scenarioHolds } from '../../engine/trial-results.js';
import type { Plan } from '../../plan/types.js';

export interface VariantRun {
  /** pHold per scenario, plan order. */
  readonly pHold: readonly number[];
  /** Σ_s weight_s · pHold_s / Σ_s weight_s, computed as `assess` does (the same number to the bit). */
  readonly value: number;
  /** Per trial: Σ_s weight_s · holds_s / Σ_s weight_s, whose mean is `value`. */
  readonly perTrial: Float64Array;
  /** The actors counted by the variant, the protected actor included, plan order. */
  readonly actors: readonly string[];
}

/**
 * Bands are not needed here: a budget of one value keeps a single trial's daily power instead of
 * thousands (see DEFAULT_BAND_BUDGET), which the per-trial outcomes do not depend on.
 */
const NO_BANDS = 1;

export function runVariant(plan: Plan, variant: string, trials: number, seed: number): VariantRun {
  const results = runTrials(plan, { variants: [variant], trials, seed, bandBudget: NO_BANDS });
  const { compiled, layout } = results;
  const perTrial = new Float64Array(trials);
  const pHold: number[] = [];
  let weighted = 0;
  let weights = 0;
  const totalWeight = layout.scenarios.reduce(
    (sum, si) => sum + (compiled.scenarios[si] as CompiledScenario).weight,
    0,
  );
  layout.scenarios.forEach((si, k) => {
    const w = (compiled.scenarios[si] as CompiledScenario).weight;
    const holds = scenarioHolds(results, 0, k);
    let held = 0;
    for (let i = 0; i < trials; i++) held += holds[i] as number;
    if (totalWeight > 0 && w > 0) {
      const share = w / totalWeight;
      for (let i = 0; i < trials; i++) perTrial[i] = (perTrial[i] as number) + share * (holds[i] as number);
    }
    const p = held / trials;
    pHold.push(p);
    weighted += w * p;
    weights += w;
  });
  const spec = layout.variants[0];
  return { pHold, value: weights > 0 ? weighted / weights : 0, perTrial, actors: spec?.actors ?? [] };
}

export interface PairedDifference {
  /** value(b) − value(a). */
  readonly difference: number;
  /** Monte Carlo standard error of the difference: sd of the per-trial differences / √n. */
  readonly se: number;
}

export function pairedDifference(a: VariantRun, b: VariantRun): PairedDifference {
  const n = a.perTrial.length;
  if (b.perTrial.length !== n) throw new RangeError('paired runs must have the same trials');
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (b.perTrial[i] as number) - (a.perTrial[i] as number);
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (b.perTrial[i] as number) - (a.perTrial[i] as number) - mean;
    ss += d * d;
  }
  return { difference: b.value - a.value, se: n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0 };
}

/** Runs edited plans of one variant on fixed trials and seed, each distinct plan once. */
export interface Evaluator {
  (plan: Plan): VariantRun;
  /** Runs actually simulated (distinct plans), for tests and progress. */
  readonly runs: () => number;
}

/**
 * An evaluator with a memo keyed by the whole plan: an edit that lands on the plan's own value (a
 * reliability of 1 raised by 0.2 and clamped, the grid's centre cell) costs nothing.
 */
export function makeEvaluator(
  variant: string,
  trials: number,
  seed: number,
  onRequest?: () => void,
): Evaluator {
  const memo = new Map<string, VariantRun>();
  const evaluate = (plan: Plan): VariantRun => {
    const key = JSON.stringify(plan);
    let run = memo.get(key);
    if (run === undefined) {
      run = runVariant(plan, variant, trials, seed);
      memo.set(key, run);
    }
    onRequest?.();
    return run;
  };
  return Object.assign(evaluate, { runs: () => memo.size });
}
