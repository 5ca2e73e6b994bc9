import { describe, expect, it } from 'vitest';
import type { ScenarioResult, VariantResult } from '../engine/result-types.js';
import { scenarioResult } from './testing/results.js';
import { verdict } from './verdict.js';

const scenario = scenarioResult;
const variant = (...scenarios: ScenarioResult[]): VariantResult => ({
  id: 'v',
  value: 0,
  scenarios,
  actors: [],
});

describe('verdict', () => {
  it('is enough when every interval is at or above the target', () => {
    const v = verdict(variant(scenario('a', 0.9, [0.89, 0.91]), scenario('b', 0.85, [0.8, 0.9])), 0.8);
    expect(v).toMatchObject({ kind: 'enough', reached: 2, scenarios: 2 });
    expect(v.weakest?.id).toBe('b');
  });

  it('is not enough when some interval lies wholly below the target', () => {
    const v = verdict(variant(scenario('a', 0.9, [0.89, 0.91]), scenario('b', 0.22, [0.21, 0.23])), 0.8);
    expect(v).toMatchObject({ kind: 'not-enough', reached: 1 });
    expect(v.weakest?.id).toBe('b');
  });

  it('is borderline when the target is inside an interval and none is wholly below', () => {
    expect(verdict(variant(scenario('a', 0.81, [0.79, 0.83])), 0.8).kind).toBe('borderline');
    expect(verdict(variant(scenario('a', 0.79, [0.77, 0.8])), 0.8)).toMatchObject({
      kind: 'borderline',
      reached: 0,
    });
  });

  it('names the first of equally weak scenarios', () => {
    const v = verdict(variant(scenario('a', 0.5, [0.4, 0.6]), scenario('b', 0.5, [0.4, 0.6])), 0.8);
    expect(v.weakest?.id).toBe('a');
  });
});
