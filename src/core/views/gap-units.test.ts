import { describe, expect, it } from 'vitest';
import { gapInUnits } from './gap-units.js';
import { smallPlan } from './testing/load-small-plan.js';

describe('gapInUnits', () => {
  const plan = smallPlan();
  const everyone = ['HOME', 'BIG', 'FAR'];

  it('keeps capabilities made for the domain, fewest units first', () => {
    // jet-sqn's land effect (1) is incidental; big-package is a backstop, not bought by the unit.
    const gap = { power: 24, units: { 'tank-bde': 6, 'jet-sqn': 24, 'big-package': 2.4 } };
    expect(gapInUnits(plan, everyone, 'land', gap)).toEqual([{ capability: 'tank-bde', units: 6 }]);
    const air = { power: 24, units: { 'jet-sqn': 2, sam: 3, 'big-package': 0.6 } };
    expect(gapInUnits(plan, everyone, 'air', air)).toEqual([
      { capability: 'jet-sqn', units: 2 },
      { capability: 'sam', units: 3 },
    ]);
  });

  it("prefers what the variant's actors can add", () => {
    // Alone, only HOME is in: it pledges sam, nobody in the variant has jets.
    const air = { power: 24, units: { 'jet-sqn': 2, sam: 3 } };
    expect(gapInUnits(plan, ['HOME'], 'air', air)).toEqual([{ capability: 'sam', units: 3 }]);
  });

  it('falls back rather than show nothing, and shows nothing for no gap', () => {
    const onlyIncidental = { power: 5, units: { 'jet-sqn': 5 } };
    expect(gapInUnits(plan, ['HOME'], 'land', onlyIncidental)).toEqual([{ capability: 'jet-sqn', units: 5 }]);
    expect(gapInUnits(plan, everyone, 'land', { power: 0, units: { 'tank-bde': 0 } })).toEqual([]);
  });
});
