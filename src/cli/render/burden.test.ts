import { describe, expect, it } from 'vitest';
import type { AssessedState, BurdenReport } from '../../core/analyses/burden/burden-report.js';
import { REASSESSMENT_NOTE, RELAXATION_NOTE } from '../../core/analyses/burden/optimize.js';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { formatMoney, renderBurden } from './burden.js';
import { width } from './format.js';

const plan = smallPlan();

function state(value: number, pHolds: [string, number][], verdict: AssessedState['verdict']): AssessedState {
  return {
    value,
    verdict,
    reached: pHolds.filter(([, p]) => p >= 0.8).length,
    scenarios: pHolds.map(([id, pHold]) => ({
      id,
      pHold,
      ci95: [pHold - 0.01, pHold + 0.01] as const,
      domains: [],
    })),
  };
}

/** A proposal for the small plan: BIG adds 2 tank brigades and a jet squadron, FAR a SAM battery. */
const doc: BurdenReport = {
  model: 1,
  title: 'Small test plan',
  variant: 'all',
  currency: 'EUR',
  settings: {
    trials: 2000,
    seed: 7,
    target: 0.8,
    fairness: 1,
    newPledgeBindingness: 'executive',
    beta: 0.65,
  },
  allocation: [
    { actor: 'BIG', capability: 'tank-bde', units: 2, cost: 8e9 },
    { actor: 'BIG', capability: 'jet-sqn', units: 1, cost: 1.2e9 },
    { actor: 'FAR', capability: 'sam', units: 1, cost: 1e9 },
  ],
  costs: [
    { actor: 'BIG', cost: 9.2e9, fairShare: 8.16e9, gdpShare: 0.8 },
    { actor: 'FAR', cost: 1e9, fairShare: 2.04e9, gdpShare: 0.2 },
  ],
  infeasible: [{ scenario: 'air-raid', domain: 'air', gap: 31.5, reachable: 12.25 }],
  objective: 12.28e9,
  totalCost: 10.2e9,
  unfairness: 2.08e9,
  shadowPrices: [
    { scenario: 'land-push', domain: 'land', gap: 4.4, price: 1.54e9, expectedPower: 5.2 },
    { scenario: 'land-push', domain: 'air', gap: 2, price: 0, expectedPower: 12.9 },
  ],
  reassessment: {
    pledges: [],
    before: state(
      0.3,
      [
        ['land-push', 0.35],
        ['air-raid', 0.25],
      ],
      'not-enough',
    ),
    after: state(
      0.62,
      [
        ['land-push', 0.84],
        ['air-raid', 0.4],
      ],
      'not-enough',
    ),
    note: REASSESSMENT_NOTE,
  },
  solver: {
    name: 'HiGHS (highs-js, WebAssembly)',
    status: 'optimal',
    objective: 12.28e9,
    relaxation: { status: 'optimal', objective: 11.9e9, note: RELAXATION_NOTE },
  },
};

const withPledges: BurdenReport = {
  ...doc,
  reassessment: {
    ...doc.reassessment,
    pledges: [
      {
        id: 'opt-BIG-tank-bde',
        actor: 'BIG',
        capability: 'tank-bde',
        quantity: 2,
        posture: 'in-place',
        bindingness: 'executive',
        status: 'committed',
      },
    ],
  },
};

describe('renderBurden', () => {
  const text = renderBurden(withPledges, plan);
  const lines = text.split('\n');

  it('heads with the variant, the target, λ and what a new unit counts at', () => {
    expect(lines[0]).toBe(
      'Burden sharing — all: who adds what to close the gaps at 80%, fairly (MODEL.md §6)',
    );
    expect(lines[1]).toBe(
      '2,000 trials · seed 7 · fairness λ = 1 · a new unit counts at β(executive) 0.65 × reliability',
    );
  });

  it('lists the units with their cost in the plan currency, the capability name, and the total', () => {
    expect(text).toMatch(/^ {2}BIG +tank-bde +2 +EUR 8bn +Tank brigade$/m);
    expect(text).toMatch(/^ {2}FAR +sam +1 +EUR 1bn +SAM battery$/m);
    expect(text).toMatch(/^ {2}total +4 +EUR 10\.2bn$/m);
  });

  it('sets each cost against the fair share, with the objective written out', () => {
    expect(text).toMatch(/^ {2}BIG +80% +EUR 9\.2bn +EUR 8\.2bn +\+EUR 1bn$/m);
    expect(text).toMatch(/^ {2}FAR +20% +EUR 1bn +EUR 2bn +−EUR 1bn$/m);
    expect(text).toContain('objective EUR 12.3bn = cost EUR 10.2bn + λ 1 × Σ|cost − fair share| EUR 2.1bn');
  });

  it('names the gaps nobody can close, and prices the others', () => {
    expect(text).toMatch(/^ {2}air-raid +air +31\.5 +12\.3$/m);
    expect(text).toMatch(/^ {2}land-push +land +4\.4 +5\.2 +EUR 1\.5bn$/m);
    expect(text).toMatch(/^ {2}land-push +air +2 +12\.9 +EUR 0$/m);
    expect(text).toContain('A price of 0: the row does not bind');
  });

  it('shows before and after with intervals and verdicts, and says honestly why it may fall short', () => {
    expect(text).toContain('new in-place pledges (executive, committed)');
    expect(text).toMatch(/^ {2}land-push +35% \(34–36%\) +84% \(83–85%\)$/m);
    expect(text).toMatch(/^ {2}verdict +NOT ENOUGH \(0\/2 at 80%\) +NOT ENOUGH \(1\/2 at 80%\)$/m);
    expect(text).toMatch(/^note: The gaps are quantiles/m);
  });

  it('fits 100 columns', () => {
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(100);
    for (const line of renderBurden(withPledges, plan, { width: 80 }).split('\n')) {
      expect(width(line)).toBeLessThanOrEqual(80);
    }
  });

  it('says so when there is nothing to add', () => {
    const none = renderBurden({ ...doc, allocation: [], shadowPrices: [], infeasible: [] }, plan);
    expect(none).toContain('Nothing to add: no scenario of all has a gap at 80%.');
    expect(none).toContain('Does it work? Nothing was added');
    const stuck = renderBurden({ ...doc, allocation: [], shadowPrices: [] }, plan);
    expect(stuck).toContain('Nothing to add: spare capacity can close none of the gaps.');
  });
});

describe('formatMoney', () => {
  it('scales to m, bn, trn and prefixes the currency', () => {
    expect(formatMoney(2.2e9, 'USD')).toBe('USD 2.2bn');
    expect(formatMoney(450e6, 'EUR')).toBe('EUR 450m');
    expect(formatMoney(1.25e12, 'EUR')).toBe('EUR 1.3trn');
    expect(formatMoney(14)).toBe('14');
    expect(formatMoney(0, 'USD')).toBe('USD 0');
  });
});
