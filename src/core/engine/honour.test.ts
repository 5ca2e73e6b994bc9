/**
 * MODEL.md §2, who honours: independence across blocs, the Gaussian copula inside a bloc, the tripwire,
 * bindingness, the protected actor, and `requires`. Expected values are closed forms; Monte Carlo shares
 * are compared within 4.5 binomial standard errors.
 */
import { describe, expect, it } from 'vitest';
import { normalizePlan } from '../plan/normalize.js';
import { planSchema } from '../plan/schema.js';
import {
  actor,
  binomialTolerance,
  CERTAIN_BINDINGNESS,
  capability,
  flatScenario,
  makePlan,
  pHolds,
  planInput,
  pledge,
  refBivariateNormalCdf,
  refPhi,
  run,
} from './test-plans.js';

const N = 40_000;

function expectShare(actual: number | undefined, p: number, n = N): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - p)).toBeLessThanOrEqual(binomialTolerance(p, n));
}

/** Air threat 10 (or 20) on one day with tolerance 0: the domain holds iff that much power is present. */
const either = flatScenario('either', 1, { air: 10 }, { tolerance: { air: 0 } });
const both = flatScenario('both', 1, { air: 20 }, { tolerance: { air: 0 } });

describe('independence (actors of different blocs)', () => {
  // On-call with readinessDays 0: power from day 0, and no in-place pledge, so no tripwire.
  const parts = {
    actors: [actor('A', 0.7), actor('B', 0.6)],
    capabilities: [capability('sqn', { air: 1 })],
    pledges: [
      pledge('a', 'A', 'sqn', 10, 'on-call', { bindingness: 'executive' }),
      pledge('b', 'B', 'sqn', 10, 'on-call', { bindingness: 'political' }),
    ],
    scenarios: [either, both],
  };
  const q1 = 0.7 * 0.65;
  const q2 = 0.6 * 0.5;

  for (const rho of [0, 0.5, 1]) {
    it(`either pledge alone suffices: pHold = 1 − (1 − r1β1)(1 − r2β2), and both needed: r1β1·r2β2 (ρ = ${rho})`, () => {
      const p = pHolds(run(makePlan({ ...parts, settings: { blocCorrelation: rho } }), N), 'all');
      expectShare(p.either, 1 - (1 - q1) * (1 - q2));
      expectShare(p.both, q1 * q2);
    });
  }
});

describe('bloc correlation (Gaussian copula)', () => {
  const h = 0.5;
  const k = 0.2;
  const r1 = refPhi(h);
  const r2 = refPhi(k);
  const parts = (rho: number) => ({
    actors: [actor('A', r1, 'EU'), actor('B', r2, 'EU')],
    capabilities: [capability('sqn', { air: 1 })],
    pledges: [
      pledge('a', 'A', 'sqn', 10, 'on-call', { triggers: ['pair', 'a'] }),
      pledge('b', 'B', 'sqn', 10, 'on-call', { triggers: ['pair', 'b'] }),
    ],
    scenarios: [
      flatScenario('both', 1, { air: 20 }, { tolerance: { air: 0 }, tags: ['pair'] }),
      flatScenario('either', 1, { air: 10 }, { tolerance: { air: 0 }, tags: ['pair'] }),
      flatScenario('b-only', 1, { air: 10 }, { tolerance: { air: 0 }, tags: ['b'] }),
    ],
    settings: { blocCorrelation: rho, bindingness: CERTAIN_BINDINGNESS },
  });

  it('the reference bivariate normal CDF has the textbook values', () => {
    // Φ2(0, 0; ρ) = 1/4 + asin(ρ)/(2π); ρ = 0: product; ρ = 1: Φ(min(h, k)).
    for (const rho of [0, 0.3, 0.5, 0.9, 1]) {
      expect(refBivariateNormalCdf(0, 0, rho)).toBeCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), 10);
    }
    expect(refBivariateNormalCdf(h, k, 0)).toBeCloseTo(r1 * r2, 12);
    expect(refBivariateNormalCdf(h, k, 1)).toBeCloseTo(r2, 9);
    // mpmath, ∫_{−∞}^{h} φ(x) Φ((k − ρx)/√(1 − ρ²)) dx at 30 digits.
    expect(refBivariateNormalCdf(h, k, 0.5)).toBeCloseTo(0.4736873456283048, 12);
    expect(refBivariateNormalCdf(h, k, 0.9)).toBeCloseTo(0.5537605227820576, 12);
  });

  for (const rho of [0, 0.5, 1]) {
    it(`two actors of one bloc both honour with probability Φ2(Φ⁻¹(r1), Φ⁻¹(r2); ρ) (ρ = ${rho})`, () => {
      const p = pHolds(run(makePlan(parts(rho)), N), 'all');
      const joint = refBivariateNormalCdf(h, k, rho);
      expectShare(p.both, joint);
      expectShare(p.either, r1 + r2 - joint);
      expectShare(p['b-only'], r2);
    });
  }

  it('with ρ = 1 the less reliable member honours only in trials where the more reliable one does', () => {
    const p = pHolds(run(makePlan(parts(1)), 5000), 'all');
    // Z_A = Z_B = X_g, so B honours ⇒ A honours: "both" holds exactly when "b-only" does.
    expect(p.both).toBe(p['b-only']);
  });
});

