/**
 * Random orders for the sampled Shapley and Owen values: permutations drawn from the counter-based
 * generator, uniform, keyed by (seed, trial) only, and for Owen keeping each bloc together.
 */
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../engine/compile.js';
import { actor, capability, flatScenario, makePlan } from '../../engine/test-plans.js';
import { playerOrders } from './player-order.js';

// Actors 1 … 4 (0 is the protected one): blocs EU = {1, 2}, US = {3}, {4} its own.
const plan = makePlan({
  actors: [actor('A', 0.5, 'EU'), actor('B', 0.5, 'EU'), actor('C', 0.5, 'US'), actor('D', 0.5)],
  capabilities: [capability('u', { land: 1 })],
  scenarios: [flatScenario('s', 1, { land: 1 })],
});
const compiled = compilePlan(plan, 11);
const orders = playerOrders(compiled);
const TRIALS = 6000;

function shapley(trial: number, players = [1, 2, 3, 4]): number[] {
  const xs = Int32Array.from(players);
  orders.shapleyOrder(trial, xs, xs.length);
  return Array.from(xs);
}
function owen(trial: number): number[] {
  const xs = Int32Array.from([1, 2, 3, 4]);
  orders.owenOrder(trial, xs, xs.length);
  return Array.from(xs);
}
/** |count − n·p| within 4 binomial standard deviations. */
function expectShare(count: number, p: number) {
  expect(Math.abs(count - TRIALS * p)).toBeLessThanOrEqual(4 * Math.sqrt(TRIALS * p * (1 - p)));
}

describe('player orders', () => {
  it('are permutations, the same for the same (seed, trial), different across trials', () => {
    expect([...shapley(3)].sort()).toEqual([1, 2, 3, 4]);
    expect(shapley(3)).toEqual(shapley(3));
    const distinct = new Set(Array.from({ length: 50 }, (_, t) => shapley(t).join()));
    expect(distinct.size).toBeGreaterThan(15);
  });

  it('give a subset the restriction of the whole order (keys per actor, not per position)', () => {
    for (let t = 0; t < 100; t++) {
      expect(shapley(t, [4, 2, 1])).toEqual(shapley(t).filter((a) => a !== 3));
    }
  });

  it('are uniform: each of the 4 players comes first in about a quarter of the trials', () => {
    const first = new Map<number, number>();
    for (let t = 0; t < TRIALS; t++) {
      const f = shapley(t)[0] as number;
      first.set(f, (first.get(f) ?? 0) + 1);
    }
    for (const a of [1, 2, 3, 4]) expectShare(first.get(a) ?? 0, 1 / 4);
  });

  it('for Owen, keep each bloc together, blocs in uniform order, members in uniform order', () => {
    let euFirst = 0;
    let aBeforeB = 0;
    for (let t = 0; t < TRIALS; t++) {
      const o = owen(t);
      const ia = o.indexOf(1);
      const ib = o.indexOf(2);
      expect(Math.abs(ia - ib)).toBe(1); // EU's members are adjacent
      if (Math.min(ia, ib) === 0) euFirst++;
      if (ia < ib) aBeforeB++;
    }
    // Three blocs: EU first in a third of the trials; A before B in half.
    expectShare(euFirst, 1 / 3);
    expectShare(aBeforeB, 1 / 2);
  });
});
