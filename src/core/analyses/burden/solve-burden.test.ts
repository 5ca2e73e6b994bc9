/**
 * Burden sharing on small inputs whose integer optimum, LP relaxation and shadow prices are worked out
 * by hand (MODEL.md §6). β and r are 1 unless said, so a unit's expected worth is its effect.
 */
import { describe, expect, it } from 'vitest';
import { highsSolver } from '../../../solver/highs-solver.js';
import type { BurdenActor, BurdenInput, GapRow, SpareOption } from './burden-input.js';
import { burdenProblem } from './burden-model.js';
import { solveBurden } from './optimize.js';

const solver = highsSolver();

function actors(gdp: Record<string, number>): BurdenActor[] {
  const total = Object.values(gdp).reduce((a, b) => a + b, 0);
  return Object.entries(gdp).map(([id, g]) => ({ id, gdp: g, weight: g / total, reliability: 1 }));
}

function option(
  actor: string,
  capability: string,
  units: number,
  unitCost: number,
  worth: Record<string, number>,
): SpareOption {
  return { actor, capability, units, unitCost, worth };
}

function input(parts: {
  actors: BurdenActor[];
  options: SpareOption[];
  gaps: GapRow[];
  fairness: number;
}): BurdenInput {
  return { variant: 'v', beta: 1, ...parts };
}

const gap = (domain: string, power: number, scenario = 's'): GapRow => ({ scenario, domain, gap: power });

describe('the integer optimum and the shadow price', () => {
  // One gap of 10 land power. A adds units of 4 power at 3 each (0.75 a unit of power), B units of 6
  // at 5 (0.83). Integer points with 4a + 6b ≥ 10: (3,0) 9, (1,1) 8, (0,2) 10, (2,1) 11 → (1,1) at 8.
  // The LP relaxation buys a = 2.5 at 7.5; its dual, the cost of one more unit of power, is 3/4.
  const two = input({
    actors: actors({ A: 1, B: 1 }),
    options: [option('A', 'a4', 5, 3, { land: 4 }), option('B', 'b6', 5, 5, { land: 6 })],
    gaps: [gap('land', 10)],
    fairness: 0,
  });

  it('finds the integer optimum, which is not the rounded LP', async () => {
    const { solution, mip } = await solveBurden(two, solver);
    expect(solution.allocation).toEqual([
      { actor: 'A', capability: 'a4', units: 1, cost: 3 },
      { actor: 'B', capability: 'b6', units: 1, cost: 5 },
    ]);
    expect(solution.totalCost).toBe(8);
    expect(solution.objective).toBe(8);
    expect(mip.status).toBe('optimal');
  });

  it('reports each cost against its GDP-fair share (equal GDP: 4 each)', async () => {
    const { solution } = await solveBurden(two, solver);
    expect(solution.costs).toEqual([
      { actor: 'A', cost: 3, fairShare: 4, gdpShare: 0.5 },
      { actor: 'B', cost: 5, fairShare: 4, gdpShare: 0.5 },
    ]);
    expect(solution.unfairness).toBe(2);
  });

  it('prices the gap from the LP relaxation: 0.75 a unit of power, in currency', async () => {
    const { solution, lp, problem } = await solveBurden(two, solver);
    // Costs enter the model in units of the dearest spare unit (5): the dual comes back ×5.
    expect(problem.costScale).toBe(5);
    expect(lp.objective * problem.costScale).toBeCloseTo(7.5, 9);
    expect(solution.shadowPrices).toHaveLength(1);
    expect(solution.shadowPrices[0]).toMatchObject({
      scenario: 's',
      domain: 'land',
      gap: 10,
      expectedPower: 10,
    });
    expect(solution.shadowPrices[0]?.price).toBeCloseTo(0.75, 9);
  });

  it('prices only the largest gap of a domain: new units answer every scenario', async () => {
    // A second scenario needs 6 land power: the 10 row implies it, so its price is 0.
    const { solution } = await solveBurden(
      { ...two, gaps: [gap('land', 10, 'a'), gap('land', 6, 'b')] },
      solver,
    );
    expect(solution.totalCost).toBe(8);
    expect(solution.shadowPrices.map((p) => [p.scenario, p.price])).toEqual([
      ['a', expect.closeTo(0.75, 9)],
      ['b', 0],
    ]);
  });
});

