import { describe, expect, it } from 'vitest';
import { assess } from '../../engine/assess.js';
import {
  actor,
  binomialTolerance,
  CERTAIN_BINDINGNESS,
  capability,
  flatScenario,
  makePlan,
  pledge,
  refBivariateNormalCdf,
  refPhiInverse,
} from '../../engine/test-plans.js';
import { GuarantorError } from '../../errors.js';
import { parsePlan } from '../../plan/parse-plan.js';
import { MINIMAL_PLAN_YAML } from '../../plan/test-fixtures.js';
import type { Plan } from '../../plan/types.js';
import { compareVariants } from './compare-variants.js';
import type { Comparison, ScenarioDifference } from './comparison.js';

/**
 * Two partners, each of whose pledge alone holds the land (power 10 against a requirement of 10 from
 * day 0). `without-b` counts A only; `with-b` adds B, whose pledge is honoured with probability β.
 * In different blocs the honour draws are independent, so
 *   pHold(without-b) = pA,  pHold(with-b) = 1 − (1 − pA)(1 − r·β),
 *   true paired difference = P(B's pledge active and A not) = (1 − pA)·r·β.
 */
function twoPartnerPlan(pA: number, r: number, beta: number, bloc?: string, rho = 0.5): Plan {
  return makePlan({
    actors: [actor('AAA', pA, bloc), actor('BBB', r, bloc)],
    capabilities: [capability('bde', { land: 10 }), capability('sam', { air: 10 })],
    pledges: [
      pledge('a-bde', 'AAA', 'bde', 1, 'on-call'),
      pledge('b-bde', 'BBB', 'bde', 1, 'on-call', { bindingness: 'political' }),
      // The protected actor holds the air on its own, in every trial.
      pledge('ukr-sam', 'UKR', 'sam', 1, 'in-place'),
    ],
    scenarios: [flatScenario('land', 10, { land: 10 }), flatScenario('air', 10, { air: 10 }, { weight: 3 })],
    variants: [{ id: 'without-b', exclude: ['BBB'] }, { id: 'with-b' }],
    settings: { bindingness: { ...CERTAIN_BINDINGNESS, political: beta }, blocCorrelation: rho },
  });
}

function landDifference(c: Comparison): ScenarioDifference {
  const d = c.differences[0]?.scenarios.find((s) => s.id === 'land');
  if (d === undefined) throw new Error('no land difference');
  return d;
}

const pA = 0.5;
const r = 0.6;
const beta = 0.5;
const truth = (1 - pA) * r * beta; // 0.15

