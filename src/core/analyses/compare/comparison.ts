/**
 * The comparison document (`guarantor compare --json`): variants side by side per scenario, and the
 * paired differences between them. The fields of the contract (model, trials, seed, target,
 * variants[].{id, value, scenarios[].{id, pHold, ci95}}, differences[].{from, to, value, scenarios})
 * are fixed; the fields marked extra may grow.
 */
import type { MODEL_VERSION } from '../../engine/result-types.js';

export interface ComparedScenario {
  readonly id: string;
  readonly pHold: number;
  /** Wilson 95% interval of pHold (as in `assess`). */
  readonly ci95: readonly [number, number];
}

export interface ComparedVariant {
  readonly id: string;
  /** Σ_s weight_s · pHold(s) / Σ_s weight_s over the compared scenarios. */
  readonly value: number;
  readonly scenarios: readonly ComparedScenario[];
  /** Extra: the actors the variant counts (the protected actor included), in plan order. */
  readonly actors: readonly string[];
}

export interface Difference {
  /** Mean over trials of (to − from): a share of trials for a scenario, a value for `value`. */
  readonly diff: number;
  /** Extra: standard error of diff. */
  readonly se: number;
  /** 95% interval of diff, normal approximation over the paired per-trial differences. */
  readonly ci95: readonly [number, number];
  /** The interval excludes 0. */
  readonly significant: boolean;
}

export interface ScenarioDifference extends Difference {
  readonly id: string;
}

export interface VariantDifference {
  readonly from: string;
  readonly to: string;
  readonly value: Difference;
  readonly scenarios: readonly ScenarioDifference[];
}

export interface Comparison {
  readonly model: typeof MODEL_VERSION;
  /** Extra: the plan's title. */
  readonly title: string;
  readonly trials: number;
  readonly seed: number;
  /** settings.target: the pHold a deterrent plan should reach. */
  readonly target: number;
  /** Extra: how the intervals are computed, so that a reader of the JSON need not guess. */
  readonly intervals: {
    readonly pHold: 'wilson';
    readonly difference: 'paired-normal';
  };
  readonly variants: readonly ComparedVariant[];
  readonly differences: readonly VariantDifference[];
}
