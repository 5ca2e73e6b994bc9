/**
 * Nearest-rank quantiles (the definition MODEL.md §4 uses for gaps, and we use for power bands too):
 * the q-quantile of n values is the k-th smallest with k = ⌈q·n⌉, at least 1.
 */

/** k = ⌈q·n⌉ clamped to 1 … n. q·n is rounded to 1e-9 first so that 0.7·10 is rank 7, not 8. */
export function nearestRank(q: number, n: number): number {
  const qn = Math.round(q * n * 1e9) / 1e9;
  return Math.min(n, Math.max(1, Math.ceil(qn)));
}

/**
 * The k-th smallest (1-based) of `values[0 … n)`, reordering `values` in place (Hoare's quickselect with
 * median-of-three pivots; expected O(n)).
 */
export function selectKth(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three moved to `mid`, a guard against sorted runs (power is often constant over trials).
    if ((values[mid] as number) < (values[lo] as number)) swap(values, mid, lo);
    if ((values[hi] as number) < (values[lo] as number)) swap(values, hi, lo);
    if ((values[hi] as number) < (values[mid] as number)) swap(values, hi, mid);
    const pivot = values[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target] as number;
  }
  return values[target] as number;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/** Nearest-rank q-quantile of the first n values (reorders them). */
export function quantileInPlace(values: Float64Array, n: number, q: number): number {
  if (n === 0) return Number.NaN;
  return selectKth(values, n, nearestRank(q, n));
}
