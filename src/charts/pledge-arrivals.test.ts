import { describe, expect, it } from 'vitest';
import type { DomainResult, ScenarioResult } from '../core/engine/result-types.js';
import { domainArrivals, type LoosePlan, medianTriggerDay } from './pledge-arrivals.js';
import { domainBands } from './timeline-chart.js';

const sea: DomainResult = {
  domain: 'sea',
  pHold: 0.6,
  meanShortfall: 0.05,
  gap: { power: 4, units: { frigate: 1 } },
  // The median falls short on days 1–3 (three days in a row: a backstop is called on day 3).
  bands: { p10: [8, 6, 6, 6, 9, 10], p50: [10, 8, 8, 8, 12, 14], p90: [12, 12, 12, 12, 16, 18] },
  requirement: [10, 10, 10, 10, 10, 10],
  threatened: true,
};

const scenario: ScenarioResult = {
  id: 'sea-odesa',
  pHold: 0.6,
  ci95: [0.55, 0.65],
  domains: [sea],
  title: 'By sea',
  weight: 1,
  horizonDays: 6,
};

const plan: LoosePlan = {
  protected: 'UKR',
  actors: [
    { id: 'UKR', name: 'Ukraine' },
    { id: 'USA', name: 'United States' },
    { id: 'FRA', name: 'France' },
  ],
  capabilities: [
    { id: 'frigate', name: 'Frigate', unit: 'frigate', effect: { sea: 4 } },
    { id: 'brigade', name: 'Brigade', unit: 'brigade', effect: { land: 4 } },
    { id: 'us-air', name: 'US air package', unit: 'package', effect: { sea: 10, air: 30 } },
  ],
  scenarios: [{ id: 'sea-odesa', tags: ['sea', 'coast'] }],
  variants: [
    { id: 'europe-only', exclude: ['USA'] },
    { id: 'europe-us' },
    { id: 'firm', statuses: ['delivered'] },
  ],
  pledges: [
    {
      id: 'ukr-navy',
      actor: 'UKR',
      capability: 'frigate',
      quantity: 2,
      posture: 'in-place',
      status: 'delivered',
    },
    {
      id: 'fra-frigate',
      actor: 'FRA',
      capability: 'frigate',
      quantity: 1,
      posture: 'on-call',
      readinessDays: 2.4,
    },
    {
      id: 'fra-late',
      actor: 'FRA',
      capability: 'frigate',
      quantity: 1,
      posture: 'on-call',
      readinessDays: 9,
    },
    {
      id: 'fra-north',
      actor: 'FRA',
      capability: 'frigate',
      quantity: 1,
      posture: 'on-call',
      triggers: ['north'],
    },
    {
      id: 'fra-if-us',
      actor: 'FRA',
      capability: 'frigate',
      quantity: 1,
      posture: 'on-call',
      requires: ['USA'],
    },
    {
      id: 'fra-gone',
      actor: 'FRA',
      capability: 'frigate',
      quantity: 1,
      posture: 'on-call',
      status: 'withdrawn',
    },
    { id: 'fra-army', actor: 'FRA', capability: 'brigade', quantity: 1, posture: 'in-place' },
    {
      id: 'usa-backstop',
      actor: 'USA',
      capability: 'us-air',
      quantity: 1,
      posture: 'backstop',
      readinessDays: 2,
    },
  ],
};

const ids = (a: ReturnType<typeof domainArrivals>) => ({
  markers: a.markers.map((m) => [m.day, m.estimated, m.pledges.map((p) => p.id)]),
  outside: a.outside.map((p) => p.id),
});

describe('the scenario timeline', () => {
  it('turns a domain into day series with the p10–p90 band as a spread on p10', () => {
    const b = domainBands(sea);
    expect(b.days).toEqual([0, 1, 2, 3, 4, 5]);
    expect(b.spread).toEqual([4, 6, 6, 6, 7, 8]);
    expect(b.requirement).toBe(sea.requirement);
  });

  it('calls a backstop on the K-th failing day in a row of the median path, or never', () => {
    expect(
      medianTriggerDay(
        [sea.bands.p50].map((p50) => ({ p50, requirement: sea.requirement })),
        3,
      ),
    ).toBe(3);
    expect(medianTriggerDay([{ p50: sea.bands.p50, requirement: sea.requirement }], 4)).toBeUndefined();
    expect(medianTriggerDay([], 0)).toBe(0);
  });

  it('places the pledges the variant counts in the domain on their median arrival day', () => {
    expect(ids(domainArrivals(plan, 'europe-us', scenario, 'sea', 3))).toEqual({
      markers: [
        [0, false, ['ukr-navy', 'fra-if-us']],
        [3, false, ['fra-frigate']],
        // Called on day 3 of the median path, then 2 days of readiness.
        [5, true, ['usa-backstop']],
      ],
      outside: ['fra-late'],
    });
  });

  it('leaves out what the variant does not count: actors outside, conditions unmet, statuses', () => {
    // Without the USA: no backstop, and the pledge that requires the USA never acts.
    expect(ids(domainArrivals(plan, 'europe-only', scenario, 'sea', 3))).toEqual({
      markers: [
        [0, false, ['ukr-navy']],
        [3, false, ['fra-frigate']],
      ],
      outside: ['fra-late'],
    });
    expect(ids(domainArrivals(plan, 'firm', scenario, 'sea', 3))).toEqual({
      markers: [[0, false, ['ukr-navy']]],
      outside: [],
    });
  });

  it('describes each pledge for its tooltip: actor name, quantity, capability', () => {
    const [first] = domainArrivals(plan, 'europe-us', scenario, 'sea', 3).markers;
    expect(first?.pledges[0]).toMatchObject({
      id: 'ukr-navy',
      actor: 'UKR',
      actorName: 'Ukraine',
      quantity: 2,
      unit: 'frigate',
      capabilityName: 'Frigate',
      posture: 'in-place',
    });
  });

  it('keeps a backstop that the median path never calls out of the chart', () => {
    const holding = {
      ...scenario,
      domains: [{ ...sea, bands: { ...sea.bands, p50: [10, 10, 10, 10, 10, 10] } }],
    };
    const a = domainArrivals(plan, 'europe-us', holding, 'sea', 3);
    expect(a.outside.map((p) => [p.id, p.day])).toEqual([
      ['fra-late', 9],
      ['usa-backstop', undefined],
    ]);
  });
});
