import { describe, expect, it } from 'vitest';
import type { VariantResult } from '../../core/engine/result-types.js';
import { scenarioResult } from '../../core/views/testing/results.js';
import { verdictLines } from './verdict-line.js';

const scenario = scenarioResult;

const europeOnly: VariantResult = {
  id: 'europe-only',
  value: 0.392,
  actors: [],
  scenarios: [
    scenario('sea-odesa', 0.349, [0.342, 0.356]),
    scenario('land-north', 0.222, [0.2163, 0.2278]),
    scenario('east-offensive', 0.85, [0.845, 0.855]),
    scenario('air-campaign', 0.257, [0.251, 0.263]),
  ],
};

describe('verdictLines', () => {
  it('answers "is it enough?" in one line when it fits', () => {
    expect(verdictLines(europeOnly, 0.8, 120)).toEqual([
      'europe-only: value 0.39 — NOT ENOUGH: 1 of 4 scenarios reach the 80% target; weakest land-north 22% (21–23%)',
    ]);
  });

  it('wraps the detail under the verdict in a narrow terminal', () => {
    expect(verdictLines(europeOnly, 0.8, 100)).toEqual([
      'europe-only: value 0.39 — NOT ENOUGH',
      '  1 of 4 scenarios reach the 80% target; weakest land-north 22% (21–23%)',
    ]);
  });

  it('says ENOUGH and BORDERLINE', () => {
    const strong: VariantResult = {
      ...europeOnly,
      value: 0.9,
      scenarios: [scenario('a', 0.9, [0.89, 0.91])],
    };
    expect(verdictLines(strong, 0.8)[0]).toBe(
      'europe-only: value 0.90 — ENOUGH: all 1 scenario reaches the 80% target; weakest a 90% (89–91%)',
    );
    const close: VariantResult = { ...strong, scenarios: [scenario('a', 0.8, [0.79, 0.81])] };
    expect(verdictLines(close, 0.8, 200)[0]).toContain(
      'BORDERLINE: all 1 scenario reaches the 80% target, some within sampling noise',
    );
  });
});
