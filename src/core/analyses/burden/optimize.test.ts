/**
 * Burden sharing from a plan (MODEL.md §6): gaps from the assessment, expected worth β·r, the
 * allocation re-assessed as new pledges. Plans are deterministic where the hand derivation needs it
 * (no readiness spread, tolerance 0); the one random step left, who honours, is derived in closed form.
 */
import { describe, expect, it } from 'vitest';
import { highsSolver } from '../../../solver/highs-solver.js';
import { binomialTolerance, flatScenario, PROTECTED, planInput } from '../../engine/test-plans.js';
import { GuarantorError } from '../../errors.js';
import { normalizePlan } from '../../plan/normalize.js';
import { type PlanInput, planSchema } from '../../plan/schema.js';
import type { Plan } from '../../plan/types.js';
import { optimizeBurden } from './optimize.js';

const solver = highsSolver();
const TRIALS = 4000;

/**
 * DEU (r 0.8, GDP 3) and FRA (r 0.5, GDP 1) can each add up to 5 brigades of 10 land power at 2 each;
 * nothing is pledged; the land threat is 25 on every day, with no tolerance. β(executive) = 0.5.
 */
function twoPartnerPlan(extra: Partial<PlanInput> = {}, fairness = 0): Plan {
  const input: PlanInput = {
    ...planInput({
      actors: [
        { id: 'DEU', reliability: 0.8, gdp: 3 },
        { id: 'FRA', reliability: 0.5, gdp: 1 },
      ],
      capabilities: [{ id: 'bde', effect: { land: 10 }, unitCost: 2 }],
      scenarios: [flatScenario('north', 5, { land: 25 }, { tolerance: { land: 0 } })],
      settings: { readinessSigma: 0, bindingness: { executive: 0.5 }, fairness, trials: TRIALS },
    }),
    spare: [
      { actor: 'DEU', capability: 'bde', quantity: 5 },
      { actor: 'FRA', capability: 'bde', quantity: 5 },
    ],
    ...extra,
  };
  return normalizePlan(planSchema.parse(input));
}

