import { describe, expect, it } from 'vitest';
import { checkPriorMapping, proposePrior } from './prior.js';

describe('proposePrior', () => {
  it('maps delivered ÷ committed linearly between floor and ceiling', () => {
    expect(proposePrior({ allocated: 5, committed: 10 })).toEqual({ deliveredRatio: 0.5, prior: 0.625 });
    expect(proposePrior({ allocated: 0, committed: 10 })?.prior).toBe(0.3);
    expect(proposePrior({ allocated: 10, committed: 10 }, { floor: 0.5, ceiling: 0.9 })?.prior).toBe(0.9);
  });

  it('clamps a donor that delivered more than it committed to the ceiling', () => {
    expect(proposePrior({ allocated: 0.513, committed: 0.389 })).toEqual({
      deliveredRatio: 1.3188,
      prior: 0.95,
    });
  });

  it('proposes nothing without commitments', () => {
    expect(proposePrior({ allocated: 1, committed: 0 })).toBeUndefined();
  });
});

describe('checkPriorMapping', () => {
  it('accepts 0 ≤ floor ≤ ceiling ≤ 1 and rejects the rest', () => {
    expect(checkPriorMapping({ floor: 0.3, ceiling: 0.95 }).ok).toBe(true);
    expect(checkPriorMapping({ floor: 0.9, ceiling: 0.3 }).ok).toBe(false);
    expect(checkPriorMapping({ floor: -0.1, ceiling: 0.3 }).ok).toBe(false);
    expect(checkPriorMapping({ floor: 0.1, ceiling: 1.2 }).ok).toBe(false);
  });
});
