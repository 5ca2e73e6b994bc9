/**
 * Variants side by side ("is Europe alone enough, or only with the US?"): pHold per scenario with its
 * Wilson interval, and the paired difference of variants over the same trials and draws (MODEL.md §2
 * common random numbers, §4 pHold and value), each with its 95% interval.
 */
import { MODEL_VERSION } from '../../engine/result-types.js';
import { runTrials, scenarioHolds } from '../../engine/trial-results.js';
import { GuarantorError } from '../../errors.js';
import { didYouMean, suggest } from '../../plan/suggest.js';
import type { Plan } from '../../plan/types.js';
import { wilsonInterval } from '../../stats/wilson.js';
import type { ComparedVariant, Comparison, VariantDifference } from './comparison.js';
import { pairedDifference } from './paired-difference.js';

/** `first`: every variant against the first; `all`: every pair, in order. */
export type Pairs = 'first' | 'all';

export interface CompareOptions {
  /** Variant ids, at least two; default every variant of the plan. The first is the reference. */
  readonly variants?: readonly string[];
  /** Scenario ids; default every scenario. */
  readonly scenarios?: readonly string[];
  readonly trials?: number;
  readonly seed?: number;
  readonly pairs?: Pairs;
}

export function compareVariants(plan: Plan, options: CompareOptions = {}): Comparison {
  const ids = options.variants ?? plan.variants.map((v) => v.id);
  checkVariants(plan, ids);
  const results = runTrials(plan, {
    variants: ids,
    ...(options.scenarios === undefined ? {} : { scenarios: options.scenarios }),
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const { compiled, layout, trials } = results;
  if (trials < 2) {
    throw new GuarantorError('COMPARE_TOO_FEW_TRIALS', 'compare needs at least 2 trials for its intervals');
  }
  const scenarios = layout.scenarios.map(
    (si) => compiled.scenarios[si] as (typeof compiled.scenarios)[number],
  );
  const weights = scenarios.map((s) => s.weight);
  const totalWeight = weights.reduce((a, w) => a + w, 0);

  // holds[v][k]: per trial, 1 where scenario k holds under variant v.
  const holds = layout.variants.map((_, v) => scenarios.map((_, k) => scenarioHolds(results, v, k)));
  const values = holds.map((byScenario) => trialValues(byScenario, weights, totalWeight, trials));

  const variants = layout.variants.map((spec, v): ComparedVariant => {
    let weighted = 0;
    const compared = scenarios.map((s, k) => {
      const held = count(holds[v]?.[k] as Uint8Array);
      weighted += (weights[k] as number) * (held / trials);
      return { id: s.id, pHold: held / trials, ci95: wilsonInterval(held, trials) };
    });
    // As in `assess`: the weighted mean of the pHolds (0 when the compared scenarios weigh nothing).
    const value = totalWeight > 0 ? weighted / totalWeight : 0;
    return { id: spec.id, value, scenarios: compared, actors: spec.actors };
  });

  const differences = pairsOf(ids.length, options.pairs ?? 'first').map(
    ([a, b]): VariantDifference => ({
      from: ids[a] as string,
      to: ids[b] as string,
      value: pairedDifference(values[a] as Float64Array, values[b] as Float64Array),
      scenarios: scenarios.map((s, k) => ({
        id: s.id,
        ...pairedDifference(holds[a]?.[k] as Uint8Array, holds[b]?.[k] as Uint8Array),
      })),
    }),
  );

  const { settings } = compiled.plan;
  return {
    model: MODEL_VERSION,
    title: compiled.plan.title,
    trials,
    seed: settings.seed,
    target: settings.target,
    intervals: { pHold: 'wilson', difference: 'paired-normal' },
    variants,
    differences,
  };
}

/** Per trial, the variant's weighted value Σ_k w_k · hold_k / Σ_k w_k; its mean is the variant's value. */
function trialValues(
  holds: readonly Uint8Array[],
  weights: readonly number[],
  total: number,
  trials: number,
): Float64Array {
  const out = new Float64Array(trials);
  if (total <= 0) return out;
  holds.forEach((h, k) => {
    const w = (weights[k] as number) / total;
    for (let i = 0; i < trials; i++) out[i] = (out[i] as number) + w * (h[i] as number);
  });
  return out;
}

function count(holds: Uint8Array): number {
  let n = 0;
  for (const h of holds) n += h;
  return n;
}

/** Index pairs [from, to]: (0, j) for every j > 0, or every (i, j) with i < j. */
export function pairsOf(n: number, pairs: Pairs): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < (pairs === 'all' ? n : 1); i++) {
    for (let j = i + 1; j < n; j++) out.push([i, j]);
  }
  return out;
}

/** `; did you mean "x"?`, or the list of the plan's variants when none is close. */
function hint(id: string, known: readonly string[]): string {
  const guess = didYouMean(suggest(id, known));
  return guess !== '' ? guess : `; the plan has ${known.map((k) => `"${k}"`).join(', ')}`;
}

/** At least two variants, each known and named once. */
function checkVariants(plan: Plan, ids: readonly string[]): void {
  const known = plan.variants.map((v) => v.id);
  for (const id of ids) {
    if (!known.includes(id)) {
      throw new GuarantorError('UNKNOWN_VARIANT', `unknown variant "${id}"${hint(id, known)}`);
    }
  }
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) {
    throw new GuarantorError(
      'DUPLICATE_VARIANT',
      `variant "${repeated}" is named twice; name each variant once`,
    );
  }
  if (ids.length < 2) {
    const reason =
      ids.length === 0
        ? 'none was given'
        : plan.variants.length === 1
          ? `the plan has only "${ids[0]}" (add variants to the plan, MODEL.md §1)`
          : `only "${ids[0]}" was given`;
    throw new GuarantorError('COMPARE_NEEDS_TWO', `compare needs at least two variants; ${reason}`);
  }
}
