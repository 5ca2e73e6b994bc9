import { describe, expect, it } from 'vitest';
import type { Plan, Pledge } from '../../plan/types.js';
import { smallPlan } from '../../views/testing/load-small-plan.js';
import { diffPlans } from './diff-plans.js';

const base = smallPlan();
const pledge = (id: string): Pledge => {
  const found = base.pledges.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no pledge ${id}`);
  return found;
};
const withPledges = (pledges: readonly Pledge[]): Plan => ({ ...base, pledges });

describe('diffPlans', () => {
  it('finds no change between a plan and itself', () => {
    expect(diffPlans(base, smallPlan())).toEqual([]);
  });

  it('reports a pledge added, and the same pledge removed the other way round', () => {
    const extra: Pledge = { ...pledge('big-jets'), id: 'big-more-jets', quantity: 1 };
    const after = withPledges([...base.pledges, extra]);
    expect(diffPlans(base, after)).toEqual([{ entity: 'pledge', id: 'big-more-jets', change: 'added' }]);
    expect(diffPlans(after, base)).toEqual([{ entity: 'pledge', id: 'big-more-jets', change: 'removed' }]);
  });

  it('reports a changed field with its values before and after', () => {
    const after = withPledges(
      base.pledges.map((p) => (p.id === 'big-jets' ? { ...p, quantity: 4, readinessDays: 1 } : p)),
    );
    expect(diffPlans(base, after)).toEqual([
      {
        entity: 'pledge',
        id: 'big-jets',
        change: 'changed',
        fields: [
          { field: 'quantity', before: 2, after: 4 },
          { field: 'readinessDays', before: 2, after: 1 },
        ],
      },
    ]);
  });

  it('calls a pledge whose status became withdrawn "withdrawn"', () => {
    const after = withPledges(
      base.pledges.map((p) => (p.id === 'far-tanks' ? { ...p, status: 'withdrawn' as const } : p)),
    );
    expect(diffPlans(base, after)).toEqual([
      {
        entity: 'pledge',
        id: 'far-tanks',
        change: 'withdrawn',
        fields: [{ field: 'status', before: 'announced', after: 'withdrawn' }],
      },
    ]);
  });

  it('reports an actor removed with the pledges that went with it', () => {
    const after: Plan = {
      ...base,
      actors: base.actors.filter((a) => a.id !== 'FAR'),
      pledges: base.pledges.filter((p) => p.actor !== 'FAR'),
    };
    expect(diffPlans(base, after)).toEqual([
      { entity: 'actor', id: 'FAR', change: 'removed' },
      { entity: 'pledge', id: 'far-tanks', change: 'removed' },
      { entity: 'pledge', id: 'far-sam-fund', change: 'removed' },
    ]);
  });

  it('reports settings, the title and a field that appears (absent = null)', () => {
    const after: Plan = {
      ...base,
      title: 'After the summit',
      actors: base.actors.map((a) => (a.id === 'HOME' ? { ...a, gdp: 1e11 } : a)),
      settings: {
        ...base.settings,
        trials: 500,
        bindingness: { ...base.settings.bindingness, executive: 0.99 },
      },
    };
    expect(diffPlans(base, after)).toEqual([
      {
        entity: 'plan',
        id: '-',
        change: 'changed',
        fields: [{ field: 'title', before: 'Small test plan', after: 'After the summit' }],
      },
      {
        entity: 'actor',
        id: 'HOME',
        change: 'changed',
        fields: [{ field: 'gdp', before: null, after: 1e11 }],
      },
      {
        entity: 'settings',
        id: '-',
        change: 'changed',
        fields: [
          { field: 'trials', before: 2000, after: 500 },
          {
            field: 'bindingness',
            before: base.settings.bindingness,
            after: { ...base.settings.bindingness, executive: 0.99 },
          },
        ],
      },
    ]);
  });

  it('keys spare capacity by actor and capability', () => {
    const after: Plan = { ...base, spare: [{ actor: 'BIG', capability: 'sam', quantity: 2 }] };
    expect(diffPlans(base, after)).toEqual([{ entity: 'spare', id: 'BIG/sam', change: 'added' }]);
  });

  it('ignores the order of object keys', () => {
    const after = withPledges(
      base.pledges.map((p) => Object.fromEntries(Object.entries(p).reverse()) as Pledge),
    );
    expect(diffPlans(base, after)).toEqual([]);
  });
});
