import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, type NewEvent } from './events.js';
import { projectPlan } from './projection.js';

const by = { who: 'w', reason: 'r' };
const header: NewEvent = { kind: 'plan.created', entityId: '-', payload: { protected: 'UKR' }, ...by };
const actor = (id: string, extra: Record<string, unknown> = {}): NewEvent => ({
  kind: 'actor.created',
  entityId: id,
  payload: { id, ...extra },
  ...by,
});

describe('projectPlan', () => {
  it('has created, updated and withdrawn for every entity kind, and no plan.withdrawn', () => {
    expect(EVENT_KINDS).toHaveLength(8 * 3 - 1);
    expect(EVENT_KINDS).toContain('spare.withdrawn');
    expect(EVENT_KINDS).not.toContain('plan.withdrawn');
  });

  it('keeps creation order, replaces on update, removes on withdrawal (pledges: status withdrawn)', () => {
    const pledge = { id: 'p', actor: 'B', capability: 'c', posture: 'on-call' };
    const result = projectPlan([
      header,
      actor('A'),
      actor('B'),
      { kind: 'actor.updated', entityId: 'A', payload: { id: 'A', reliability: 0.5 }, ...by },
      actor('C'),
      { kind: 'actor.withdrawn', entityId: 'C', payload: {}, ...by },
      { kind: 'pledge.created', entityId: 'p', payload: pledge, ...by },
      { kind: 'pledge.withdrawn', entityId: 'p', payload: {}, ...by },
      { kind: 'settings.created', entityId: '-', payload: { trials: 10 }, ...by },
      { kind: 'plan.updated', entityId: '-', payload: { title: 'T', protected: 'A' }, ...by },
    ]);
    expect(result).toEqual({
      ok: true,
      value: {
        guarantor: 1,
        title: 'T',
        protected: 'A',
        actors: [{ id: 'A', reliability: 0.5 }, { id: 'B' }],
        capabilities: [],
        pledges: [{ ...pledge, status: 'withdrawn' }],
        scenarios: [],
        settings: { trials: 10 },
      },
    });
  });

  it('refuses events that do not fit: duplicates, unknown entities, mismatched ids, no plan', () => {
    const codes = (events: NewEvent[]) => {
      const result = projectPlan(events);
      return result.ok ? [] : result.error.map((i) => i.code);
    };
    expect(codes([header, actor('A'), actor('A')])).toEqual(['LEDGER_DUPLICATE_ENTITY']);
    expect(codes([header, { kind: 'actor.updated', entityId: 'X', payload: { id: 'X' }, ...by }])).toEqual([
      'LEDGER_UNKNOWN_ENTITY',
    ]);
    expect(codes([header, { ...actor('A'), entityId: 'B' }])).toEqual(['LEDGER_BAD_ENTITY_ID']);
    expect(codes([actor('A')])).toEqual(['LEDGER_NO_PLAN']);
  });
});
