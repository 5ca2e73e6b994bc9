import { describe, expect, it } from 'vitest';
import { assess } from '../../engine/assess.js';
import type { Assessment, VariantResult } from '../../engine/result-types.js';
import { smallPlan } from '../../views/testing/load-small-plan.js';
import { scenarioResult } from '../../views/testing/results.js';
import { diffValues } from './diff-values.js';

const variant = (id: string, value: number, scenarios: [string, number][]): VariantResult => ({
  id,
  value,
  scenarios: scenarios.map(([s, p]) => scenarioResult(s, p, [p / 2, 1])),
  actors: [],
});
const doc = (variants: VariantResult[]) => ({ variants }) as unknown as Assessment;

describe('diffValues', () => {
  it('pairs variants and scenarios by id, null where one side lacks them', () => {
    const before = doc([variant('all', 0.5, [['a', 0.5]]), variant('gone', 0.2, [['a', 0.2]])]);
    const after = doc([
      variant('all', 0.75, [
        ['a', 0.6],
        ['b', 0.9],
      ]),
      variant('new', 0.4, [['a', 0.4]]),
    ]);
    expect(diffValues(before, after)).toEqual([
      {
        variant: 'all',
        before: 0.5,
        after: 0.75,
        delta: 0.25,
        scenarios: [
          { id: 'a', before: { pHold: 0.5, ci95: [0.25, 1] }, after: { pHold: 0.6, ci95: [0.3, 1] } },
          { id: 'b', before: null, after: { pHold: 0.9, ci95: [0.45, 1] } },
        ],
      },
      {
        variant: 'new',
        before: null,
        after: 0.4,
        delta: null,
        scenarios: [{ id: 'a', before: null, after: { pHold: 0.4, ci95: [0.2, 1] } }],
      },
      {
        variant: 'gone',
        before: 0.2,
        after: null,
        delta: null,
        scenarios: [{ id: 'a', before: { pHold: 0.2, ci95: [0.1, 1] }, after: null }],
      },
    ]);
  });

  it('shows a withdrawn pledge lowering the value on the same draws', () => {
    const before = smallPlan();
    const after = {
      ...before,
      pledges: before.pledges.map((p) => (p.id === 'big-jets' ? { ...p, status: 'withdrawn' as const } : p)),
    };
    const options = { trials: 300, seed: 3 };
    const [alone, all] = diffValues(assess(before, options), assess(after, options));
    // Without BIG the jets never counted; with everyone, losing them cannot help on common draws.
    expect(alone?.delta).toBe(0);
    expect(all?.delta).toBeLessThan(0);
  });
});
