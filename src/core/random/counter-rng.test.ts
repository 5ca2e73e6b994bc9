/**
 * The counter-based generator (MODEL.md §2 "Common random numbers"): uniform(seed, trial, stream, index)
 * in (0, 1), uniform in distribution, without correlation between neighbouring indices, trials,
 * streams or seeds, and pinned by golden values so that a change of the generator is visible.
 */
import { describe, expect, it } from 'vitest';
import { entityKey, mix32, Stream, uniform, uniformAt } from './counter-rng.js';

const STREAMS = [Stream.bloc, Stream.actor, Stream.pledgeHonour, Stream.readiness] as const;

function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Inverse of lowbias32 (Wellons 2018), to construct keys that hit chosen outputs. */
function unmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x43021123);
  h ^= (h >>> 15) ^ (h >>> 30);
  h = Math.imul(h, 0x1d69e2a5);
  h ^= h >>> 16;
  return h >>> 0;
}

describe('uniform', () => {
  const n = 100_000;
  const draws = new Float64Array(n);
  for (let i = 0; i < n; i++) draws[i] = uniform(1, i, Stream.pledgeHonour, 3);

  it('is a pure function of (seed, trial, stream, index)', () => {
    expect(uniform(42, 17, Stream.actor, 5)).toBe(uniform(42, 17, Stream.actor, 5));
    const base = uniform(42, 17, Stream.actor, 5);
    expect(uniform(43, 17, Stream.actor, 5)).not.toBe(base);
    expect(uniform(42, 18, Stream.actor, 5)).not.toBe(base);
    expect(uniform(42, 17, Stream.bloc, 5)).not.toBe(base);
    expect(uniform(42, 17, Stream.actor, 6)).not.toBe(base);
    // Seeds above 2^32 use their high word.
    expect(uniform(2 ** 32 + 42, 17, Stream.actor, 5)).not.toBe(base);
  });

  it('golden values (a change of the generator changes every assessment: make it deliberate)', () => {
    expect(uniform(0, 0, Stream.bloc, 0)).toBe(0.8337851059360265);
    expect(uniform(1, 0, Stream.bloc, 0)).toBe(0.015988339386696304);
    expect(uniform(1, 0, Stream.actor, 0)).toBe(0.05471356025443719);
    expect(uniform(1, 1, Stream.pledgeHonour, 0)).toBe(0.27667649518757675);
    expect(uniform(1, 0, Stream.pledgeHonour, 1)).toBe(0.7586220561828464);
    expect(uniform(42, 0, Stream.readiness, 0)).toBe(0.22119001761174328);
    expect(uniform(2 ** 40 + 5, 0, Stream.bloc, 0)).toBe(0.18297377358479838);
  });

  it('lies strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (const u of draws) {
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // SE of the mean √(1/12n); of the variance √((1/80 − 1/144)/n).
    expect(Math.abs(mean - 0.5)).toBeLessThan(4.5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4.5 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('passes a chi-square test on 20 equal bins', () => {
    for (const [seed, stream, index] of [
      [1, Stream.pledgeHonour, 3],
      [0, Stream.bloc, 0],
      [7, Stream.readiness, 1000],
    ] as const) {
      const bins = new Array<number>(20).fill(0);
      for (let i = 0; i < n; i++) {
        const u = uniform(seed, i, stream, index);
        bins[Math.floor(u * 20)] = (bins[Math.floor(u * 20)] as number) + 1;
      }
      const e = n / 20;
      const chi2 = bins.reduce((s, o) => s + (o - e) ** 2 / e, 0);
      // 19 degrees of freedom: P(χ² > 50) ≈ 1.3e-4, P(χ² < 5) ≈ 5e-4.
      expect(chi2).toBeLessThan(50);
      expect(chi2).toBeGreaterThan(5);
    }
  });

  it('has no correlation between adjacent indices, trials, streams or seeds', () => {
    const m = 20_000;
    const limit = 4.5 / Math.sqrt(m);
    const pairs: [string, (i: number) => number, (i: number) => number][] = [
      [
        'index',
        (i) => uniform(1, 0, Stream.pledgeHonour, i),
        (i) => uniform(1, 0, Stream.pledgeHonour, i + 1),
      ],
      ['index, same trial', (t) => uniform(1, t, Stream.actor, 0), (t) => uniform(1, t, Stream.actor, 1)],
      ['trial', (t) => uniform(1, t, Stream.actor, 0), (t) => uniform(1, t + 1, Stream.actor, 0)],
      ['stream', (t) => uniform(1, t, Stream.bloc, 0), (t) => uniform(1, t, Stream.actor, 0)],
      ['stream 3/4', (t) => uniform(1, t, Stream.pledgeHonour, 0), (t) => uniform(1, t, Stream.readiness, 0)],
      ['seed', (t) => uniform(1, t, Stream.actor, 0), (t) => uniform(2, t, Stream.actor, 0)],
      ['seed, first trial', (s) => uniform(s, 0, Stream.actor, 0), (s) => uniform(s + 1, 0, Stream.actor, 0)],
    ];
    for (const [, f, g] of pairs) {
      const x = new Float64Array(m);
      const y = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        x[i] = f(i);
        y[i] = g(i);
      }
      expect(Math.abs(correlation(x, y))).toBeLessThan(limit);
    }
  });

  it('small seeds (0, 1, 2, 7, 42) do not start near 0 or 1 and average 1/2 over their first trials', () => {
    const m = 1000;
    for (const seed of [0, 1, 2, 7, 42]) {
      for (const stream of STREAMS) {
        for (let index = 0; index < 3; index++) {
          const first = uniform(seed, 0, stream, index);
          expect(first).toBeGreaterThan(1e-4);
          expect(first).toBeLessThan(1 - 1e-4);
          let sum = 0;
          for (let t = 0; t < m; t++) sum += uniform(seed, t, stream, index);
          expect(Math.abs(sum / m - 0.5)).toBeLessThan(4.5 * Math.sqrt(1 / 12 / m));
        }
      }
    }
  });

  it('entity keys differ across seeds, streams and indices', () => {
    const seen = new Set<string>();
    for (const seed of [0, 1, 2 ** 32, 2 ** 32 + 1])
      for (const stream of STREAMS)
        for (let index = 0; index < 50; index++) {
          const k = entityKey(seed, stream, index);
          seen.add(`${k.a}:${k.b}`);
        }
    expect(seen.size).toBe(4 * 4 * 50);
  });
});

describe('uniformAt at the extremes of its 52 bits', () => {
  it('the unmix helper inverts mix32', () => {
    for (const v of [0, 1, 12345, 0x7fffffff, 0xffffffff, 0xdeadbeef])
      expect(mix32(unmix32(v))).toBe(v >>> 0);
  });

  it('never returns 0 (the smallest draw is 2^-53)', () => {
    // x = mix32(ka ^ ta) = 0 and y = mix32((kb ^ tb ^ x) + 0x3c6ef372) = 0.
    const ka = unmix32(0);
    const kb = ((unmix32(0) - 0x3c6ef372) >>> 0) ^ 0;
    expect(uniformAt(ka, kb, 0, 0)).toBe(2 ** -53);
  });

  // With 53 bits, (2^53 − 1) + 0.5 is not a double and rounds (ties to even) to 2^53: the largest draw
  // was exactly 1. With 52 bits centred in their cell the largest is 1 − 2^-53.
  it('never returns 1, even for the largest draw', () => {
    const ka = unmix32(0xffffffff);
    const kb = (((unmix32(0xffffffff) - 0x3c6ef372) >>> 0) ^ 0xffffffff) >>> 0;
    expect(uniformAt(ka, kb, 0, 0)).toBe(1 - 2 ** -53);
  });
});
