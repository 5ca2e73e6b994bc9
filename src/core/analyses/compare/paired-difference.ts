/**
 * The paired difference of two variants over the same trials (MODEL.md §2, common random numbers): per
 * trial d_i = x_b,i − x_a,i, with x a scenario's hold (1/0) or a variant's weighted value in that trial.
 * Because both variants see the same draws, most of the trial-to-trial noise cancels in d_i, and the
 * interval of the mean difference is far narrower than one built from two independent shares.
 *
 * Interval: the normal (Wald) interval of a mean, d̄ ± z·s/√n with s the sample standard deviation
 * (n − 1 in the denominator). For holds it is the Wald interval for the difference of paired
 * proportions (the McNemar setting; Agresti, Categorical Data Analysis, 3rd ed. 2013, §11.1). With
 * tens of thousands of trials it is accurate; with very few discordant trials it is too narrow
 * (Newcombe, Stat. Med. 1998), which is why it is named in the output.
 */
import { Z95 } from '../../stats/wilson.js';

export interface PairedDifference {
  /** Mean of x_b − x_a over the trials. */
  readonly diff: number;
  /** Standard error of that mean: s / √n. */
  readonly se: number;
  /** diff ± Z95·se, clipped to [−1, 1] (both x lie in [0, 1]). */
  readonly ci95: readonly [number, number];
  /** The interval excludes 0. */
  readonly significant: boolean;
}

/**
 * The mean paired difference b − a and its 95% normal interval. `a` and `b` hold one value in [0, 1]
 * per trial, the same trials in the same order; at least two trials.
 *
 * @example pairedDifference([1, 0, 1, 0], [1, 1, 1, 1]) // diff 0.5, se √(1/12) ≈ 0.289
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifference {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`paired samples differ in length: ${n} and ${b.length}`);
  if (n < 2) throw new RangeError(`a paired interval needs at least 2 trials, got ${n}`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (b[i] as number) - (a[i] as number);
  const diff = sum / n;
  // Two passes: the sum of squared deviations, not Σd² − n·d̄², which cancels badly when d̄² ≈ Σd²/n.
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = (b[i] as number) - (a[i] as number) - diff;
    squares += deviation * deviation;
  }
  const se = Math.sqrt(squares / (n - 1) / n);
  const lo = Math.max(-1, diff - Z95 * se);
  const hi = Math.min(1, diff + Z95 * se);
  return { diff, se, ci95: [lo, hi], significant: lo > 0 || hi < 0 };
}
