/**
 * MODEL.md §3, timing: δ_p = readinessDays · exp(σW), power from the first day t ≥ δ_p; in-place and
 * production pledges from day 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialTolerance,
  capability,
  DETERMINISTIC,
  domainOf,
  flatScenario,
  makePlan,
  pHolds,
  pledge,
  refPhi,
  run,
} from './test-plans.js';
import { arrivalDay } from './trial-draws.js';

describe('lognormal readiness', () => {
  // One protected on-call pledge (always honoured) of power 1 against a threat of 1 over 10 days: the
  // shortfall share is min(⌈δ⌉, 10)/10, so with tolerance k/10 the domain holds iff ⌈δ⌉ ≤ k iff δ ≤ k,
  // which has probability Φ(ln(k/d)/σ).
  const d = 4;
  const sigma = 0.5;
  const ks = [2, 3, 5, 8];
  const plan = makePlan({
    capabilities: [capability('u', { air: 1 })],
    pledges: [pledge('p', 'UKR', 'u', 1, 'on-call', { readinessDays: d })],
    scenarios: ks.map((k) => flatScenario(`k${k}`, 10, { air: 1 }, { tolerance: { air: k / 10 } })),
    settings: { readinessSigma: sigma },
  });
  const n = 40_000;
  const a = run(plan, n);

  it('the pledge arrives by day k with probability Φ(ln(k/d)/σ)', () => {
    const p = pHolds(a, 'all');
    for (const k of ks) {
      const expected = refPhi(Math.log(k / d) / sigma);
      expect(Math.abs((p[`k${k}`] as number) - expected)).toBeLessThanOrEqual(binomialTolerance(expected, n));
    }
  });

  it('the mean shortfall is E[min(⌈δ⌉, H)]/H = Σ_{k<H} P(δ > k)/H', () => {
    let expected = 0;
    for (let k = 0; k < 10; k++) expected += k === 0 ? 1 : 1 - refPhi(Math.log(k / d) / sigma);
    expected /= 10;
    // The shortfall share is in [0, 1]: its SE is at most 0.5/√n.
    expect(Math.abs(domainOf(a, 'all', 'k2', 'air').meanShortfall - expected)).toBeLessThan(
      4.5 * (0.5 / Math.sqrt(n)),
    );
  });
});

describe('deterministic readiness (σ = 0)', () => {
  const days = [0, 1, 2.5, 3, 9.2, 12];
  const tags = [...days.map((_, i) => `t${i}`), 'in-place', 'production'];
  // Production: min(1 · 2 years / 1, 10 · 2) = 2 units of power 1.
  const parts = {
    capabilities: [
      capability('u', { air: 1 }),
      capability('prod', { air: 1 }, { unitCost: 1, productionPerYear: 10 }),
    ],
    pledges: [
      ...days.map((r, i) =>
        pledge(`on-call-${i}`, 'UKR', 'u', 1, 'on-call', { readinessDays: r, triggers: [`t${i}`] }),
      ),
      pledge('in-place', 'UKR', 'u', 1, 'in-place', { readinessDays: 5, triggers: ['in-place'] }),
      pledge('production', 'UKR', 'prod', 0, 'production', {
        readinessDays: 5,
        fundingPerYear: 1,
        triggers: ['production'],
      }),
    ],
    scenarios: tags.map((t) => flatScenario(t, 10, { air: 5 }, { tags: [t] })),
  };
  const a = run(makePlan({ ...parts, settings: DETERMINISTIC }), 2);

  it('an on-call pledge acts from day ⌈readinessDays⌉ (never within the horizon if later)', () => {
    days.forEach((r, i) => {
      const expected = Array.from({ length: 10 }, (_, t) => (t >= r ? 1 : 0));
      const bands = domainOf(a, 'all', `t${i}`, 'air').bands;
      expect(bands.p10).toEqual(expected);
      expect(bands.p50).toEqual(expected);
      expect(bands.p90).toEqual(expected);
    });
  });

  it('in-place and production pledges act from day 0 whatever their readinessDays', () => {
    expect(domainOf(a, 'all', 'in-place', 'air').bands.p50).toEqual(Array(10).fill(1));
    expect(domainOf(a, 'all', 'production', 'air').bands.p50).toEqual(Array(10).fill(2));
  });

  it('in-place and production pledges act from day 0 even with a readiness spread', () => {
    const b = run(makePlan({ ...parts, settings: { ...DETERMINISTIC, readinessSigma: 1 } }), 200);
    expect(domainOf(b, 'all', 'in-place', 'air').bands.p10).toEqual(Array(10).fill(1));
    expect(domainOf(b, 'all', 'production', 'air').bands.p10).toEqual(Array(10).fill(2));
  });
});

describe('arrivalDay (the readiness lookup)', () => {
  it('finds the least k with v ≤ cut[k], or maxHorizon when v is above every cut, from any lower bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true, maxExcluded: true }),
        fc.nat(5),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (raw, v, pad, guessShare) => {
          const cuts = [...raw].sort((x, y) => x - y);
          const buffer = new Float64Array(pad + cuts.length + 3).fill(-1);
          buffer.set(cuts, pad);
          const maxHorizon = cuts.length;
          let expected = maxHorizon;
          for (let k = 0; k < cuts.length; k++) {
            if (v <= (cuts[k] as number)) {
              expected = k;
              break;
            }
          }
          expect(arrivalDay(buffer, pad, pad + cuts.length, v)).toBe(expected);
          // Any lower bound as the starting point gives the same day.
          expect(arrivalDay(buffer, pad, pad + cuts.length, v, Math.floor(guessShare * expected))).toBe(
            expected,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
