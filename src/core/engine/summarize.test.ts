/**
 * MODEL.md §4 summaries: pHold with its Wilson 95% interval, value as the weighted mean of pHold, mean
 * shortfall, and the power bands (nearest-rank p10 / p50 / p90 per day).
 */
import { describe, expect, it } from 'vitest';
import {
  actor,
  binomialTolerance,
  capability,
  DETERMINISTIC,
  domainOf,
  flatScenario,
  makePlan,
  pledge,
  refWilson,
  run,
  scenarioOf,
  variantOf,
} from './test-plans.js';

describe('pHold and value', () => {
  // A (0.7, political 0.5): power 10 in "a"; B (0.6, executive 0.65): power 10 in "b".
  const plan = makePlan({
    actors: [actor('A', 0.7), actor('B', 0.6)],
    capabilities: [capability('u', { air: 1 })],
    pledges: [
      pledge('a', 'A', 'u', 10, 'on-call', { bindingness: 'political', triggers: ['a'] }),
      pledge('b', 'B', 'u', 10, 'on-call', { bindingness: 'executive', triggers: ['b'] }),
      pledge('own', 'UKR', 'u', 10, 'on-call', { triggers: ['sure'] }),
    ],
    scenarios: [
      flatScenario('a', 1, { air: 10 }, { tags: ['a'], weight: 1 }),
      flatScenario('b', 1, { air: 10 }, { tags: ['b'], weight: 3 }),
      flatScenario('sure', 1, { air: 10 }, { tags: ['sure'], weight: 2 }),
      flatScenario('never', 1, { air: 10 }, { weight: 4 }),
      flatScenario('ignored', 1, { air: 10 }, { tags: ['sure'], weight: 0 }),
    ],
  });
  const n = 3000;
  const a = run(plan, n);

  it('pHold is a share of trials and ci95 is the Wilson interval of it', () => {
    for (const s of variantOf(a, 'all').scenarios) {
      const held = Math.round(s.pHold * n);
      expect(s.pHold).toBe(held / n);
      const [lo, hi] = refWilson(held, n);
      expect(s.ci95[0]).toBeCloseTo(Math.max(0, lo), 14);
      expect(s.ci95[1]).toBeCloseTo(Math.min(1, hi), 14);
    }
    expect(scenarioOf(a, 'all', 'sure').pHold).toBe(1);
    expect(scenarioOf(a, 'all', 'never').pHold).toBe(0);
    // Wilson at the edges: [0, z²/(n + z²)] and [n/(n + z²), 1].
    const z2 = 1.959963984540054 ** 2;
    expect(scenarioOf(a, 'all', 'never').ci95[1]).toBeCloseTo(z2 / (n + z2), 14);
    expect(scenarioOf(a, 'all', 'sure').ci95[0]).toBeCloseTo(n / (n + z2), 14);
  });

  it('value is Σ weight·pHold / Σ weight, and a weight-0 scenario does not count', () => {
    const p = (id: string) => scenarioOf(a, 'all', id).pHold;
    const expected = (1 * p('a') + 3 * p('b') + 2 * 1 + 4 * 0 + 0 * 1) / (1 + 3 + 2 + 4 + 0);
    expect(variantOf(a, 'all').value).toBeCloseTo(expected, 14);
  });

  it('value of a deterministic plan is exact: weights 1 and 3 with pHold 1 and 0 → 0.25', () => {
    const det = makePlan({
      capabilities: [capability('u', { air: 1 })],
      pledges: [pledge('own', 'UKR', 'u', 10, 'in-place', { triggers: ['ok'] })],
      scenarios: [
        flatScenario('ok', 2, { air: 10 }, { tags: ['ok'], weight: 1 }),
        flatScenario('ko', 2, { air: 10 }, { weight: 3 }),
      ],
    });
    expect(variantOf(run(det, 5), 'all').value).toBe(0.25);
  });
});

