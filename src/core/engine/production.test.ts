/**
 * MODEL.md §3, production pledges: units = min(fundingPerYear · yearsOfPeace / unitCost,
 * productionPerYear · yearsOfPeace); quantity does not count.
 */
import { describe, expect, it } from 'vitest';
import type { Capability, Pledge } from '../plan/types.js';
import { pledgeUnits } from './production.js';
import { capability, DETERMINISTIC, domainOf, flatScenario, makePlan, pledge, run } from './test-plans.js';

describe('production', () => {
  // Drones: unit cost 2, at most 3 a year, 5 air power each.
  const parts = (yearsOfPeace?: number) => ({
    capabilities: [capability('drone', { air: 5 }, { unitCost: 2, productionPerYear: 3 })],
    pledges: [
      pledge('low', 'UKR', 'drone', 100, 'production', { fundingPerYear: 2, triggers: ['low'] }),
      pledge('high', 'UKR', 'drone', 100, 'production', { fundingPerYear: 10, triggers: ['high'] }),
    ],
    scenarios: ['low', 'high'].map((t) => flatScenario(t, 3, { air: 1 }, { tags: [t] })),
    settings: { ...DETERMINISTIC, ...(yearsOfPeace === undefined ? {} : { yearsOfPeace }) },
  });
  const powerOf = (years: number | undefined, s: string) =>
    domainOf(run(makePlan(parts(years)), 2), 'all', s, 'air').bands.p50;

  it('is limited by funding when money is short: fundingPerYear · years / unitCost (years default 2)', () => {
    // min(2·2/2, 3·2) = 2 units → power 10; quantity 100 is ignored.
    expect(powerOf(undefined, 'low')).toEqual([10, 10, 10]);
    // min(2·3/2, 3·3) = 3 units → 15.
    expect(powerOf(3, 'low')).toEqual([15, 15, 15]);
  });

  it('is limited by the yearly capacity when money is plentiful: productionPerYear · years', () => {
    // min(10·2/2, 3·2) = 6 units → 30; with 3 years min(15, 9) = 9 → 45.
    expect(powerOf(undefined, 'high')).toEqual([30, 30, 30]);
    expect(powerOf(3, 'high')).toEqual([45, 45, 45]);
  });

  it('yields nothing after zero years of peace', () => {
    expect(powerOf(0, 'high')).toEqual([0, 0, 0]);
  });

  it('pledgeUnits: quantity for other postures, the minimum of both branches for production', () => {
    const cap: Capability = { id: 'c', name: 'c', effect: { air: 1 }, unitCost: 4, productionPerYear: 5 };
    const p = (over: Partial<Pledge>): Pledge => ({
      id: 'p',
      actor: 'A',
      capability: 'c',
      quantity: 7,
      posture: 'production',
      readinessDays: 0,
      requires: [],
      status: 'committed',
      sources: [],
      ...over,
    });
    expect(pledgeUnits(p({ posture: 'on-call' }), cap, 2)).toBe(7);
    expect(pledgeUnits(p({ posture: 'in-place' }), cap, 2)).toBe(7);
    expect(pledgeUnits(p({ posture: 'backstop' }), cap, 2)).toBe(7);
    expect(pledgeUnits(p({ fundingPerYear: 6 }), cap, 2)).toBe(3); // min(6·2/4, 10)
    expect(pledgeUnits(p({ fundingPerYear: 100 }), cap, 2)).toBe(10); // min(50, 10)
    expect(pledgeUnits(p({ fundingPerYear: 20 }), cap, 2)).toBe(10); // both branches equal
    expect(pledgeUnits(p({ fundingPerYear: 6 }), cap, 2.5)).toBe(3.75); // fractional years
  });
});
