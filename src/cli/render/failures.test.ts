import { describe, expect, it } from 'vitest';
import type { FailureRule, Failures } from '../../core/analyses/failures/failures.js';
import { renderFailures } from './failures.js';

function rule(
  text: string,
  coverage: number,
  density: number,
  support: number,
  cumulative: number,
): FailureRule {
  return {
    conditions: [],
    text,
    coverage,
    density,
    support,
    trials: 0,
    failures: 0,
    cumulativeCoverage: cumulative,
  };
}

const doc: Failures = {
  model: 1,
  title: 'test',
  variant: 'europe-us',
  scenario: 'land-north',
  trials: 20000,
  seed: 1,
  failureRate: 0.38,
  ci95: [0.373, 0.387],
  failures: 7600,
  method: 'prim',
  features: 79,
  rules: [
    rule('USA did not honour and readiness of gbr-typhoon-sqn > 4 days', 0.63, 0.78, 0.3, 0.63),
    rule(
      'usa-backstop was not active and dnk-danish-model-bohdana was not active and nor-danish-model was not active',
      0.35,
      0.38,
      0.35,
      0.98,
    ),
  ],
};

describe('renderFailures', () => {
  it('gives the baseline, then each rule with coverage, density and support, within 100 columns', () => {
    const text = renderFailures(doc);
    expect(text).toMatch(/^When does land-north fail\? — variant europe-us$/m);
    expect(text).toMatch(/^20,000 trials · seed 1 · it fails in 38% \(37–39%\) of trials \(7,600\)$/m);
    expect(text).toMatch(/^ {2}1\. When USA did not honour and readiness of gbr-typhoon-sqn > 4 days$/m);
    expect(text).toMatch(/^ {5}coverage 63% · density 78% · support 30%$/m);
    expect(text).toMatch(/^ {2}2\. Otherwise, when usa-backstop was not active and /m);
    expect(text).toMatch(/^Together the rules cover 98% of the failures\.$/m);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('says so when there is nothing to explain', () => {
    expect(renderFailures({ ...doc, failures: 0, failureRate: 0, rules: [] })).toMatch(/never fails/);
    expect(renderFailures({ ...doc, failures: 20000, failureRate: 1, rules: [] })).toMatch(
      /fails in every trial/,
    );
    expect(renderFailures({ ...doc, rules: [] })).toMatch(
      /^No condition explains the failures better than chance/m,
    );
  });
});
