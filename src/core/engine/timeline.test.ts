/**
 * The day-by-day view of one scenario: per pledge how often it is active and when it arrives, from the
 * same draws as `assess`.
 */
import { describe, expect, it } from 'vitest';
import { assess } from './assess.js';
import { actor, capability, DETERMINISTIC, makePlan, pledge, scenarioOf } from './test-plans.js';
import { timeline } from './timeline.js';

describe('timeline', () => {
  const plan = makePlan({
    actors: [actor('A', 1)],
    capabilities: [capability('u', { air: 1 }), capability('bs', { air: 5 })],
    pledges: [
      pledge('late', 'A', 'u', 10, 'on-call', { readinessDays: 2.5 }),
      pledge('now', 'UKR', 'u', 10, 'in-place'),
      pledge('backstop', 'A', 'bs', 1, 'backstop', { readinessDays: 1 }),
    ],
    scenarios: [
      { id: 's', horizonDays: 6, threat: { air: [[0, 15]] } },
      { id: 'calm', horizonDays: 6, threat: { air: [[0, 5]] } },
    ],
    settings: DETERMINISTIC,
  });

  it("reports the arrival day ⌈δ⌉ of each active pledge, a backstop's counted from t*", () => {
    const t = timeline(plan, { variant: 'all', scenario: 's', trials: 4 });
    const byId = Object.fromEntries(t.pledges.map((p) => [p.pledge, p]));
    expect(byId.now?.day).toEqual({ p10: 0, p50: 0, p90: 0 });
    expect(byId.late?.day).toEqual({ p10: 3, p50: 3, p90: 3 });
    expect(byId.late?.pActive).toBe(1);
    // P = 10 < 15 on days 0–2 (K = 3): t* = 2, the backstop arrives on day 3.
    expect(byId.backstop?.day).toEqual({ p10: 3, p50: 3, p90: 3 });
    expect(byId.backstop?.power).toEqual({ air: 5 });
    expect(t.scenario).toEqual(scenarioOf(assess(plan, { trials: 4 }), 'all', 's'));
  });

  it('an uncalled backstop is active but never arrives', () => {
    const t = timeline(plan, { variant: 'all', scenario: 'calm', trials: 4 });
    const backstop = t.pledges.find((p) => p.pledge === 'backstop');
    expect(backstop?.pActive).toBe(1);
    expect(backstop?.pArrives).toBe(0);
    expect(backstop?.day).toBeNull();
  });
});

describe('timeline and assess', () => {
  it('see the same trials: the scenario result is the assessment of that variant and scenario', () => {
    const plan = makePlan({
      actors: [actor('A', 0.7), actor('B', 0.6)],
      capabilities: [capability('u', { air: 1 })],
      pledges: [
        pledge('a', 'A', 'u', 10, 'on-call', { readinessDays: 3 }),
        pledge('b', 'B', 'u', 8, 'in-place'),
        pledge('now', 'UKR', 'u', 4, 'in-place'),
      ],
      scenarios: [
        {
          id: 's',
          horizonDays: 10,
          threat: {
            air: [
              [0, 10],
              [9, 20],
            ],
          },
        },
      ],
    });
    const t = timeline(plan, { variant: 'all', scenario: 's', trials: 3000 });
    const a = assess(plan, { variants: ['all'], scenarios: ['s'], trials: 3000 });
    expect(t.scenario).toEqual(a.variants[0]?.scenarios[0]);
  });
});
