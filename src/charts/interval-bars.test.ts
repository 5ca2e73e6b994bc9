import { describe, expect, it } from 'vitest';
import type { ActorAttribution, VariantAttribution } from '../core/analyses/attribution/types.js';
import { blocBars, efficiencyCheck, intervalBarOption, shapleyBars, valuePoints } from './interval-bars.js';

function actor(id: string, bloc: string, shapley: number, se: number, extra: Partial<ActorAttribution> = {}) {
  return {
    actor: id,
    bloc,
    shapley,
    se,
    marginal: shapley / 2,
    marginalSe: 0.001,
    owen: shapley,
    owenSe: se,
    ...extra,
  } satisfies ActorAttribution;
}

function attribution(actors: ActorAttribution[], vN = 0.6, vEmpty = 0.1): VariantAttribution {
  const sum = actors.reduce((s, a) => s + a.shapley, 0);
  return {
    variant: 'all',
    method: 'sampled',
    actors,
    blocs: [
      { bloc: 'EU', owen: 0.2, se: 0.01, actors: ['FRA', 'DEU'] },
      { bloc: 'USA', owen: 0.3, se: 0.02, actors: ['USA'] },
    ],
    check: { sumShapley: sum, sumOwen: sum, vN, vEmpty },
    trials: 1000,
    trialsFrom: 'given',
    maxSe: 0.02,
    reason: 'test',
  };
}

const doc = attribution([
  actor('FRA', 'EU', 0.1, 0.01),
  actor('USA', 'USA', 0.3, 0.02),
  actor('DEU', 'EU', 0.1, 0.005),
]);

describe('Shapley bars', () => {
  it('puts the largest Shapley value first and keeps plan order between equal values', () => {
    expect(shapleyBars(doc, new Map()).map((b) => b.id)).toEqual(['USA', 'FRA', 'DEU']);
  });

  it('draws error bars at ± 1.96 standard errors', () => {
    const usa = shapleyBars(doc, new Map())[0];
    expect(usa?.lo).toBeCloseTo(0.3 - 1.96 * 0.02, 12);
    expect(usa?.hi).toBeCloseTo(0.3 + 1.96 * 0.02, 12);
  });

  it('uses the trials’ standard error for the exact method, whose se is 0', () => {
    const exact = attribution([actor('USA', 'USA', 0.3, 0, { trialSe: 0.004 })]);
    const [bar] = shapleyBars({ ...exact, method: 'exact' }, new Map());
    expect(bar?.se).toBe(0.004);
    expect(bar?.hi).toBeCloseTo(0.3 + 1.96 * 0.004, 12);
  });

  it('has no interval where there is no noise at all', () => {
    const [bar] = shapleyBars(attribution([actor('USA', 'USA', 0.3, 0)]), new Map());
    expect([bar?.lo, bar?.hi]).toEqual([0.3, 0.3]);
  });

  it('gives each actor its share of what the partners add, and its marginal value as the marker', () => {
    const usa = shapleyBars(doc, new Map([['USA', 'United States']]))[0];
    expect(usa?.share).toBeCloseTo(0.3 / 0.5, 12);
    expect(usa?.marker).toBe(0.15);
    expect(usa?.hover[0]).toBe('USA · United States (bloc USA)');
  });

  it('hands the chart one error bar per row at the row’s index, in the bars’ order', () => {
    const bars = shapleyBars(doc, new Map());
    const option = intervalBarOption(bars, { value: 'Shapley', marker: 'marginal' });
    const series = option.series as { type: string; data: unknown[] }[];
    expect((option.yAxis as { data: string[] }).data).toEqual(['USA', 'FRA', 'DEU']);
    expect(series.find((s) => s.type === 'custom')?.data[0]).toEqual([0, bars[0]?.lo, bars[0]?.hi]);
    expect(series.find((s) => s.type === 'scatter')?.data[1]).toEqual([0.05, 1]);
  });
});

describe('Owen values by bloc', () => {
  it('ranks the blocs by Owen value with their intervals and members', () => {
    const bars = blocBars(doc);
    expect(bars.map((b) => b.id)).toEqual(['USA', 'EU']);
    expect(bars[0]?.lo).toBeCloseTo(0.3 - 1.96 * 0.02, 12);
    expect(bars[1]?.hover).toContain('members: FRA, DEU');
  });
});

describe('efficiency check', () => {
  it('holds when Σφ equals v(N) − v(∅)', () => {
    expect(efficiencyCheck(doc).holds).toBe(true);
  });

  it('fails, with the residual, when they differ', () => {
    const off = attribution([actor('USA', 'USA', 0.3, 0.02)]);
    const check = efficiencyCheck(off);
    expect(check.holds).toBe(false);
    expect(check.residual).toBeCloseTo(-0.2, 12);
  });
});

describe('value differences', () => {
  it('writes value differences in points with one decimal, small ones with one digit', () => {
    expect(valuePoints(0.2492)).toBe('24.9 points');
    expect(valuePoints(-0.0004)).toBe('−0.04 points');
    expect(valuePoints(0)).toBe('0.0 points');
  });
});