describe('tripwire', () => {
  // A and B have reliability 0.6 and an air squadron (the scenario's only power). A also has an
  // in-place armoured unit that only acts on land (not threatened): it still trips the wire.
  // B's in-place unit is withdrawn: no tripwire. C's in-place unit is announced.
  const parts = (tripwire?: number) => ({
    actors: [actor('A', 0.6), actor('B', 0.6), actor('C', 0.6)],
    capabilities: [capability('sqn', { air: 1 }), capability('tank', { land: 1 })],
    pledges: [
      pledge('a-tank', 'A', 'tank', 1, 'in-place'),
      pledge('a-air', 'A', 'sqn', 10, 'on-call', { triggers: ['a'] }),
      pledge('b-tank', 'B', 'tank', 1, 'in-place', { status: 'withdrawn' }),
      pledge('b-air', 'B', 'sqn', 10, 'on-call', { triggers: ['b'] }),
      pledge('c-tank', 'C', 'tank', 1, 'in-place', { status: 'announced' }),
      pledge('c-air', 'C', 'sqn', 10, 'on-call', { triggers: ['c'] }),
    ],
    scenarios: ['a', 'b', 'c'].map((t) =>
      flatScenario(t, 1, { air: 10 }, { tolerance: { air: 0 }, tags: [t] }),
    ),
    variants: [
      { id: 'all' },
      { id: 'committed-only', statuses: ['committed' as const, 'delivered' as const] },
      { id: 'with-withdrawn', statuses: ['committed' as const, 'withdrawn' as const] },
    ],
    settings: {
      bindingness: CERTAIN_BINDINGNESS,
      ...(tripwire === undefined ? {} : { tripwire }),
    },
  });

  it('a counted in-place pledge raises reliability to 1 − (1 − r)(1 − τ), even in another domain (τ default 0.5)', () => {
    const a = run(makePlan(parts()), N);
    const all = pHolds(a, 'all');
    expectShare(all.a, 1 - 0.4 * 0.5); // 0.8
    expectShare(all.b, 0.6); // withdrawn: never counted
    expectShare(all.c, 1 - 0.4 * 0.5); // announced is counted by the default statuses
    const committed = pHolds(a, 'committed-only');
    expectShare(committed.a, 0.8);
    expectShare(committed.b, 0.6);
    expectShare(committed.c, 0.6); // status filtered out: no tripwire
    const withWithdrawn = pHolds(a, 'with-withdrawn');
    expectShare(withWithdrawn.b, 0.6); // a withdrawn pledge never counts, whatever the statuses
    expectShare(withWithdrawn.c, 0.6);
  });

  it('uses settings.tripwire as τ', () => {
    const p = pHolds(run(makePlan(parts(0.3)), N), 'all');
    expectShare(p.a, 1 - 0.4 * 0.7); // 0.72
    expectShare(p.b, 0.6);
  });
});

