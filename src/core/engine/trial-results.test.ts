import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate-plan.js';
import { normalizePlan } from '../plan/normalize.js';
import { planSchema } from '../plan/schema.js';
import { assess } from './assess.js';
import { runTrials, scenarioHolds, summarizeTrials } from './trial-results.js';

const plan = normalizePlan(
  planSchema.parse(generatePlan({ partners: 8, pledges: 40, scenarios: 2, horizonDays: 30, trials: 800 })),
);

describe('per-trial results', () => {
  it('summarise to exactly the assessment document', () => {
    expect(JSON.stringify(summarizeTrials(runTrials(plan)))).toBe(JSON.stringify(assess(plan)));
  });

  it('give per-trial scenario holds whose mean is the scenario pHold', () => {
    const results = runTrials(plan);
    const doc = summarizeTrials(results);
    doc.variants.forEach((variant, v) => {
      variant.scenarios.forEach((scenario, k) => {
        const holds = scenarioHolds(results, v, k);
        expect(holds.reduce((a, b) => a + b, 0) / holds.length).toBe(scenario.pHold);
      });
    });
  });
});

describe('a coalition restricts every variant with the same draws', () => {
  it('the coalition of every actor changes nothing', () => {
    const everyone = plan.actors.map((a) => a.id);
    expect(JSON.stringify(assess(plan, { coalition: everyone }))).toBe(JSON.stringify(assess(plan)));
  });

  it('a coalition without A0 equals the variant that excludes A0', () => {
    const withoutA0 = plan.actors.map((a) => a.id).filter((id) => id !== 'A0');
    const restricted = assess(plan, { variants: ['all'], coalition: withoutA0 }).variants[0];
    const excluded = assess(plan, { variants: ['without-A0'] }).variants[0];
    expect(restricted?.scenarios).toEqual(excluded?.scenarios);
    expect(restricted?.value).toBe(excluded?.value);
  });

  it('the empty coalition leaves the protected actor alone', () => {
    const doc = assess(plan, { variants: ['all'], coalition: [] });
    expect(doc.variants[0]?.actors).toEqual(['P']);
  });
});
