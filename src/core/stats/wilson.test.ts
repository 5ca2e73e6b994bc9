/**
 * The Wilson score interval (MODEL.md §4: pHold with a Wilson 95% interval).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refWilson } from '../engine/test-plans.js';
import { wilsonInterval, Z95 } from './wilson.js';

describe('wilsonInterval', () => {
  it('matches published values', () => {
    // 5 of 10: [0.2366, 0.7634]; 0 of 10: [0, z²/(n + z²)] = [0, 0.2775]; 10 of 10: [0.7225, 1];
    // 1 of 100: [0.0018, 0.0545].
    const [a, b] = wilsonInterval(5, 10);
    expect(a).toBeCloseTo(0.236593, 6);
    expect(b).toBeCloseTo(0.763407, 6);
    const [c, d] = wilsonInterval(0, 10);
    expect(c).toBe(0);
    expect(d).toBeCloseTo(0.277533, 6);
    const [e, f] = wilsonInterval(10, 10);
    expect(e).toBeCloseTo(0.722467, 6);
    expect(f).toBeCloseTo(1, 15); // 0.9999999999999999 in doubles
    const [g, h] = wilsonInterval(1, 100);
    expect(g).toBeCloseTo(0.001767, 6);
    expect(h).toBeCloseTo(0.054486, 6);
  });

  it('uses z = Φ⁻¹(0.975)', () => {
    expect(Z95).toBe(1.959963984540054);
  });

  it('agrees with the formula written out, and contains the point estimate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const s = Math.round(share * n);
          const [lo, hi] = wilsonInterval(s, n);
          const [rlo, rhi] = refWilson(s, n);
          expect(lo).toBeCloseTo(Math.max(0, rlo), 12);
          expect(hi).toBeCloseTo(Math.min(1, rhi), 12);
          expect(lo).toBeLessThanOrEqual(s / n + 1e-15);
          expect(hi).toBeGreaterThanOrEqual(s / n - 1e-15);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is symmetric: [lo, hi](s, n) = [1 − hi, 1 − lo](n − s, n)', () => {
    for (const [s, n] of [
      [3, 17],
      [0, 5],
      [400, 1000],
    ] as const) {
      const [lo, hi] = wilsonInterval(s, n);
      const [lo2, hi2] = wilsonInterval(n - s, n);
      expect(lo).toBeCloseTo(1 - hi2, 14);
      expect(hi).toBeCloseTo(1 - lo2, 14);
    }
  });

  it('is [0, 1] with no trials', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});
