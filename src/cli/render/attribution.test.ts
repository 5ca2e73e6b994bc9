import { describe, expect, it } from 'vitest';
import { attribute } from '../../core/analyses/attribution/attribute.js';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { renderAttribution } from './attribution.js';
import { width } from './format.js';

describe('renderAttribution', () => {
  const plan = smallPlan();
  const exact = renderAttribution(attribute(plan, { variant: 'all', trials: 500, seed: 3 }), plan);
  const sampled = renderAttribution(
    attribute(plan, { variant: 'all', trials: 500, seed: 3, method: 'sampled' }),
    plan,
  );

  it('starts with the title, the question and how the values were found', () => {
    const lines = exact.split('\n');
    expect(lines[0]).toBe('Small test plan');
    expect(lines[1]).toMatch(/^Who carries all\? value 0\.\d\d with every partner, 0\.\d\d with none$/);
    expect(lines[2]).toBe('exact: every coalition in every trial · 500 trials · seed 3');
    expect(sampled.split('\n')[2]).toMatch(
      /^sampled: a random order .* · 500 trials · seed 3 · largest SE 0\.\d{4}$/,
    );
  });

  it('lists the actors by Shapley value with interval, share, bar, marginal and Owen', () => {
    expect(exact).toMatch(/^ {2}actor\s+bloc\s+Shapley \(95%\)\s+share\s+marginal\s+Owen$/m);
    expect(exact).toMatch(
      /^ {2}BIG\s+Big Ally\s+BIG\s+\d\.\d{3} \(\d\.\d{3}–\d\.\d{3}\)\s+\d+%\s+█+.?\s+\d\.\d{3}\s+\d\.\d{3}$/m,
    );
    expect(exact).toMatch(/^ {2}FAR\s+Far Partner\s+BIG\s+/m);
    expect(exact.indexOf('  BIG ')).toBeLessThan(exact.indexOf('  FAR '));
  });

  it('gives the blocs with their members and the efficiency check', () => {
    expect(exact).toMatch(/^ {2}BIG\s+\d\.\d{3}( \(\d\.\d{3}–\d\.\d{3}\))?\s+100%\s+BIG, FAR$/m);
    expect(exact).toMatch(/^ {2}check: Σ Shapley (\d\.\d{3}) = v\(N\) \1 − v\(∅\) \d\.\d{3}$/m);
    expect(exact).toContain('every order is counted exactly');
    expect(sampled).toContain('the random orders, not model uncertainty');
  });

  it('fits a 100-column terminal', () => {
    for (const line of [...exact.split('\n'), ...sampled.split('\n')]) {
      expect(width(line), line).toBeLessThanOrEqual(100);
    }
  });
});
