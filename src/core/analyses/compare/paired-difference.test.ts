import { describe, expect, it } from 'vitest';
import { pairedDifference } from './paired-difference.js';

const Z = 1.959963984540054;

describe('pairedDifference', () => {
  it('is the mean of b − a with a normal interval from the sample standard deviation', () => {
    // d = [0, 1, 0, 1]: mean 1/2, Σ(d − ½)² = 1, s² = 1/3, se = √(1/3 / 4) = √(1/12).
    const r = pairedDifference([1, 0, 1, 0], [1, 1, 1, 1]);
    const se = Math.sqrt(1 / 12);
    expect(r.diff).toBe(0.5);
    expect(r.se).toBeCloseTo(se, 15);
    // The upper end is clipped at 1: a difference of shares cannot pass it.
    expect(r.ci95[0]).toBeCloseTo(0.5 - Z * se, 15);
    expect(r.ci95[1]).toBe(1);
    expect(r.significant).toBe(false);
  });

  it('counts trials that go either way (McNemar’s discordant pairs)', () => {
    // 100 trials: 30 where only b holds (d = 1), 10 where only a holds (d = −1), 60 alike.
    // Mean 0.2; Σ(d − 0.2)² = 30·0.64 + 10·1.44 + 60·0.04 = 36; se = √(36/99/100).
    const a = [...Array(30).fill(0), ...Array(10).fill(1), ...Array(60).fill(1)];
    const b = [...Array(30).fill(1), ...Array(10).fill(0), ...Array(60).fill(1)];
    const r = pairedDifference(a, b);
    const se = Math.sqrt(36 / 99 / 100);
    expect(r.diff).toBeCloseTo(0.2, 15);
    expect(r.se).toBeCloseTo(se, 15);
    expect(r.ci95[0]).toBeCloseTo(0.2 - Z * se, 12);
    expect(r.ci95[1]).toBeCloseTo(0.2 + Z * se, 12);
    expect(r.significant).toBe(true);
  });

  it('works on values in [0, 1], not only holds', () => {
    // d = [0.5, 0]: mean 0.25, s² = 0.125, se = √(0.125 / 2) = 0.25.
    const r = pairedDifference([0.25, 0.5], [0.75, 0.5]);
    expect(r.diff).toBe(0.25);
    expect(r.se).toBe(0.25);
    expect(r.ci95[0]).toBeCloseTo(0.25 - Z * 0.25, 15);
    expect(r.ci95[1]).toBeCloseTo(0.25 + Z * 0.25, 15);
  });

  it('gives a zero-width interval when every trial differs alike', () => {
    expect(pairedDifference([1, 0, 1], [1, 0, 1])).toEqual({
      diff: 0,
      se: 0,
      ci95: [0, 0],
      significant: false,
    });
    expect(pairedDifference([0, 0, 0], [1, 1, 1])).toEqual({
      diff: 1,
      se: 0,
      ci95: [1, 1],
      significant: true,
    });
  });

  it('is antisymmetric: swapping the variants negates the difference and its interval', () => {
    const a = Uint8Array.from([1, 0, 0, 1, 1, 0, 1, 1]);
    const b = Uint8Array.from([1, 1, 0, 1, 0, 1, 1, 1]);
    const ab = pairedDifference(a, b);
    const ba = pairedDifference(b, a);
    expect(ba.diff).toBe(-ab.diff);
    expect(ba.se).toBe(ab.se);
    expect(ba.ci95[0]).toBeCloseTo(-ab.ci95[1], 15);
    expect(ba.ci95[1]).toBeCloseTo(-ab.ci95[0], 15);
  });

  it('refuses samples that are not paired, or too small for an interval', () => {
    expect(() => pairedDifference([1, 0], [1])).toThrow(RangeError);
    expect(() => pairedDifference([1], [0])).toThrow('at least 2 trials');
  });
});
