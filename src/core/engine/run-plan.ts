/**
 * What one assessment run is: the plan with the run's overrides, which variants and scenarios, and how
 * the trials are cut into blocks. Shared by the in-process path and the worker threads, so both compute
 * the same thing.
 */
import { GuarantorError } from '../errors.js';
import type { Plan } from '../plan/types.js';
import { type CompiledPlan, compilePlan } from './compile.js';
import { DEFAULT_BAND_BUDGET, type Layout, makeLayout } from './layout.js';
import { variantSpec } from './variant-spec.js';

export interface RunOptions {
  /** Variant ids, in the order wanted; default every variant of the plan. */
  readonly variants?: readonly string[];
  /** Scenario ids; default every scenario. */
  readonly scenarios?: readonly string[];
  readonly trials?: number;
  readonly seed?: number;
  /** See DEFAULT_BAND_BUDGET. */
  readonly bandBudget?: number;
  /**
   * Restrict every variant to these actors (ids; the protected actor is always in), with the same draws
   * for everybody (MODEL.md §5: the value of a coalition S).
   */
  readonly coalition?: readonly string[];
}

export interface PreparedRun {
  readonly compiled: CompiledPlan;
  readonly layout: Layout;
  readonly trials: number;
}

/** The plan with `trials` and `seed` replaced by the run's overrides, if any. */
export function withOverrides(plan: Plan, options: RunOptions): Plan {
  if (options.trials === undefined && options.seed === undefined) return plan;
  return {
    ...plan,
    settings: {
      ...plan.settings,
      ...(options.trials === undefined ? {} : { trials: options.trials }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    },
  };
}

export function prepareRun(plan: Plan, options: RunOptions = {}): PreparedRun {
  const effective = withOverrides(plan, options);
  const { trials, seed } = effective.settings;
  if (!Number.isInteger(trials) || trials < 1 || trials > 1e7) {
    throw new GuarantorError('BAD_TRIALS', `trials must be a whole number in 1 … 10^7, got ${trials}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new GuarantorError('BAD_SEED', `seed must be a whole number ≥ 0, got ${seed}`);
  }
  const compiled = compilePlan(effective, seed);
  const variantIds = options.variants ?? effective.variants.map((v) => v.id);
  const coalition = options.coalition === undefined ? undefined : new Set(options.coalition);
  const specs = variantIds.map((id) => variantSpec(compiled, id, coalition));
  const scenarioIds = options.scenarios ?? effective.scenarios.map((s) => s.id);
  const scenarios = scenarioIds.map((id) => {
    const i = effective.scenarios.findIndex((s) => s.id === id);
    if (i < 0) {
      throw new GuarantorError(
        'UNKNOWN_SCENARIO',
        `unknown scenario "${id}"; the plan has ${effective.scenarios.map((s) => `"${s.id}"`).join(', ')}`,
      );
    }
    return i;
  });
  const layout = makeLayout(compiled, specs, scenarios, trials, options.bandBudget ?? DEFAULT_BAND_BUDGET);
  const results = trials * layout.nSeries;
  if (results > MAX_TRIAL_RESULTS) {
    // Each kept result costs 17 bytes (held, shortfall, gap): refuse up front rather than fail to allocate.
    throw new GuarantorError(
      'RUN_TOO_LARGE',
      `this run would keep ${results.toExponential(2)} per-trial results (${trials} trials × ${layout.nSeries} ` +
        `variant-scenario-domains), more than the ${MAX_TRIAL_RESULTS.toExponential(2)} that fit in memory; ` +
        'use fewer --trials, or fewer variants or scenarios per run',
    );
  }
  return { compiled, layout, trials };
}

/** Most per-trial results one run keeps (2^28 ≈ 2.7e8, about 4.6 GB). */
export const MAX_TRIAL_RESULTS = 2 ** 28;

/** Cuts [0, trials) into at most `parts` contiguous ranges of near-equal size. */
export function trialRanges(trials: number, parts: number): [number, number][] {
  const k = Math.max(1, Math.min(parts, trials));
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++) {
    const a = Math.floor((trials * i) / k);
    const b = Math.floor((trials * (i + 1)) / k);
    if (b > a) out.push([a, b]);
  }
  return out;
}
