import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import { importKiel } from './kiel.js';
import { proposeForPlan } from './plan-proposals.js';
import { DEFAULT_PRIOR_MAPPING } from './prior.js';
import { SMALL_TRACK_PLAN as PLAN, SMALL_KIEL, SMALL_WORLD_BANK } from './testing/small-kiel.js';
import { readWorldBankGdp } from './worldbank.js';

function plan(text = PLAN): Plan {
  const parsed = parsePlan(text, 'plan.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value.plan;
}

const records = () => {
  const r = importKiel(SMALL_KIEL).records;
  if (r === undefined) throw new Error('import');
  return r;
};
const gdp = readWorldBankGdp(SMALL_WORLD_BANK).gdp;

describe('proposeForPlan', () => {
  it('proposes a reliability from delivered ÷ committed for each plan actor with a record', () => {
    const proposals = proposeForPlan(plan(), records(), DEFAULT_PRIOR_MAPPING, gdp);
    expect(proposals.map((p) => p.actor)).toEqual(['UKR', 'FRA', 'DEU', 'NOR']);
    const fra = proposals[1];
    expect(fra).toMatchObject({
      name: 'France',
      pledges: 1,
      deliveredRatio: 0.75,
      proposedReliability: 0.7875,
      currentReliability: 0.8,
      proposedGdp: null,
    });
    expect(fra?.record).toMatchObject({ allocated: 3, committed: 4 });
    expect(proposals[2]).toMatchObject({ deliveredRatio: 0.25, proposedReliability: 0.4625 });
  });

  it('proposes no reliability for an actor without a record, and World Bank GDP only where gdp is missing', () => {
    const proposals = proposeForPlan(plan(), records(), DEFAULT_PRIOR_MAPPING, gdp);
    expect(proposals[3]).toMatchObject({
      actor: 'NOR',
      record: null,
      proposedReliability: null,
      proposedGdp: { usd: 483600000000, year: 2024 },
    });
    expect(proposals[2]?.proposedGdp).toMatchObject({ usd: 4686000000000 });
    expect(proposals[0]?.proposedGdp).toBeNull();
  });

  it('proposes no GDP for a plan counted in another currency than US dollars', () => {
    const eur = proposeForPlan(
      plan(PLAN.replace('currency: USD', 'currency: EUR')),
      records(),
      DEFAULT_PRIOR_MAPPING,
      gdp,
    );
    expect(eur.every((p) => p.proposedGdp === null)).toBe(true);
    expect(eur[1]?.proposedReliability).toBe(0.7875);
  });

  it('uses the mapping it is given', () => {
    const proposals = proposeForPlan(plan(), records(), { floor: 0.5, ceiling: 0.9 }, undefined);
    expect(proposals[1]?.proposedReliability).toBe(0.8);
  });
});
