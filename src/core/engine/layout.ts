/**
 * Where each (variant, scenario, domain) "series" lives in the per-trial result arrays, and which values
 * of daily power are kept for the bands.
 */
import type { CompiledPlan } from './compile.js';
import type { VariantSpec } from './variant-spec.js';

/**
 * Daily power values kept for the bands, across trials. Up to this many, every trial enters the bands;
 * beyond it the bands use every s-th trial (0, s, 2s, …, s = ⌈trials / ⌊budget / values per trial⌋⌉) —
 * an i.i.d. sample, spread over all threads' blocks, reported as `settings.bandsTrials` — so memory
 * and the time to select percentiles stay bounded (2^23 doubles = 64 MiB). Percentiles of a few thousand
 * i.i.d. trials are well within the Monte Carlo noise of the rest.
 */
export const DEFAULT_BAND_BUDGET = 2 ** 23;

export interface Layout {
  readonly variants: readonly VariantSpec[];
  /** Indices of the compiled scenarios evaluated. */
  readonly scenarios: readonly number[];
  /** seriesOffset[v][k]: first series of variant v, k-th evaluated scenario; its domains follow. */
  readonly seriesOffset: readonly (readonly number[])[];
  readonly nSeries: number;
  /** bandOffset[v][k]: first band value (domain 0, day 0) of that pair; domain j, day t at + j·H + t. */
  readonly bandOffset: readonly (readonly number[])[];
  readonly bandValuesPerTrial: number;
  /** Trials 0, bandStride, 2·bandStride, … enter the bands: bandsTrials of them. */
  readonly bandStride: number;
  readonly bandsTrials: number;
}

export function makeLayout(
  compiled: CompiledPlan,
  variants: readonly VariantSpec[],
  scenarios: readonly number[],
  trials: number,
  bandBudget = DEFAULT_BAND_BUDGET,
): Layout {
  let nSeries = 0;
  let nBand = 0;
  const seriesOffset: number[][] = [];
  const bandOffset: number[][] = [];
  for (let v = 0; v < variants.length; v++) {
    const so: number[] = [];
    const bo: number[] = [];
    for (const si of scenarios) {
      const s = compiled.scenarios[si];
      if (s === undefined) throw new RangeError(`scenario index ${si} out of range`);
      so.push(nSeries);
      bo.push(nBand);
      nSeries += s.domains.length;
      nBand += s.domains.length * s.horizon;
    }
    seriesOffset.push(so);
    bandOffset.push(bo);
  }
  const room = nBand === 0 ? trials : Math.max(1, Math.min(trials, Math.floor(bandBudget / nBand)));
  const bandStride = Math.ceil(trials / room);
  const bandsTrials = Math.ceil(trials / bandStride);
  return {
    variants,
    scenarios,
    seriesOffset,
    nSeries,
    bandOffset,
    bandValuesPerTrial: nBand,
    bandStride,
    bandsTrials,
  };
}

/** Band rows of trials [start, end): the multiples of the stride in that range. */
export function bandRowsIn(layout: Layout, start: number, end: number): { first: number; count: number } {
  const s = layout.bandStride;
  const first = Math.ceil(start / s);
  return { first, count: Math.max(0, Math.ceil(end / s) - first) };
}
