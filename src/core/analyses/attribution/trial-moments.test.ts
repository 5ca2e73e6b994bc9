/** Means and standard errors of per-trial values, summed in chunks of trials. */
import { describe, expect, it } from 'vitest';
import { CHUNK, trialMoments } from './trial-moments.js';

describe('trial moments', () => {
  it('gives the mean and the standard error s/√n', () => {
    // 1, 2, 3, 4: mean 2.5, sample variance 5/3, SE √(5/3)/2.
    const m = trialMoments(1);
    for (const [t, v] of [1, 2, 3, 4].entries()) m.add(t, Float64Array.of(v));
    m.finish();
    expect(m.count()).toBe(4);
    expect(m.mean(0)).toBe(2.5);
    expect(m.standardError(0)).toBeCloseTo(Math.sqrt(5 / 3) / 2, 14);
  });

  it('has SE 0 with fewer than two trials or constant values', () => {
    const m = trialMoments(2);
    m.add(0, Float64Array.of(0.5, 0));
    m.finish();
    expect(m.standardError(0)).toBe(0);
    const c = trialMoments(1);
    for (let t = 0; t < 3 * CHUNK + 5; t++) c.add(t, Float64Array.of(0.25));
    c.finish();
    expect(c.mean(0)).toBe(0.25);
    expect(c.standardError(0)).toBe(0);
  });

  it('keeps each quantity apart and counts across chunks', () => {
    const m = trialMoments(2);
    for (let t = 0; t < 2 * CHUNK + 1; t++) m.add(t, Float64Array.of(t % 2, 1));
    m.finish();
    expect(m.count()).toBe(2 * CHUNK + 1);
    expect(m.mean(0)).toBeCloseTo(CHUNK / (2 * CHUNK + 1), 14);
    expect(m.mean(1)).toBe(1);
  });
});
