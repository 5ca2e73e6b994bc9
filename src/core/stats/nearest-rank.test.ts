/**
 * Nearest-rank quantiles (MODEL.md §4): the q-quantile of n values is the k-th smallest, k = ⌈q·n⌉, at
 * least 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, quantileInPlace, selectKth } from './nearest-rank.js';

const sortedKth = (values: readonly number[], k: number) => [...values].sort((a, b) => a - b)[k - 1];

describe('nearestRank', () => {
  it('is ⌈q·n⌉ clamped to 1 … n, without floating-point overshoot', () => {
    expect(nearestRank(0.7, 10)).toBe(7); // 0.7·10 = 7.000000000000001 in doubles
    expect(nearestRank(0.1, 10)).toBe(1);
    expect(nearestRank(0.11, 10)).toBe(2);
    expect(nearestRank(0.5, 5)).toBe(3);
    expect(nearestRank(0.8, 20000)).toBe(16000);
    expect(nearestRank(0.9, 30)).toBe(27);
    expect(nearestRank(0.3, 10)).toBe(3);
    expect(nearestRank(0, 10)).toBe(1);
    expect(nearestRank(1, 10)).toBe(10);
    expect(nearestRank(0.5, 1)).toBe(1);
  });

  it('equals ⌈q·n⌉ for rational q = a/b with n a multiple of b', () => {
    for (let b = 1; b <= 20; b++)
      for (let a = 0; a <= b; a++)
        for (const m of [1, 3, 100]) {
          const n = b * m;
          expect(nearestRank(a / b, n)).toBe(Math.max(1, a * m));
        }
  });
});

describe('selectKth', () => {
  it('returns the k-th smallest, like sorting (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer({ min: -3, max: 3 })), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.nat(),
        (raw, r) => {
          const values = raw.map((v) => (Object.is(v, -0) ? 0 : v));
          const k = (r % values.length) + 1;
          const arr = Float64Array.from(values);
          expect(selectKth(arr, arr.length, k)).toBe(sortedKth(values, k));
          // It only reorders: the multiset is unchanged.
          expect(Array.from(arr).sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves the k smallest in front, so lower ranks can be selected from the prefix (as the bands do)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 100 }), (values) => {
        const n = values.length;
        const arr = Float64Array.from(values);
        const k90 = nearestRank(0.9, n);
        const k50 = nearestRank(0.5, n);
        const k10 = nearestRank(0.1, n);
        expect(selectKth(arr, n, k90)).toBe(sortedKth(values, k90));
        expect(selectKth(arr, k90, k50)).toBe(sortedKth(values, k50));
        expect(selectKth(arr, k50, k10)).toBe(sortedKth(values, k10));
      }),
      { numRuns: 300 },
    );
  });

  it('handles sorted, reversed and constant arrays', () => {
    const n = 1001;
    const up = Float64Array.from({ length: n }, (_, i) => i);
    const down = Float64Array.from({ length: n }, (_, i) => n - 1 - i);
    const flat = new Float64Array(n).fill(3);
    expect(selectKth(up, n, 500)).toBe(499);
    expect(selectKth(down, n, 1)).toBe(0);
    expect(selectKth(down, n, n)).toBe(n - 1);
    expect(selectKth(flat, n, 17)).toBe(3);
  });

  it('quantileInPlace is the nearest-rank quantile', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(quantileInPlace(Float64Array.from(values), 10, 0.7)).toBe(7);
    expect(quantileInPlace(Float64Array.from(values), 10, 0)).toBe(1);
    expect(quantileInPlace(Float64Array.from(values), 10, 1)).toBe(10);
    expect(quantileInPlace(Float64Array.from(values), 10, 0.8)).toBe(8);
    expect(quantileInPlace(new Float64Array(0), 0, 0.5)).toBeNaN();
  });
});
