/**
 * MODEL.md §3–4, requirement and outcome: threat interpolation, requiredRatio, tolerance (inclusive),
 * unthreatened domains.
 */
import { describe, expect, it } from 'vitest';
import {
  capability,
  DETERMINISTIC,
  domainOf,
  flatScenario,
  makePlan,
  pHolds,
  pledge,
  run,
  scenarioOf,
} from './test-plans.js';
import { requirementSeries, threatAt } from './threat.js';

describe('threat interpolation', () => {
  it('is linear between points and flat before the first and after the last', () => {
    const pts = [
      [2, 10],
      [6, 30],
      [8, 0],
    ] as const;
    expect(threatAt(pts, 0)).toBe(10);
    expect(threatAt(pts, 2)).toBe(10);
    expect(threatAt(pts, 3)).toBe(15);
    expect(threatAt(pts, 5)).toBe(25);
    expect(threatAt(pts, 6)).toBe(30);
    expect(threatAt(pts, 7)).toBe(15);
    expect(threatAt(pts, 8)).toBe(0);
    expect(threatAt(pts, 100)).toBe(0);
    expect(threatAt([[3, 7]], 0)).toBe(7);
    expect(threatAt([[3, 7]], 9)).toBe(7);
  });

  it('a step (two points on one day) has the earlier level on that day and the later one after', () => {
    const step = [
      [0, 0],
      [4, 0],
      [4, 10],
    ] as const;
    expect(Array.from(requirementSeries(step, 1, 7))).toEqual([0, 0, 0, 0, 0, 10, 10]);
    // MODEL.md does not say which level a step has on its own day; the engine takes the first (0).
    expect(threatAt(step, 4)).toBe(0);
  });

  it('the requirement array is requiredRatio · threat(t) at integer days, from unsorted points too', () => {
    const plan = makePlan({
      scenarios: [
        {
          id: 's',
          horizonDays: 10,
          threat: {
            land: [
              [6, 30],
              [2, 10],
            ],
            air: [[0, 4]],
            sea: [
              [0.5, 0],
              [2.5, 8],
            ],
          },
          requiredRatio: { land: 0.5 },
        },
      ],
    });
    const a = run(plan, 1);
    expect(domainOf(a, 'all', 's', 'land').requirement).toEqual([5, 5, 5, 7.5, 10, 12.5, 15, 15, 15, 15]);
    // requiredRatio defaults to 1.
    expect(domainOf(a, 'all', 's', 'air').requirement).toEqual(Array(10).fill(4));
    // Fractional days: interpolated at t = 0, 1, 2, 3 …
    expect(domainOf(a, 'all', 's', 'sea').requirement).toEqual([0, 2, 6, 8, 8, 8, 8, 8, 8, 8]);
  });
});

describe('tolerance and holding', () => {
  // Requirement 10 on each of 10 days (Σ R = 100); a protected on-call pledge of power 10 arrives on
  // day `late`, so the shortfall share is 10·late/100.
  const scenarioFor = (late: number, tolerance?: number) =>
    flatScenario(
      `late${late}${tolerance === undefined ? '' : `-tol${tolerance}`}`,
      10,
      { air: 10 },
      {
        tags: [`late${late}`],
        ...(tolerance === undefined ? {} : { tolerance: { air: tolerance } }),
      },
    );
  const plan = makePlan({
    capabilities: [capability('u', { air: 1 })],
    pledges: [1, 2].map((late) =>
      pledge(`p${late}`, 'UKR', 'u', 10, 'on-call', { readinessDays: late, triggers: [`late${late}`] }),
    ),
    scenarios: [scenarioFor(1), scenarioFor(2), scenarioFor(2, 0.2), scenarioFor(2, 0.19)],
    settings: DETERMINISTIC,
  });
  const a = run(plan, 3);
  const p = pHolds(a, 'all');

  it('the default tolerance is 0.1 and S = tolerance holds (boundary inclusive)', () => {
    expect(domainOf(a, 'all', 'late1', 'air').meanShortfall).toBeCloseTo(0.1, 15);
    expect(p.late1).toBe(1);
  });

  it('a shortfall above the tolerance fails', () => {
    expect(domainOf(a, 'all', 'late2', 'air').meanShortfall).toBeCloseTo(0.2, 15);
    expect(p.late2).toBe(0);
    expect(p['late2-tol0.19']).toBe(0);
  });

  it('an explicit tolerance replaces the default', () => {
    expect(p['late2-tol0.2']).toBe(1);
  });

  it('an unthreatened domain (all-zero threat) always holds, with mean shortfall 0 and no gap', () => {
    const plan2 = makePlan({
      capabilities: [capability('u', { air: 1 })],
      pledges: [pledge('p', 'UKR', 'u', 10, 'in-place', { triggers: ['ok'] })],
      scenarios: [
        flatScenario('ok', 5, { air: 10, sea: 0 }, { tags: ['ok'] }),
        flatScenario('bad', 5, { air: 10, sea: 0 }, { tags: ['bad'] }),
        {
          id: 'zero-ratio',
          horizonDays: 5,
          threat: { sea: [[0, 50]] },
          requiredRatio: { sea: 0 },
          tags: ['bad'],
        },
      ],
      settings: DETERMINISTIC,
    });
    const b = run(plan2, 5);
    for (const s of ['ok', 'bad']) {
      const sea = domainOf(b, 'all', s, 'sea');
      expect(sea.pHold).toBe(1);
      expect(sea.meanShortfall).toBe(0);
      expect(sea.gap.power).toBe(0);
    }
    expect(scenarioOf(b, 'all', 'ok').pHold).toBe(1);
    // The scenario fails because air does; sea does not change that.
    expect(scenarioOf(b, 'all', 'bad').pHold).toBe(0);
    expect(domainOf(b, 'all', 'bad', 'air').meanShortfall).toBe(1);
    // A scenario whose only domain is unthreatened holds.
    expect(scenarioOf(b, 'all', 'zero-ratio').pHold).toBe(1);
    expect(domainOf(b, 'all', 'zero-ratio', 'sea').meanShortfall).toBe(0);
  });

  it('a domain holds iff S ≤ tolerance for partial power too: S = Σ max(0, R − P)/Σ R', () => {
    // R = 10 per day for 4 days, power 7 from day 0: S = 4·3/40 = 0.3.
    const plan3 = makePlan({
      capabilities: [capability('u', { air: 1 })],
      pledges: [pledge('p', 'UKR', 'u', 7, 'in-place')],
      scenarios: [
        flatScenario('s3', 4, { air: 10 }, { tolerance: { air: 0.3 } }),
        flatScenario('s29', 4, { air: 10 }, { tolerance: { air: 0.29 } }),
      ],
    });
    const c = run(plan3, 2);
    expect(domainOf(c, 'all', 's3', 'air').meanShortfall).toBeCloseTo(0.3, 15);
    expect(pHolds(c, 'all').s3).toBe(1);
    expect(pHolds(c, 'all').s29).toBe(0);
  });
});