describe('optimizeBurden on a plan', () => {
  // Nothing is pledged, so in every trial the least constant power that holds is 25: gap 25. A new DEU
  // brigade is worth β·r·effect = 0.5·0.8·10 = 4 (0.5 a unit of power), an FRA one 0.5·0.5·10 = 2.5
  // (0.8). Cheapest: all 5 DEU (20), then ⌈5 / 2.5⌉ = 2 FRA: 14. Fewer DEU brigades would need more
  // than 5 FRA ones. The LP relaxation buys the same, and its next unit of power comes from FRA at 0.8.
  const plan = twoPartnerPlan();

  it('allocates the cheapest units that close the gap at expected worth', async () => {
    const doc = await optimizeBurden(plan, { variant: 'all' }, { solver });
    expect(doc.allocation).toEqual([
      { actor: 'DEU', capability: 'bde', units: 5, cost: 10 },
      { actor: 'FRA', capability: 'bde', units: 2, cost: 4 },
    ]);
    expect(doc.costs).toEqual([
      { actor: 'DEU', cost: 10, fairShare: 10.5, gdpShare: 0.75 },
      { actor: 'FRA', cost: 4, fairShare: 3.5, gdpShare: 0.25 },
    ]);
    expect(doc).toMatchObject({ model: 1, variant: 'all', totalCost: 14, objective: 14, infeasible: [] });
    expect(doc.settings).toMatchObject({ beta: 0.5, newPledgeBindingness: 'executive', fairness: 0 });
    expect(doc.shadowPrices).toEqual([
      { scenario: 'north', domain: 'land', gap: 25, price: expect.closeTo(0.8, 9), expectedPower: 25 },
    ]);
    expect(doc.solver).toMatchObject({ status: 'optimal', objective: expect.closeTo(14, 6) });
    expect(doc.solver.relaxation).toMatchObject({ status: 'optimal', objective: expect.closeTo(14, 6) });
  });

  it('re-assesses with the allocation as in-place pledges, and shows it falls short of the target', async () => {
    // After: 50 power when DEU's new pledge is honoured (enough alone), FRA's 20 is never enough. DEU now
    // has forces in place, so the tripwire raises its reliability to 1 − 0.2·(1 − 0.5) = 0.9: the
    // scenario holds with probability 0.9 · β = 0.45, well short of 80% although the expected power
    // (25) equals the gap.
    const doc = await optimizeBurden(plan, { variant: 'all' }, { solver });
    const { reassessment } = doc;
    expect(reassessment.pledges).toEqual([
      {
        id: 'opt-DEU-bde',
        actor: 'DEU',
        capability: 'bde',
        quantity: 5,
        posture: 'in-place',
        bindingness: 'executive',
        status: 'committed',
      },
      {
        id: 'opt-FRA-bde',
        actor: 'FRA',
        capability: 'bde',
        quantity: 2,
        posture: 'in-place',
        bindingness: 'executive',
        status: 'committed',
      },
    ]);
    expect(reassessment.before.scenarios[0]).toMatchObject({ id: 'north', pHold: 0 });
    expect(reassessment.before).toMatchObject({ value: 0, verdict: 'not-enough', reached: 0 });
    const after = reassessment.after.scenarios[0]?.pHold ?? Number.NaN;
    expect(Math.abs(after - 0.45)).toBeLessThanOrEqual(binomialTolerance(0.45, TRIALS));
    expect(reassessment.after.verdict).toBe('not-enough');
    expect(reassessment.note).toMatch(/expected worth/);
  });

  it('is the same document for the same plan and seed', async () => {
    const a = await optimizeBurden(plan, { variant: 'all', trials: 500, seed: 7 }, { solver });
    const b = await optimizeBurden(plan, { variant: 'all', trials: 500, seed: 7 }, { solver });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.settings).toMatchObject({ trials: 500, seed: 7 });
  });

  it('names the partner without gdp, with a code and a path', async () => {
    const input = planInput({
      actors: [{ id: 'DEU', gdp: 3 }, { id: 'POL' }],
      scenarios: [flatScenario('s', 1, {})],
    });
    const noGdp = normalizePlan(planSchema.parse(input));
    const failure = await optimizeBurden(noGdp, { variant: 'all', trials: 10 }, { solver }).catch((e) => e);
    expect(failure).toBeInstanceOf(GuarantorError);
    expect(failure).toMatchObject({ code: 'BURDEN_MISSING_GDP', path: 'actors[2].gdp' });
    expect((failure as Error).message).toMatch(/"POL"/);
    // A variant without POL does not need its gdp.
    const withVariant = normalizePlan(
      planSchema.parse({ ...input, variants: [{ id: 'no-pol', exclude: ['POL'] }] }),
    );
    const doc = await optimizeBurden(withVariant, { variant: 'no-pol', trials: 10 }, { solver });
    expect(doc.costs.map((c) => c.actor)).toEqual(['DEU']);
  });

  it('names a capability without unitCost that a spare entry would add', async () => {
    const base = twoPartnerPlan();
    const noCost: Plan = { ...base, capabilities: [{ id: 'bde', name: 'bde', effect: { land: 10 } }] };
    const failure = await optimizeBurden(noCost, { variant: 'all', trials: 10 }, { solver }).catch((e) => e);
    expect(failure).toMatchObject({ code: 'BURDEN_MISSING_UNIT_COST', path: 'capabilities[0].unitCost' });
    expect((failure as Error).message).toMatch(/"bde".*"DEU".*spare\[0\]/);
  });

  it('reports a gap that spare capacity cannot close, by name', async () => {
    // Only 2 FRA brigades spare and DEU outside the variant: 2 · 2.5 = 5 < 25.
    const small = twoPartnerPlan({
      spare: [
        { actor: 'DEU', capability: 'bde', quantity: 5 },
        { actor: 'FRA', capability: 'bde', quantity: 2.7 },
      ],
      variants: [{ id: 'no-deu', exclude: ['DEU'] }],
    });
    const doc = await optimizeBurden(small, { variant: 'no-deu' }, { solver });
    expect(doc.infeasible).toEqual([{ scenario: 'north', domain: 'land', gap: 25, reachable: 5 }]);
    expect(doc.allocation).toEqual([]);
    expect(doc.reassessment.pledges).toEqual([]);
    expect(doc.reassessment.after).toEqual(doc.reassessment.before);
  });

  it('gives new pledges a status the variant counts, and fresh ids', async () => {
    const base = twoPartnerPlan({ variants: [{ id: 'delivered', statuses: ['delivered'] }] });
    const taken: Plan = {
      ...base,
      pledges: [
        {
          id: 'opt-DEU-bde',
          actor: PROTECTED,
          capability: 'bde',
          quantity: 0,
          posture: 'in-place',
          readinessDays: 0,
          requires: [],
          status: 'delivered',
          sources: [],
        },
      ],
    };
    const doc = await optimizeBurden(taken, { variant: 'delivered', trials: 200 }, { solver });
    expect(doc.reassessment.pledges.map((p) => [p.id, p.status])).toEqual([
      ['opt-DEU-bde-2', 'delivered'],
      ['opt-FRA-bde', 'delivered'],
    ]);
  });
});
