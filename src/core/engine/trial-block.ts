/**
 * Results of a contiguous range of trials: per trial and series, whether the domain held, its shortfall
 * share and its gap; and the daily power of the trials that enter the bands. Blocks from different
 * threads are joined in trial order, so every later reduction sees the same numbers in the same order
 * whatever the thread count.
 */
export interface TrialBlock {
  readonly start: number;
  readonly end: number;
  /** [trial − start][series]: 1 where the domain held. */
  readonly holds: Uint8Array;
  /** [trial − start][series]: S_d. */
  readonly shortfall: Float64Array;
  /** [trial − start][series]: least constant power c that closes it. */
  readonly gap: Float64Array;
  /** How many of the block's trials enter the bands (see Layout.bandStride). */
  readonly bandRows: number;
  /** [band row][band value], band rows in trial order. */
  readonly bands: Float64Array;
}

/** Joins blocks that tile [0, trials) in order. */
export function joinBlocks(
  blocks: readonly TrialBlock[],
  nSeries: number,
  bandValuesPerTrial: number,
): TrialBlock {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  const start = sorted[0]?.start ?? 0;
  const end = sorted[sorted.length - 1]?.end ?? 0;
  const n = end - start;
  const holds = new Uint8Array(n * nSeries);
  const shortfall = new Float64Array(n * nSeries);
  const gap = new Float64Array(n * nSeries);
  const bandRows = sorted.reduce((s, b) => s + b.bandRows, 0);
  const bands = new Float64Array(bandRows * bandValuesPerTrial);
  let expected = start;
  let bandAt = 0;
  for (const b of sorted) {
    if (b.start !== expected)
      throw new RangeError(`trial blocks do not tile: expected ${expected}, got ${b.start}`);
    const at = (b.start - start) * nSeries;
    holds.set(b.holds, at);
    shortfall.set(b.shortfall, at);
    gap.set(b.gap, at);
    bands.set(b.bands, bandAt);
    bandAt += b.bands.length;
    expected = b.end;
  }
  return { start, end, holds, shortfall, gap, bandRows, bands };
}
