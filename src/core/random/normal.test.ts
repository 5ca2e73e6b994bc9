/**
 * The standard normal quantile (AS 241) and CDF against reference values (computed with mpmath at 30
 * digits) and an independent series for Φ.
 */
import { describe, expect, it } from 'vitest';
import { refPhi } from '../engine/test-plans.js';
import { normalCdf, normalQuantile } from './normal.js';

describe('normalQuantile', () => {
  it('matches known values', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326347874040841, 14);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323061678136, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404057, 12);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 13);
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    for (let k = 1; k < 1000; k++) {
      const p = k / 1000;
      expect(normalQuantile(1 - p) + normalQuantile(p)).toBeCloseTo(0, 12);
    }
    for (const p of [1e-3, 1e-6, 1e-9]) expect(normalQuantile(1 - p) + normalQuantile(p)).toBeCloseTo(0, 6);
  });

  it('is increasing and infinite at the ends, NaN outside [0, 1]', () => {
    let prev = Number.NEGATIVE_INFINITY;
    let notIncreasing = 0;
    for (let k = 1; k < 10_000; k++) {
      const x = normalQuantile(k / 10_000);
      if (!(x > prev)) notIncreasing++;
      prev = x;
    }
    expect(notIncreasing).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
  });
});

describe('normalCdf', () => {
  it('matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15); // 0.49999999999999994: one ulp below
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 15);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 15);
    expect(normalCdf(-8) / 6.220960574271784e-16).toBeCloseTo(1, 10);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('agrees with an independent series for Φ on [−8, 8]', () => {
    for (let x = -8; x <= 8; x += 0.01) expect(Math.abs(normalCdf(x) - refPhi(x))).toBeLessThan(1e-14);
  });

  it('inverts normalQuantile: Φ(Φ⁻¹(p)) ≈ p, relatively, from 1e-300 to 1 − 1e-12', () => {
    for (let k = 1; k < 1000; k++) {
      const p = k / 1000;
      expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(1e-13);
    }
    for (const p of [1e-300, 1e-100, 1e-20, 1e-12, 1e-6]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(1e-12);
      expect(Math.abs(normalCdf(normalQuantile(1 - p)) - (1 - p))).toBeLessThan(1e-15);
    }
  });
});
