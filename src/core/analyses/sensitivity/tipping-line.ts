/**
 * The tipping line of a two-way grid: for each column x, the y at which the verdict flips from
 * "falls short" to "reaches the target". Each cell has a margin m (value − target, or the weakest
 * scenario's pHold − target); the verdict is m ≥ 0. The line passes between the last failing cell
 * and the first cell from which every higher cell reaches, at the y where the margin, linearly
 * interpolated between those two cells, is 0.
 */

export type TippingStatus =
  /** The verdict flips inside the column. */
  | 'crosses'
  /** Every cell of the column reaches the target: the line is below the grid. */
  | 'always'
  /** No cell, or not the top one, reaches it: the line is above the grid. */
  | 'never';

export interface TippingPoint {
  readonly x: number;
  readonly status: TippingStatus;
  /** y of the highest failing cell below the line (null when status is `always`). */
  readonly yBelow: number | null;
  /** y of the lowest cell from which every higher cell reaches (null when status is `never`). */
  readonly yAbove: number | null;
  /** The interpolated y where the margin is 0 (null unless status is `crosses`). */
  readonly y: number | null;
}

/**
 * `margin[iy][ix]` for ys ascending and xs. If a column is not monotone (noise, or a backstop called
 * less often when other forces do better), the line is placed above the highest failing cell, so that
 * every cell above it reaches the target.
 */
export function tippingLine(
  xs: readonly number[],
  ys: readonly number[],
  margin: readonly (readonly number[])[],
): TippingPoint[] {
  return xs.map((x, ix) => {
    const m = (iy: number) => (margin[iy] as readonly number[])[ix] as number;
    let first = ys.length;
    while (first > 0 && m(first - 1) >= 0) first--;
    if (first === 0) return { x, status: 'always', yBelow: null, yAbove: ys[0] ?? null, y: null };
    const yBelow = ys[first - 1] as number;
    if (first === ys.length) return { x, status: 'never', yBelow, yAbove: null, y: null };
    const yAbove = ys[first] as number;
    const below = m(first - 1);
    const above = m(first);
    // below < 0 ≤ above, so the denominator is positive.
    const y = yBelow + ((0 - below) / (above - below)) * (yAbove - yBelow);
    return { x, status: 'crosses', yBelow, yAbove, y };
  });
}