describe('a fair split', () => {
  // GDP 3 : 1. A adds units of 3 power at 3, B units of 1 power at 1: one unit of power costs 1 either
  // way, so cost alone is indifferent (any split of C = 10). Fair costs need C_A = 3·C_B, i.e. 3a = 3b:
  // a = b, C = 4a ≥ 10 → a = b = 3, C = 12, unfairness 0. Every C = 10 split is at least 3 off
  // (e.g. (3,1): |9 − 7.5| + |1 − 2.5|), every C = 11 split at least 1.5 off ((3,2)), so with λ = 10:
  // 10 + 30 = 40, 11 + 15 = 26, 12 + 0 = 12 — the unique optimum pays 2 more to be fair.
  const fair = (fairness: number) =>
    input({
      actors: actors({ A: 3, B: 1 }),
      options: [option('A', 'heavy', 10, 3, { land: 3 }), option('B', 'light', 10, 1, { land: 1 })],
      gaps: [gap('land', 10)],
      fairness,
    });

  it('with λ large, splits the cost 3:1 exactly where integrality allows it', async () => {
    const { solution, mip, problem } = await solveBurden(fair(10), solver);
    expect(solution.allocation.map((a) => [a.actor, a.units])).toEqual([
      ['A', 3],
      ['B', 3],
    ]);
    expect(solution.costs).toEqual([
      { actor: 'A', cost: 9, fairShare: 9, gdpShare: 0.75 },
      { actor: 'B', cost: 3, fairShare: 3, gdpShare: 0.25 },
    ]);
    expect(solution.objective).toBe(12);
    expect(mip.objective * problem.costScale).toBeCloseTo(12, 6);
  });

  it('with λ = 0, closes the gap at the least cost, 10, whoever pays', async () => {
    const { solution } = await solveBurden(fair(0), solver);
    expect(solution.totalCost).toBe(10);
    expect(solution.objective).toBe(10);
  });

  it('counts partners without spare capacity in the fair shares (C_a = 0 against w_a·C)', async () => {
    // A third partner C with GDP 4 and nothing to add: w = 3/8, 1/8, 4/8. While A and B each pay at
    // least their share, Σ|C_a − w_a C| = (C_A − 3C/8) + (C_B − C/8) + C/2 = C whatever the split, so
    // the least C wins again (10) and the 3:1 pull is gone. Among the C = 10 splits (a, 10 − 3a):
    // (3,1) 5.25 + 0.25 + 5 = 10.5; (2,4) 2.25 + 2.75 + 5 = 10; (1,7) 0.75 + 5.75 + 5 = 11.5;
    // (0,10) 3.75 + 8.75 + 5 = 17.5. C ≥ 11 has unfairness ≥ C. Unique optimum (2,4): 10 + 10·10 = 110.
    const { solution } = await solveBurden({ ...fair(10), actors: actors({ A: 3, B: 1, C: 4 }) }, solver);
    expect(solution.allocation.map((a) => a.units)).toEqual([2, 4]);
    expect(solution.costs.map((c) => [c.actor, c.cost, c.fairShare])).toEqual([
      ['A', 6, 3.75],
      ['B', 4, 1.25],
      ['C', 0, 5],
    ]);
    expect(solution.unfairness).toBe(10);
    expect(solution.objective).toBe(110);
  });
});

describe('gaps no spare capacity can close', () => {
  const mixed = input({
    actors: actors({ A: 1, B: 1 }),
    options: [
      option('A', 'a4', 5, 3, { land: 4 }),
      option('B', 'b6', 5, 5, { land: 6 }),
      option('B', 'frigate', 2, 7, { sea: 10 }),
    ],
    gaps: [gap('land', 10, 'north'), gap('sea', 50, 'odesa'), gap('air', 5, 'odesa')],
    fairness: 0,
  });

  it('are reported by name with what spare capacity could reach, and left out of the model', () => {
    const problem = burdenProblem(mixed);
    expect(problem.infeasible).toEqual([
      { scenario: 'odesa', domain: 'sea', gap: 50, reachable: 20 },
      { scenario: 'odesa', domain: 'air', gap: 5, reachable: 0 },
    ]);
    expect(problem.gapRows.map((g) => [g.scenario, g.domain])).toEqual([['north', 'land']]);
  });

  it('do not stop the rest from being solved (and nothing is bought for them)', async () => {
    const { solution } = await solveBurden(mixed, solver);
    expect(solution.allocation.map((a) => [a.actor, a.capability, a.units])).toEqual([
      ['A', 'a4', 1],
      ['B', 'b6', 1],
    ]);
    expect(solution.shadowPrices.map((p) => p.domain)).toEqual(['land']);
  });

  it('a gap that all spare capacity closes exactly is closable', () => {
    const problem = burdenProblem({ ...mixed, gaps: [gap('sea', 20)] });
    expect(problem.infeasible).toEqual([]);
  });
});

describe('nothing to close', () => {
  it('gives an empty allocation at no cost', async () => {
    const { solution } = await solveBurden(
      input({
        actors: actors({ A: 1 }),
        options: [option('A', 'a4', 5, 3, { land: 4 })],
        gaps: [],
        fairness: 1,
      }),
      solver,
    );
    expect(solution).toMatchObject({ allocation: [], totalCost: 0, objective: 0, shadowPrices: [] });
    expect(solution.costs).toEqual([{ actor: 'A', cost: 0, fairShare: 0, gdpShare: 1 }]);
  });
});
