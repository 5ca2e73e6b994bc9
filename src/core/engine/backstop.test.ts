/**
 * MODEL.md §3, backstops: t* is the K-th day of the first run of K = backstopTriggerDays consecutive
 * days with P_d(t) < R_d(t) (P without backstops) in any domain where the backstop's capability has an
 * effect; the backstop adds its power from t* + ⌈δ⌉ on. Deterministic: reliability 1, β = 1 (settings
 * override of treaty-automatic), σ = 0.
 */
import { describe, expect, it } from 'vitest';
import {
  actor,
  binomialTolerance,
  capability,
  domainOf,
  makePlan,
  type PlanParts,
  pledge,
  refPhi,
  run,
} from './test-plans.js';

const settings = (K: number) => ({
  readinessSigma: 0,
  backstopTriggerDays: K,
  bindingness: { 'treaty-automatic': 1 },
});

/** Power per day: `base` everywhere plus `extra` from day `from` on. */
function stepPower(H: number, base: number, extra: number, from: number): number[] {
  return Array.from({ length: H }, (_, t) => base + (t >= from ? extra : 0));
}

describe('backstop timing', () => {
  // R: day 0: 0, days 1–2: 10, days 3–4: 0, days 5+: 10 (horizon 12). The protected actor holds 5 in
  // place, so the failing days (P < R) are 1, 2, 5, 6, 7, … The backstop brings 10, readiness 2 days.
  const H = 12;
  const parts = (K: number): PlanParts => ({
    actors: [actor('B', 1)],
    capabilities: [capability('base', { air: 1 }), capability('bs', { air: 10 })],
    pledges: [
      pledge('own', 'UKR', 'base', 5, 'in-place'),
      pledge('backstop', 'B', 'bs', 1, 'backstop', { readinessDays: 2, bindingness: 'treaty-automatic' }),
    ],
    scenarios: [
      {
        id: 's',
        horizonDays: H,
        threat: {
          air: [
            [0, 0],
            [1, 10],
            [2, 10],
            [3, 0],
            [4, 0],
            [5, 10],
          ],
        },
      },
    ],
    settings: settings(K),
  });
  const cases = [
    { K: 1, tStar: 1 },
    { K: 2, tStar: 2 },
    { K: 3, tStar: 7 }, // days 1–2 are a run of only 2; the first run of 3 is 5, 6, 7
    { K: 4, tStar: 8 },
  ];
  for (const { K, tStar } of cases) {
    it(`with backstopTriggerDays = ${K} the backstop is called on day ${tStar} and acts from day ${tStar + 2}`, () => {
      const air = domainOf(run(makePlan(parts(K)), 3), 'all', 's', 'air');
      const expected = stepPower(H, 5, 10, tStar + 2);
      expect(air.bands.p10).toEqual(expected);
      expect(air.bands.p50).toEqual(expected);
      expect(air.bands.p90).toEqual(expected);
    });
  }

  it('the shortfall counts the backstop power once it has arrived', () => {
    // K = 3: arrival day 9, failing days 1, 2, 5, 6, 7, 8 with 5 short each: S = 30 / 90 > 0.1.
    const k3 = domainOf(run(makePlan(parts(3)), 1), 'all', 's', 'air');
    expect(k3.meanShortfall).toBeCloseTo(30 / 90, 15);
    expect(k3.pHold).toBe(0);
    // K = 1: arrival day 3, failing days 1, 2: S = 10 / 90 > 0.1, still fails.
    expect(domainOf(run(makePlan(parts(1)), 1), 'all', 's', 'air').meanShortfall).toBeCloseTo(10 / 90, 15);
  });

  it('the gap holds the backstop as drawn', () => {
    // K = 3: D = R − P is 5 on days 1, 2, 5, 6, 7, 8; budget 0.1 · 90 = 9: 6(5 − c) = 9 → c = 3.5.
    const k3 = domainOf(run(makePlan(parts(3)), 1), 'all', 's', 'air');
    expect(k3.gap.power).toBeCloseTo(3.5, 12);
  });
});