describe('bindingness', () => {
  const kinds = ['treaty-automatic', 'treaty-consultative', 'executive', 'political'] as const;
  const parts = (overrides?: Partial<Record<(typeof kinds)[number], number>>) => ({
    actors: [actor('A', 1)],
    capabilities: [capability('sqn', { air: 1 })],
    pledges: kinds.map((b) => pledge(b, 'A', 'sqn', 10, 'on-call', { bindingness: b, triggers: [b] })),
    scenarios: kinds.map((b) => flatScenario(b, 1, { air: 10 }, { tolerance: { air: 0 }, tags: [b] })),
    ...(overrides === undefined ? {} : { settings: { bindingness: overrides } }),
  });

  it('a pledge of a certain actor is honoured with probability β(bindingness), defaults 0.95/0.8/0.65/0.5', () => {
    const p = pHolds(run(makePlan(parts()), N), 'all');
    expectShare(p['treaty-automatic'], 0.95);
    expectShare(p['treaty-consultative'], 0.8);
    expectShare(p.executive, 0.65);
    expectShare(p.political, 0.5);
  });

  it('settings.bindingness overrides β per value and keeps the other defaults', () => {
    const p = pHolds(run(makePlan(parts({ executive: 0.3, political: 0.9 })), N), 'all');
    expectShare(p['treaty-automatic'], 0.95);
    expectShare(p['treaty-consultative'], 0.8);
    expectShare(p.executive, 0.3);
    expectShare(p.political, 0.9);
  });

  it('β = 0 and β = 1 are never and always', () => {
    const p = pHolds(run(makePlan(parts({ executive: 0, political: 1 })), 2000), 'all');
    expect(p.executive).toBe(0);
    expect(p.political).toBe(1);
  });
});

describe('the protected actor', () => {
  it('always honours, and its pledges are always honoured whatever its reliability and β', () => {
    // The plan gives the protected actor reliability 0, its pledge bindingness `political`, and every β
    // is 0: MODEL.md §1–2 make its reliability 1 and its pledges always honoured regardless.
    const input = planInput({
      capabilities: [capability('sqn', { air: 1 })],
      pledges: [{ ...pledge('own', 'UKR', 'sqn', 10, 'on-call'), bindingness: 'political' }],
      scenarios: [either],
      settings: {
        bindingness: { 'treaty-automatic': 0, 'treaty-consultative': 0, executive: 0, political: 0 },
      },
    });
    const plan = normalizePlan(planSchema.parse({ ...input, actors: [{ id: 'UKR', reliability: 0 }] }));
    expect(plan.actors[0]?.reliability).toBe(1);
    expect(pHolds(run(plan, 2000), 'all').either).toBe(1);
  });
});

describe('requires', () => {
  // A (0.7, executive 0.65) pledges power that requires B (0.6, no pledges) to honour.
  const parts = {
    actors: [actor('A', 0.7), actor('B', 0.6)],
    capabilities: [capability('sqn', { air: 1 })],
    pledges: [
      pledge('a-needs-b', 'A', 'sqn', 10, 'on-call', {
        bindingness: 'executive',
        requires: ['B'],
        triggers: ['needs-b'],
      }),
      pledge('a-needs-ukr', 'A', 'sqn', 10, 'on-call', {
        bindingness: 'executive',
        requires: ['UKR'],
        triggers: ['needs-ukr'],
      }),
    ],
    scenarios: [
      flatScenario('needs-b', 1, { air: 10 }, { tolerance: { air: 0 }, tags: ['needs-b'] }),
      flatScenario('needs-ukr', 1, { air: 10 }, { tolerance: { air: 0 }, tags: ['needs-ukr'] }),
    ],
    variants: [{ id: 'all' }, { id: 'no-b', exclude: ['B'] }, { id: 'only-a', include: ['A'] }],
  };

  it('a pledge that requires another actor is active with probability r_a·β_p·r_b (independent blocs)', () => {
    const a = run(makePlan(parts), N);
    expectShare(pHolds(a, 'all')['needs-b'], 0.7 * 0.65 * 0.6);
    expectShare(pHolds(a, 'all')['needs-ukr'], 0.7 * 0.65);
  });

  it('a pledge that requires an excluded actor is never active', () => {
    const a = run(makePlan(parts), 5000);
    expect(pHolds(a, 'no-b')['needs-b']).toBe(0);
    expect(pHolds(a, 'only-a')['needs-b']).toBe(0);
    // The same pledge requiring the protected actor is unaffected by B's exclusion.
    expect(pHolds(a, 'no-b')['needs-ukr']).toBe(pHolds(a, 'all')['needs-ukr']);
  });
});
