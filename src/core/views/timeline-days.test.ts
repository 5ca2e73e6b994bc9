import { describe, expect, it } from 'vitest';
import type { DomainResult, ScenarioResult } from '../engine/result-types.js';
import type { PledgeArrival, Timeline } from '../engine/timeline.js';
import { timelineKeyDays } from './timeline-days.js';

const domain = (requirement: number[], p50: number[]): DomainResult => ({
  domain: 'land',
  pHold: 0.5,
  meanShortfall: 0,
  gap: { power: 0, units: {} },
  bands: { p10: p50, p50, p90: p50 },
  requirement,
  threatened: true,
});
const arrival = (pledge: string, p50: number | null): PledgeArrival => ({
  pledge,
  actor: 'A',
  capability: 'c',
  posture: 'on-call',
  pActive: 1,
  pArrives: p50 === null ? 0 : 1,
  day: p50 === null ? null : { p10: p50, p50, p90: p50 },
  power: { land: 1 },
});
const timelineOf = (d: DomainResult, pledges: PledgeArrival[]): Timeline => {
  const scenario: ScenarioResult = {
    id: 's',
    pHold: 0.5,
    ci95: [0.4, 0.6],
    domains: [d],
    title: 's',
    weight: 1,
    horizonDays: d.requirement.length,
  };
  return { model: 1, variant: 'v', actors: [], scenario, trials: 10, seed: 1, pledges };
};

describe('timelineKeyDays', () => {
  it('keeps day 0, the last day, arrivals, bends of the requirement and crossings', () => {
    // Requirement ramps 10 → 20 over days 0…2, then flat: it bends on day 2.
    const requirement = [10, 15, 20, 20, 20, 20, 20, 20];
    const p50 = [12, 12, 12, 12, 25, 25, 25, 25];
    const days = timelineKeyDays(
      timelineOf(domain(requirement, p50), [arrival('a', 0), arrival('b', 4), arrival('never', null)]),
    );
    expect(days.map((d) => d.day)).toEqual([0, 1, 2, 4, 7]);
    expect(days[0]?.arrivals).toEqual(['a']);
    expect(days[1]?.crossings).toEqual([{ domain: 'land', below: true }]);
    expect(days[2]?.requirementBends).toEqual(['land']);
    expect(days[3]).toMatchObject({ arrivals: ['b'], crossings: [{ domain: 'land', below: false }] });
  });

  it('does not treat a steady ramp as a change on every day', () => {
    const requirement = [0, 1.1, 2.2, 3.3000000000000003, 4.4, 5.5];
    const days = timelineKeyDays(timelineOf(domain(requirement, [9, 9, 9, 9, 9, 9]), []));
    expect(days.map((d) => d.day)).toEqual([0, 5]);
  });
});