describe('when a backstop is called', () => {
  const H = 10;
  it('a backstop adds nothing when no domain fails', () => {
    const plan = makePlan({
      actors: [actor('B', 1)],
      capabilities: [capability('base', { air: 1 }), capability('bs', { air: 10 })],
      pledges: [pledge('own', 'UKR', 'base', 5, 'in-place'), pledge('backstop', 'B', 'bs', 1, 'backstop')],
      scenarios: [{ id: 's', horizonDays: H, threat: { air: [[0, 5]] } }],
      settings: settings(1),
    });
    expect(domainOf(run(plan, 2), 'all', 's', 'air').bands.p90).toEqual(Array(H).fill(5));
  });

  it('failing in a domain where the backstop has no effect does not call it', () => {
    // Land fails every day (no land power); the backstop only acts in the air, which holds.
    const plan = makePlan({
      actors: [actor('B', 1)],
      capabilities: [capability('base', { air: 1 }), capability('bs', { air: 10 })],
      pledges: [
        pledge('own', 'UKR', 'base', 5, 'in-place'),
        pledge('backstop', 'B', 'bs', 1, 'backstop', { readinessDays: 1 }),
      ],
      scenarios: [{ id: 's', horizonDays: H, threat: { air: [[0, 5]], land: [[0, 10]] } }],
      settings: settings(1),
    });
    const a = run(plan, 2);
    expect(domainOf(a, 'all', 's', 'air').bands.p90).toEqual(Array(H).fill(5));
    expect(domainOf(a, 'all', 's', 'land').bands.p90).toEqual(Array(H).fill(0));
  });

  it('failing in one domain of the backstop calls it into all of its domains', () => {
    const plan = makePlan({
      actors: [actor('B', 1)],
      capabilities: [capability('base', { air: 1 }), capability('bs', { air: 10, land: 3 })],
      pledges: [
        pledge('own', 'UKR', 'base', 5, 'in-place'),
        pledge('backstop', 'B', 'bs', 1, 'backstop', { readinessDays: 1 }),
      ],
      scenarios: [{ id: 's', horizonDays: H, threat: { air: [[0, 5]], land: [[0, 10]] } }],
      settings: settings(3),
    });
    const a = run(plan, 2);
    // Land fails on days 0, 1, 2 → t* = 2, arrival 3.
    expect(domainOf(a, 'all', 's', 'air').bands.p50).toEqual(stepPower(H, 5, 10, 3));
    expect(domainOf(a, 'all', 's', 'land').bands.p50).toEqual(stepPower(H, 0, 3, 3));
  });

  it('each backstop has its own t*, from the non-backstop power of its own domains', () => {
    // Air fails from day 0; land (R = 10 from day 4) fails from day 4 on non-backstop power.
    // X (air 10, land 10) is called on day 0 and arrives on day 2: with it land would not fail, but
    // t* uses P without backstops, so Y (land only) is still called on day 4 and arrives on day 6.
    const plan = makePlan({
      actors: [actor('B', 1)],
      capabilities: [capability('x', { air: 10, land: 10 }), capability('y', { land: 10 })],
      pledges: [
        pledge('X', 'B', 'x', 1, 'backstop', { readinessDays: 2 }),
        pledge('Y', 'B', 'y', 1, 'backstop', { readinessDays: 2 }),
      ],
      scenarios: [
        {
          id: 's',
          horizonDays: H,
          threat: {
            air: [[0, 10]],
            land: [
              [3, 0],
              [4, 10],
            ],
          },
        },
      ],
      settings: settings(1),
    });
    const a = run(plan, 2);
    expect(domainOf(a, 'all', 's', 'air').bands.p50).toEqual(stepPower(H, 0, 10, 2));
    expect(domainOf(a, 'all', 's', 'land').bands.p50).toEqual([0, 0, 10, 10, 10, 10, 20, 20, 20, 20]);
  });

  it('a backstop that is not honoured adds nothing', () => {
    const plan = makePlan({
      actors: [actor('B', 0)],
      capabilities: [capability('bs', { air: 10 })],
      pledges: [pledge('backstop', 'B', 'bs', 1, 'backstop')],
      scenarios: [{ id: 's', horizonDays: H, threat: { air: [[0, 10]] } }],
      settings: { ...settings(1), tripwire: 0 },
    });
    expect(domainOf(run(plan, 20), 'all', 's', 'air').bands.p90).toEqual(Array(H).fill(0));
  });

  it('a backstop arriving after the horizon adds nothing', () => {
    const plan = makePlan({
      actors: [actor('B', 1)],
      capabilities: [capability('bs', { air: 10 })],
      pledges: [pledge('backstop', 'B', 'bs', 1, 'backstop', { readinessDays: 8 })],
      scenarios: [{ id: 's', horizonDays: H, threat: { air: [[0, 10]] } }],
      settings: settings(3),
    });
    // t* = 2, arrival 10 = H.
    expect(domainOf(run(plan, 2), 'all', 's', 'air').bands.p90).toEqual(Array(H).fill(0));
  });
});

describe('backstop readiness spread', () => {
  it('a backstop called on day t* arrives by day t* + k with probability Φ(ln(k/d)/σ)', () => {
    // R = 0 on days 0–4 and 10 on days 5–14 (Σ R = 100), no other power: t* = 5 with K = 1. The
    // backstop (power 10, d = 3, σ = 0.5) leaves 10·min(⌈δ⌉, 10) short, so with tolerance 0.4 the
    // domain holds iff ⌈δ⌉ ≤ 4, i.e. with probability Φ(ln(4/3)/0.5).
    const n = 20_000;
    const plan = makePlan({
      actors: [actor('B', 1)],
      capabilities: [capability('bs', { air: 10 })],
      pledges: [pledge('backstop', 'B', 'bs', 1, 'backstop', { readinessDays: 3 })],
      scenarios: [
        {
          id: 's',
          horizonDays: 15,
          threat: {
            air: [
              [4, 0],
              [5, 10],
            ],
          },
          tolerance: { air: 0.4 },
        },
      ],
      settings: { ...settings(1), readinessSigma: 0.5 },
    });
    const expected = refPhi(Math.log(4 / 3) / 0.5);
    const p = domainOf(run(plan, n), 'all', 's', 'air').pHold;
    expect(Math.abs(p - expected)).toBeLessThanOrEqual(binomialTolerance(expected, n));
  });
});

describe('backstopTriggerDays = 0 (MODEL.md leaves it open)', () => {
  it('the engine reads K = 0 as "called on day 0", even when no day fails', () => {
    const plan = makePlan({
      actors: [actor('B', 1)],
      capabilities: [capability('bs', { air: 10 })],
      pledges: [
        pledge('own', 'UKR', 'bs', 1, 'in-place'),
        pledge('backstop', 'B', 'bs', 1, 'backstop', { readinessDays: 2 }),
      ],
      scenarios: [{ id: 's', horizonDays: 5, threat: { air: [[0, 10]] } }],
      settings: settings(0),
    });
    expect(domainOf(run(plan, 1), 'all', 's', 'air').bands.p50).toEqual([10, 10, 20, 20, 20]);
  });
});
