import { describe, expect, it } from 'vitest';
import { smallPlan } from '../core/views/testing/load-small-plan.js';
import { canonicalJson, planSha256 } from './plan-digest.js';

describe('the plan fingerprint', () => {
  it('writes JSON with keys sorted at every level and arrays in order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }, 3], c: undefined })).toBe(
      '{"a":[{"x":1,"y":2},3],"b":1}',
    );
  });

  it('does not depend on the order of keys', () => {
    const plan = smallPlan();
    const reordered = Object.fromEntries(Object.entries(plan).reverse()) as typeof plan;
    expect(planSha256(reordered)).toBe(planSha256(plan));
    expect(planSha256(plan)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when the plan changes', () => {
    const plan = smallPlan();
    expect(planSha256({ ...plan, title: 'Other' })).not.toBe(planSha256(plan));
  });
});
