import { describe, expect, it } from 'vitest';
import type { AssessedState, BurdenReport } from '../core/analyses/burden/burden-report.js';
import { costOption, costRows, reassessmentRows, signedMoney } from './burden-chart.js';

function state(value: number, pHold: number, verdict: AssessedState['verdict']): AssessedState {
  return {
    value,
    verdict,
    reached: verdict === 'enough' ? 1 : 0,
    scenarios: [{ id: 'north', pHold, ci95: [pHold - 0.01, pHold + 0.01], domains: [] }],
  };
}

const report: BurdenReport = {
  model: 1,
  title: 't',
  variant: 'all',
  currency: 'USD',
  settings: {
    trials: 1000,
    seed: 1,
    target: 0.8,
    fairness: 1,
    newPledgeBindingness: 'executive',
    beta: 0.65,
  },
  allocation: [
    { actor: 'DEU', capability: 'sam', units: 2, cost: 3.6e8 },
    { actor: 'USA', capability: 'jet', units: 1, cost: 1.2e9 },
  ],
  costs: [
    { actor: 'USA', cost: 1.2e9, fairShare: 1e9, gdpShare: 0.64 },
    { actor: 'DEU', cost: 3.6e8, fairShare: 2e8, gdpShare: 0.13 },
    { actor: 'FRA', cost: 0, fairShare: 2.4e8, gdpShare: 0.15 },
    { actor: 'POL', cost: 0, fairShare: 1.2e8, gdpShare: 0.08 },
  ],
  infeasible: [],
  objective: 0,
  totalCost: 1.56e9,
  unfairness: 0,
  shadowPrices: [],
  reassessment: {
    pledges: [],
    before: state(0.6, 0.6, 'not-enough'),
    after: state(0.85, 0.85, 'enough'),
    note: '',
  },
  solver: {
    name: 'HiGHS',
    status: 'optimal',
    objective: 0,
    relaxation: { status: 'optimal', objective: 0, note: '' },
  },
};

describe('cost against fair share', () => {
  it('lists the partners who pay, highest cost first, with what they add', () => {
    const rows = costRows(report);
    expect(rows.slice(0, 2).map((r) => r.label)).toEqual(['USA', 'DEU']);
    expect(rows[1]?.additions).toEqual([{ capability: 'sam', units: 2, cost: 3.6e8 }]);
    expect(rows[0]?.difference).toBeCloseTo(2e8, 6);
  });

  it('sums the partners who add nothing into one row that names them', () => {
    const last = costRows(report).at(-1);
    expect(last?.label).toBe('2 others (nothing to add)');
    expect(last?.actors).toEqual(['FRA', 'POL']);
    expect(last?.fairShare).toBeCloseTo(3.6e8, 6);
    expect(last?.difference).toBeCloseTo(-3.6e8, 6);
  });

  it('charts cost and fair share per row in the rows’ order', () => {
    const option = costOption(costRows(report), 'USD');
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['cost', 'fair share']);
    expect(series[0]?.data).toEqual([1.2e9, 3.6e8, 0]);
  });
});

describe('money in the plan’s currency', () => {
  it('signs differences and calls dust zero', () => {
    expect(signedMoney(2e8, 'USD')).toBe('+US$200 m');
    expect(signedMoney(-4e7, 'USD')).toBe('−US$40 m');
    expect(signedMoney(1e-9, 'USD')).toBe('US$0');
  });
});

describe('before and after the proposal', () => {
  it('compares value, each scenario and the verdict', () => {
    const rows = reassessmentRows(report);
    expect(rows.map((r) => r.label)).toEqual(['value', 'north', 'verdict']);
    expect(rows[0]).toMatchObject({ before: '60%', after: '85%', change: '+25 points' });
    expect(rows[1]).toMatchObject({ before: '60% (59–61%)', after: '85% (84–86%)' });
    expect(rows[2]).toMatchObject({ before: 'not enough (0/1 at 80%)', after: 'enough (1/1 at 80%)' });
  });
});