describe('power bands', () => {
  it('a deterministic plan has p10 = p50 = p90 = the exact power of each day', () => {
    const plan = makePlan({
      actors: [actor('A', 1)],
      capabilities: [capability('u', { air: 2, land: 1 })],
      pledges: [
        pledge('own', 'UKR', 'u', 1, 'in-place'),
        pledge('a', 'A', 'u', 3, 'on-call', { readinessDays: 2 }),
      ],
      scenarios: [flatScenario('s', 5, { air: 100, land: 100 })],
      settings: DETERMINISTIC,
    });
    const a = run(plan, 7);
    for (const [domain, per] of [
      ['air', 2],
      ['land', 1],
    ] as const) {
      const expected = [1, 1, 4, 4, 4].map((u) => u * per);
      const bands = domainOf(a, 'all', 's', domain).bands;
      expect(bands.p10).toEqual(expected);
      expect(bands.p50).toEqual(expected);
      expect(bands.p90).toEqual(expected);
    }
  });

  it('band percentiles are nearest-rank: power 0 or 10 per trial, p_q = 0 iff #zeros ≥ ⌈q·n⌉', () => {
    // Power 10 from an honoured pledge (β = 0.7 of a certain actor), else 0; the domain (threat 10,
    // tolerance 0) holds exactly when the power is 10.
    for (const [beta, n] of [
      [0.7, 1000],
      [0.95, 200],
      [0.5, 10],
      [0.85, 20],
    ] as const) {
      const plan = makePlan({
        actors: [actor('A', 1)],
        capabilities: [capability('u', { air: 1 })],
        pledges: [pledge('a', 'A', 'u', 10, 'on-call', { bindingness: 'political' })],
        scenarios: [flatScenario('s', 3, { air: 10 }, { tolerance: { air: 0 } })],
        settings: { bindingness: { political: beta } },
      });
      const d = domainOf(run(plan, n), 'all', 's', 'air');
      const zeros = n - Math.round(d.pHold * n);
      for (const [q, band] of [
        [0.1, d.bands.p10],
        [0.5, d.bands.p50],
        [0.9, d.bands.p90],
      ] as const) {
        const v = zeros >= Math.ceil(Math.round(q * n * 1e6) / 1e6) ? 0 : 10;
        expect(band).toEqual([v, v, v]);
      }
    }
  });

  it('mean shortfall is the mean of S over trials', () => {
    // Either power 10 (S = 0) or 0 (S = 1): the mean shortfall is 1 − pHold.
    const plan = makePlan({
      actors: [actor('A', 0.6)],
      capabilities: [capability('u', { air: 1 })],
      pledges: [pledge('a', 'A', 'u', 10, 'on-call', { bindingness: 'political' })],
      scenarios: [flatScenario('s', 3, { air: 10 }, { tolerance: { air: 0 } })],
    });
    const d = domainOf(run(plan, 2000), 'all', 's', 'air');
    expect(d.meanShortfall).toBeCloseTo(1 - d.pHold, 14);
  });
});

describe('a scenario holds iff every threatened domain holds', () => {
  it('with air from A and land from B (independent), pHold = pHold(air)·pHold(land)', () => {
    const n = 20_000;
    const plan = makePlan({
      actors: [actor('A', 0.7), actor('B', 0.8)],
      capabilities: [capability('jet', { air: 1 }), capability('tank', { land: 1 })],
      pledges: [
        pledge('a', 'A', 'jet', 10, 'on-call', { bindingness: 'treaty-consultative' }),
        pledge('b', 'B', 'tank', 10, 'on-call', { bindingness: 'executive' }),
      ],
      scenarios: [flatScenario('s', 2, { air: 10, land: 10, sea: 0 }, { tolerance: { air: 0, land: 0 } })],
    });
    const a = run(plan, n);
    const pAir = 0.7 * 0.8;
    const pLand = 0.8 * 0.65;
    expect(Math.abs(domainOf(a, 'all', 's', 'air').pHold - pAir)).toBeLessThan(binomialTolerance(pAir, n));
    expect(Math.abs(domainOf(a, 'all', 's', 'land').pHold - pLand)).toBeLessThan(binomialTolerance(pLand, n));
    expect(Math.abs(scenarioOf(a, 'all', 's').pHold - pAir * pLand)).toBeLessThan(
      binomialTolerance(pAir * pLand, n),
    );
    expect(scenarioOf(a, 'all', 's').pHold).toBeLessThanOrEqual(
      Math.min(domainOf(a, 'all', 's', 'air').pHold, domainOf(a, 'all', 's', 'land').pHold),
    );
  });
});
