import { describe, expect, it } from 'vitest';
import type { PlanDiff } from '../../core/analyses/plan-diff/index.js';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import { renderPlanDiff } from './plan-diff.js';

const plan = smallPlan();
const doc = (changes: PlanDiff['changes']): PlanDiff => ({
  model: 1,
  plan: 'abc',
  from: { seq: 19, at: '2026-01-05T10:00:00.000Z' },
  to: { seq: 23, at: '2026-01-06T18:00:00.000Z' },
  changes,
  values: [
    {
      variant: 'all',
      before: 0.7,
      after: 0.66,
      delta: -0.04,
      scenarios: [{ id: 'air-raid', before: { pHold: 0.5, ci95: [0.45, 0.55] }, after: null }],
    },
  ],
  trials: 2000,
  seed: 7,
});
const by = { seq: 20, at: '2026-01-06T09:00:00.000Z', who: 'host', reason: 'summit', source: null };

describe('renderPlanDiff', () => {
  it('lists other entities with their fields, and values before → after', () => {
    const text = renderPlanDiff(
      doc([
        { entity: 'actor', id: 'FAR', change: 'removed', events: [by] },
        {
          entity: 'settings',
          id: '-',
          change: 'changed',
          fields: [{ field: 'trials', before: 2000, after: 500 }],
          events: [by, { ...by, seq: 21, who: 'BIG' }],
        },
      ]),
      plan,
      plan,
    );
    expect(text).toBe(
      [
        'Plan abc: from event 19 (2026-01-05T10:00:00.000Z) to event 23 (2026-01-06T18:00:00.000Z)',
        '',
        'Changes',
        "  actor FAR removed — host, 2026-01-06, 'summit'",
        "  settings changed: trials 2000 → 500 — BIG, 2026-01-06, 'summit' (and 1 earlier)",
        '',
        'Value per variant, before → after (same 2,000 trials, seed 7);',
        'below each, the chance the defence holds per scenario (95% interval)',
        '  variant           before     after  change',
        '  all                 0.70  →   0.66  (−0.04)',
        '    air-raid  50% (45–55%)  →      —',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(renderPlanDiff(doc([]), plan, plan)).toMatch(/\n\nNo changes\.\n\n/);
  });
});
