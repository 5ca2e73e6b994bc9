import { describe, expect, it } from 'vitest';
import { attachEvents, type ChangeEvent } from './attach-events.js';
import type { PlanChange } from './diff-plans.js';

const event = (seq: number, entity: string, entityId: string, extra: Partial<ChangeEvent> = {}) => ({
  seq,
  at: `2026-01-0${seq}T12:00:00.000Z`,
  entity,
  entityId,
  who: 'host',
  reason: `reason ${seq}`,
  ...extra,
});

describe('attachEvents', () => {
  it('gives each change the events on its entity, oldest first, with a null source when none', () => {
    const changes: PlanChange[] = [
      { entity: 'pledge', id: 'fra-brigade', change: 'added' },
      { entity: 'settings', id: '-', change: 'changed', fields: [{ field: 'trials', before: 1, after: 2 }] },
    ];
    const source = { title: 'Paris Declaration', url: 'https://example.org/paris' };
    const events = [
      event(3, 'pledge', 'fra-brigade', { who: 'FRA', source }),
      event(2, 'settings', '-'),
      event(1, 'pledge', 'fra-brigade'),
      // Same id, another kind: not this change's.
      event(4, 'actor', 'fra-brigade'),
      // Touched and put back: no change, so no line.
      event(5, 'pledge', 'deu-jets'),
    ];
    expect(attachEvents(changes, events)).toEqual([
      {
        ...changes[0],
        events: [
          { seq: 1, at: '2026-01-01T12:00:00.000Z', who: 'host', reason: 'reason 1', source: null },
          { seq: 3, at: '2026-01-03T12:00:00.000Z', who: 'FRA', reason: 'reason 3', source },
        ],
      },
      {
        ...changes[1],
        events: [{ seq: 2, at: '2026-01-02T12:00:00.000Z', who: 'host', reason: 'reason 2', source: null }],
      },
    ]);
  });

  it('returns no changes for no changes', () => {
    expect(attachEvents([], [event(1, 'pledge', 'x')])).toEqual([]);
  });
});
