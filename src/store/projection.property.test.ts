/**
 * The incremental projection is the full one: for random event sequences (duplicates, unknown entities,
 * mismatched ids, withdrawals, settings and header changes included), applying the events in pieces to
 * a projected state gives what replaying them all at once gives — the plan, or the same issues.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, type EventKind, entityKindOf, type NewEvent, SINGLETON_ID, spareId } from './events.js';
import { applyEvents, EMPTY_PROJECTION, planDataOf, projectPlan } from './projection.js';

const IDS = ['a', 'b', 'c'];
const ACTORS = ['X', 'Y'];

/** An event of any kind on a small set of ids, so that events often meet the same entity. */
const event: fc.Arbitrary<NewEvent> = fc
  .record({
    kind: fc.constantFrom(...EVENT_KINDS),
    id: fc.constantFrom(...IDS),
    actor: fc.constantFrom(...ACTORS),
    value: fc.integer({ min: 0, max: 9 }),
    // Now and then a payload whose id disagrees with the event's entity id.
    mismatch: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    singletonId: fc.constantFrom(SINGLETON_ID, SINGLETON_ID, SINGLETON_ID, 'x'),
  })
  .map(({ kind, id, actor, value, mismatch, singletonId }): NewEvent => {
    const entity = entityKindOf(kind as EventKind);
    const by = { who: 'w', reason: 'r' };
    if (entity === 'plan' || entity === 'settings') {
      return { kind, entityId: singletonId, payload: { protected: actor, trials: value }, ...by };
    }
    if (entity === 'spare') {
      const payload = { actor, capability: id, quantity: value };
      return { kind, entityId: spareId(actor, mismatch ? 'z' : id), payload, ...by };
    }
    return { kind, entityId: id, payload: { id: mismatch ? 'z' : id, value }, ...by };
  });

/** Mostly starting with plan.created, as every real ledger does. */
const ledger = fc.tuple(fc.nat(4), fc.array(event, { maxLength: 30 })).map(([created, events]) =>
  created > 0
    ? [
        {
          kind: 'plan.created',
          entityId: SINGLETON_ID,
          payload: { protected: 'X' },
          who: 'w',
          reason: 'r',
        } as NewEvent,
        ...events,
      ]
    : events,
);

describe('applyEvents (incremental projection)', () => {
  it('gives the full replay when the events come in two pieces', () => {
    fc.assert(
      fc.property(ledger, fc.nat(), (events, at) => {
        const cut = at % (events.length + 1);
        const prefix = applyEvents(EMPTY_PROJECTION, events.slice(0, cut));
        // Only a prefix that applied is ever cached: the ledger holds no event that does not.
        fc.pre(prefix.ok);
        if (!prefix.ok) return;
        const before = planDataOf(prefix.value);
        const rest = applyEvents(prefix.value, events.slice(cut));
        const full = projectPlan(events);
        if (rest.ok) {
          expect(planDataOf(rest.value)).toEqual(full);
        } else {
          // The same issues, named by their place in the whole ledger (the full replay may add LEDGER_NO_PLAN).
          expect(full.ok).toBe(false);
          if (!full.ok) expect(full.error.slice(0, rest.error.length)).toEqual(rest.error);
        }
        // The state it started from is unchanged.
        expect(planDataOf(prefix.value)).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the full replay when the events come one at a time', () => {
    fc.assert(
      fc.property(ledger, (events) => {
        let state = EMPTY_PROJECTION;
        for (const one of events) {
          const next = applyEvents(state, [one]);
          if (!next.ok) {
            expect(projectPlan(events).ok).toBe(false);
            return;
          }
          state = next.value;
        }
        expect(state.count).toBe(events.length);
        expect(planDataOf(state)).toEqual(projectPlan(events));
      }),
      { numRuns: 500 },
    );
  });
});
