/**
 * Closed-form cases: plans whose failures have a known cause (MODEL.md §2–4 worked by hand).
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../engine/assess.js';
import {
  actor,
  binomialTolerance,
  CERTAIN_BINDINGNESS,
  capability,
  flatScenario,
  makePlan,
  PROTECTED,
  pledge,
} from '../../engine/test-plans.js';
import { failures } from './failures.js';
import { trialFeatures } from './trial-features.js';

const TRIALS = 20000;

describe('failures of a scenario that fails exactly when X does not honour', () => {
  // X's force (10) meets the threat (10) alone; Y's (1) cannot: the scenario holds iff X honours.
  const plan = makePlan({
    actors: [actor('X', 0.6), actor('Y', 0.7)],
    capabilities: [capability('big', { land: 10 }), capability('small', { land: 1 })],
    pledges: [pledge('x-force', 'X', 'big', 1, 'on-call'), pledge('y-force', 'Y', 'small', 1, 'on-call')],
    scenarios: [flatScenario('s', 10, { land: 10 })],
    settings: { bindingness: CERTAIN_BINDINGNESS, trials: TRIALS },
  });
  const doc = failures(plan, { variant: 'all', scenario: 's' });

  it('has the baseline of assess, on the same trials', () => {
    const pHold = assess(plan).variants[0]?.scenarios[0]?.pHold ?? Number.NaN;
    expect(doc.failureRate).toBe(1 - pHold);
    expect(Math.abs(doc.failureRate - 0.4)).toBeLessThan(binomialTolerance(0.4, TRIALS));
    expect(doc).toMatchObject({
      model: 1,
      variant: 'all',
      scenario: 's',
      trials: TRIALS,
      seed: 1,
      method: 'prim',
    });
  });

  it('names "X did not honour" alone, with coverage and density 100%', () => {
    expect(doc.rules).toHaveLength(1);
    const [rule] = doc.rules;
    // x-force is active exactly when X honours (β = 1): the tie goes to the actor, listed first.
    expect(rule?.conditions).toEqual([
      { kind: 'honoured', subject: 'X', value: false, text: 'X did not honour' },
    ]);
    expect(rule).toMatchObject({ text: 'X did not honour', coverage: 1, density: 1, cumulativeCoverage: 1 });
    expect(rule?.support).toBe(doc.failureRate);
  });
});

describe('failures with two causes: X does not honour, or pledge p arrives late', () => {
  // Threat 20 for 20 days, tolerance 10% (40 power-days). X (r = 0.7) brings 10 from day 0; p (Y,
  // always honoured) brings 10 from day ⌈δ⌉, δ = 4·exp(0.35·W). Without X the shortfall is ≥ 50%;
  // with X it is 10·⌈δ⌉/400, within 10% iff ⌈δ⌉ ≤ 4 iff W ≤ 0 (probability 1/2).
  // So P(fail) = 0.3 + 0.7 · 0.5 = 0.65.
  const plan = makePlan({
    actors: [actor('X', 0.7), actor('Y', 1)],
    capabilities: [capability('force', { land: 10 })],
    pledges: [
      pledge('x-force', 'X', 'force', 1, 'on-call'),
      pledge('p', 'Y', 'force', 1, 'on-call', { readinessDays: 4 }),
    ],
    scenarios: [flatScenario('s', 20, { land: 20 })],
    settings: { bindingness: CERTAIN_BINDINGNESS, trials: TRIALS },
  });
  const doc = failures(plan, { variant: 'all', scenario: 's', seed: 2 });

  it('finds both, each failing in every trial it covers, together covering every failure', () => {
    expect(Math.abs(doc.failureRate - 0.65)).toBeLessThan(binomialTolerance(0.65, TRIALS));
    expect(doc.rules.map((r) => r.text)).toEqual(['X did not honour', 'readiness of p > 4 days']);
    expect(doc.rules[1]?.conditions).toEqual([
      { kind: 'arrival', subject: 'p', readinessAbove: 4, text: 'readiness of p > 4 days' },
    ]);
    for (const r of doc.rules) expect(r.density).toBe(1);
    expect(doc.rules[1]?.cumulativeCoverage).toBe(1);
    // Rule 1 holds the 30% of trials where X fails; rule 2 the late arrivals among the rest (35%).
    const [first, second] = doc.rules;
    expect(Math.abs((first?.support ?? 0) - 0.3)).toBeLessThan(binomialTolerance(0.3, TRIALS));
    expect(Math.abs((second?.support ?? 0) - 0.35)).toBeLessThan(binomialTolerance(0.35, TRIALS));
    expect(Math.abs((first?.coverage ?? 0) - 0.3 / 0.65)).toBeLessThan(0.02);
  });

  it('is the same document for the same seed', () => {
    expect(failures(plan, { variant: 'all', scenario: 's', seed: 2 })).toEqual(doc);
  });
});

describe('per-trial features', () => {
  // A backstop (readiness 2) is the only defence: the defence fails on days 0, 1, 2, so it is called
  // on day 2 (K = 3) whenever it is active. In "quiet" the protected actor holds alone: never called.
  const plan = makePlan({
    actors: [actor('B', 0.6)],
    capabilities: [capability('force', { land: 10 }), capability('package', { land: 30 })],
    pledges: [
      pledge('home', PROTECTED, 'force', 1, 'in-place', { triggers: ['quiet'] }),
      pledge('b-backstop', 'B', 'package', 1, 'backstop', { readinessDays: 2, bindingness: 'political' }),
    ],
    scenarios: [
      flatScenario('hot', 10, { land: 10 }),
      flatScenario('quiet', 10, { land: 10 }, { tags: ['quiet'] }),
    ],
    settings: { trials: 2000 },
  });

  it('record who honoured, what was active, arrival days capped at the horizon, and backstop calls', () => {
    const hot = trialFeatures(plan, { variant: 'all', scenario: 'hot' });
    expect(hot.features.map((f) => `${f.kind}:${f.subject}`)).toEqual([
      'honoured:B',
      'active:b-backstop',
      'arrival:b-backstop',
      'backstop-called:b-backstop',
    ]);
    const [honoured, active, arrival, called] = hot.features;
    expect(called?.values).toEqual(active?.values);
    expect(Math.max(...(arrival?.values ?? []))).toBeLessThanOrEqual(10);
    // Active needs honour (and β = 0.5): never active without it.
    honoured?.values.forEach((h, i) => {
      if (h === 0) expect(active?.values[i]).toBe(0);
    });
    // It fails without the backstop; with it, power 30 from day 2 + ⌈δ⌉ decides.
    active?.values.forEach((a, i) => {
      if (a === 0) expect(hot.fails[i]).toBe(1);
    });
  });

  it('leave out what does not vary (a backstop never called)', () => {
    const quiet = trialFeatures(plan, { variant: 'all', scenario: 'quiet' });
    expect(quiet.features.map((f) => f.kind)).not.toContain('backstop-called');
    expect(quiet.fails.every((f) => f === 0)).toBe(true);
  });
});
