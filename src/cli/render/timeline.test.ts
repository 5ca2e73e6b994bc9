import { describe, expect, it } from 'vitest';
import { timeline } from '../../core/engine/timeline.js';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { width } from './format.js';
import { renderTimeline } from './timeline.js';

describe('renderTimeline', () => {
  const plan = smallPlan();
  const doc = timeline(plan, { variant: 'all', scenario: 'land-push', trials: 1000, seed: 3 });
  const text = renderTimeline(doc, plan);
  const lines = text.split('\n');

  it('heads with the scenario, the variant and how often it holds', () => {
    expect(lines[0]).toBe('Timeline — land-push: Land push');
    expect(lines[1]).toMatch(
      /^variant all · 1,000 trials · seed 3 · holds in \d+% \(\d+–\d+%\) of trials \(target 80%\)$/,
    );
  });

  it('prints day 0, the last day and the days where something changes, with p10/p50/p90 and req per domain', () => {
    expect(text).toMatch(/^ {8}land {16}air$/m);
    expect(text).toMatch(/^ {2}day {3}p10 p50 p90 req {5}p10 p50 p90 req {4}what changes$/m);
    expect(text).toMatch(/^ {4}0 .* 3 pledges act from day 0$/m);
    expect(text).toMatch(/^ {3}19 .*last day$/m);
    expect(text).toMatch(/land threat turns/);
    expect(text).toMatch(/big-jets arrives/);
  });

  it('marks days where the median power is below the requirement', () => {
    const row = lines.find((l) => /^ {4}0 /.test(l)) ?? '';
    // Day 0: land 12 ≥ 10 holds, air p50 16 < 30 falls short.
    expect(row).toMatch(/^ {4}0 +12 +12 +12 +10 {6}16 +16 +\d+ +30 !/);
  });

  it('lists the pledges with pActive and arrival days, then the outcome', () => {
    expect(text).toMatch(/^ {2}big-jets +BIG +\d+% +\d+% +\d+ \(\d+–\d+\) +land 2, air 24$/m);
    expect(text).toMatch(/^ {2}home-army +HOME +100% +100% +0 +land 12$/m);
    expect(text).toMatch(/^Outcome: the defence holds in \d+% \(\d+–\d+%\) of trials$/m);
  });

  it('fits a 100-column terminal', () => {
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(100);
  });
});

describe('renderTimeline with many domains', () => {
  it('splits the day table into groups that fit 100 columns', () => {
    const text = SMALL_PLAN_YAML.replace(
      'effect: { air: 12, land: 1 }',
      'effect: { air: 12, land: 1, sea: 1, cyber: 1, space: 1 }',
    ).replace(
      'threat: { land: [[0, 20], [5, 30]], air: [[0, 30]] }',
      'threat: { land: [[0, 20], [5, 30]], air: [[0, 30]], sea: [[0, 3]], cyber: [[0, 2]], space: [[0, 1]] }',
    );
    const plan = smallPlan(text);
    const doc = timeline(plan, { variant: 'all', scenario: 'land-push', trials: 200, seed: 1 });
    const lines = renderTimeline(doc, plan).split('\n');
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(100);
    expect(lines.filter((l) => /^ {2}day /.test(l))).toHaveLength(2);
  });
});