describe('compareVariants', () => {
  it('estimates each pHold and the paired difference of the closed form', () => {
    const n = 20_000;
    const c = compareVariants(twoPartnerPlan(pA, r, beta), { trials: n, seed: 3 });
    const [without, withB] = c.variants;
    const pB = 1 - (1 - pA) * (1 - r * beta);
    expect(Math.abs((without?.scenarios[0]?.pHold ?? 0) - pA)).toBeLessThan(binomialTolerance(pA, n));
    expect(Math.abs((withB?.scenarios[0]?.pHold ?? 0) - pB)).toBeLessThan(binomialTolerance(pB, n));
    const d = landDifference(c);
    expect(Math.abs(d.diff - truth)).toBeLessThan(4.5 * d.se);
    // d ∈ {0, 1} here (B only adds), so its standard deviation is √(D(1 − D)).
    expect(d.se / Math.sqrt((truth * (1 - truth)) / n)).toBeGreaterThan(0.97);
    expect(d.se / Math.sqrt((truth * (1 - truth)) / n)).toBeLessThan(1.03);
    expect(d.significant).toBe(true);
  });

  it('has intervals that contain the true difference in about 95% of runs', () => {
    const plan = twoPartnerPlan(pA, r, beta);
    const runs = 300;
    let covered = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const d = landDifference(compareVariants(plan, { trials: 400, seed }));
      if (d.ci95[0] <= truth && truth <= d.ci95[1]) covered++;
    }
    // Binomial spread of the coverage over 300 runs: √(0.95·0.05/300) ≈ 0.013; allow ±3.2 of it.
    expect(covered / runs).toBeGreaterThan(0.91);
    expect(covered / runs).toBeLessThan(0.99);
  });

  it('is much narrower than an interval from two independent shares', () => {
    const n = 20_000;
    const c = compareVariants(twoPartnerPlan(pA, r, beta), { trials: n, seed: 5 });
    const a = c.variants[0]?.scenarios[0]?.pHold ?? 0;
    const b = c.variants[1]?.scenarios[0]?.pHold ?? 0;
    const unpaired = Math.sqrt((a * (1 - a) + b * (1 - b)) / n);
    // Closed form: √(D(1 − D)) / √(pA(1 − pA) + pB(1 − pB)) = √(0.1275 / 0.4775) ≈ 0.517.
    const ratio = landDifference(c).se / unpaired;
    expect(ratio).toBeGreaterThan(0.49);
    expect(ratio).toBeLessThan(0.545);
  });

  it('gets correlated partners right: the same bloc, ρ = 0.5', () => {
    // B adds a hold only where B honours and A does not: (r − Φ2(Φ⁻¹(pA), Φ⁻¹(r); ρ))·β.
    const rho = 0.5;
    const expected = (r - refBivariateNormalCdf(refPhiInverse(pA), refPhiInverse(r), rho)) * beta;
    const d = landDifference(
      compareVariants(twoPartnerPlan(pA, r, beta, 'EU', rho), { trials: 20_000, seed: 2 }),
    );
    expect(Math.abs(d.diff - expected)).toBeLessThan(4.5 * d.se);
  });

  it('is exact where nothing is uncertain', () => {
    const c = compareVariants(twoPartnerPlan(0, 1, 1), { trials: 50, seed: 1 });
    expect(c.variants.map((v) => v.scenarios[0]?.pHold)).toEqual([0, 1]);
    expect(landDifference(c)).toEqual({ id: 'land', diff: 1, se: 0, ci95: [1, 1], significant: true });
    // The air holds in every trial under both: no difference at all.
    expect(c.differences[0]?.scenarios[1]).toEqual({
      id: 'air',
      diff: 0,
      se: 0,
      ci95: [0, 0],
      significant: false,
    });
  });

  it('weighs the value difference like the value: land 1, air 3', () => {
    const c = compareVariants(twoPartnerPlan(pA, r, beta), { trials: 4_000, seed: 4 });
    const land = landDifference(c);
    const value = c.differences[0]?.value;
    // Per trial the value differs by d_land · 1/4 (air never differs), so everything scales by 1/4.
    expect(value?.diff).toBeCloseTo(land.diff / 4, 12);
    expect(value?.se).toBeCloseTo(land.se / 4, 12);
    expect(value?.ci95[0]).toBeCloseTo(land.ci95[0] / 4, 12);
    expect(value?.ci95[1]).toBeCloseTo(land.ci95[1] / 4, 12);
    expect(Math.abs((value?.diff ?? 0) - truth / 4)).toBeLessThan(4.5 * (value?.se ?? 0));
    for (const v of c.variants) {
      expect(v.value).toBeCloseTo(((v.scenarios[0]?.pHold ?? 0) + 3 * (v.scenarios[1]?.pHold ?? 0)) / 4, 12);
    }
  });

  it('reports the same pHold, interval and value as assess, from the same trials', () => {
    const parsed = parsePlan(MINIMAL_PLAN_YAML, 'plan.yaml');
    if (!parsed.ok) throw new Error('fixture does not parse');
    const plan = parsed.value.plan;
    const c = compareVariants(plan, { trials: 500, seed: 9 });
    const doc = assess(plan, { trials: 500, seed: 9 });
    expect(c.variants.map((v) => [v.id, v.value, v.scenarios])).toEqual(
      doc.variants.map((v) => [
        v.id,
        v.value,
        v.scenarios.map(({ id, pHold, ci95 }) => ({ id, pHold, ci95 })),
      ]),
    );
    expect(c.variants.map((v) => v.actors)).toEqual(doc.variants.map((v) => v.actors));
    expect({ model: c.model, trials: c.trials, seed: c.seed, target: c.target }).toEqual({
      model: 1,
      trials: 500,
      seed: 9,
      target: 0.8,
    });
  });

  it('compares every variant with the first, or every pair', () => {
    const parsed = parsePlan(MINIMAL_PLAN_YAML, 'plan.yaml');
    if (!parsed.ok) throw new Error('fixture does not parse');
    const variants = ['europe-us', 'europe-only', 'fra-deu'];
    const pairs = (c: Comparison) => c.differences.map((d) => `${d.from}→${d.to}`);
    expect(pairs(compareVariants(parsed.value.plan, { variants, trials: 20 }))).toEqual([
      'europe-us→europe-only',
      'europe-us→fra-deu',
    ]);
    expect(pairs(compareVariants(parsed.value.plan, { variants, trials: 20, pairs: 'all' }))).toEqual([
      'europe-us→europe-only',
      'europe-us→fra-deu',
      'europe-only→fra-deu',
    ]);
  });

  describe('refuses', () => {
    const plan = twoPartnerPlan(pA, r, beta);
    const refusal = (run: () => unknown): GuarantorError => {
      try {
        run();
      } catch (e) {
        if (e instanceof GuarantorError) return e;
        throw e;
      }
      throw new Error('expected a GuarantorError');
    };

    it('an unknown variant, with a suggestion', () => {
      const e = refusal(() => compareVariants(plan, { variants: ['without-b', 'with-bb'] }));
      expect([e.code, e.message]).toEqual([
        'UNKNOWN_VARIANT',
        'unknown variant "with-bb"; did you mean "with-b"?',
      ]);
      expect(refusal(() => compareVariants(plan, { variants: ['with-b', 'europe'] })).message).toBe(
        'unknown variant "europe"; the plan has "without-b", "with-b"',
      );
    });

    it('a variant named twice, or fewer than two', () => {
      expect(refusal(() => compareVariants(plan, { variants: ['with-b', 'with-b'] })).code).toBe(
        'DUPLICATE_VARIANT',
      );
      expect(refusal(() => compareVariants(plan, { variants: ['with-b'] })).message).toBe(
        'compare needs at least two variants; only "with-b" was given',
      );
      const single = makePlan({ scenarios: [flatScenario('land', 5, { land: 1 })] });
      expect(refusal(() => compareVariants(single)).message).toBe(
        'compare needs at least two variants; the plan has only "all" (add variants to the plan, MODEL.md §1)',
      );
    });

    it('a single trial, which has no interval', () => {
      expect(refusal(() => compareVariants(plan, { trials: 1 })).code).toBe('COMPARE_TOO_FEW_TRIALS');
    });
  });
});
