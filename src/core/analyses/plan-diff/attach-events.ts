/**
 * Who made each change: the ledger events (between the two points) that touched the changed entity.
 * The events come in as plain objects so the core does not depend on the store.
 */
import type { Source } from '../../plan/types.js';
import type { DiffEntity, PlanChange } from './diff-plans.js';

/** One ledger event, as far as attribution needs it. */
export interface ChangeEvent {
  readonly seq: number;
  /** ISO time the ledger stamped. */
  readonly at: string;
  /** The entity kind of the event (`pledge` for `pledge.updated`). */
  readonly entity: string;
  readonly entityId: string;
  readonly who: string;
  readonly reason: string;
  readonly source?: Source;
}

export interface Attribution {
  readonly seq: number;
  readonly at: string;
  readonly who: string;
  readonly reason: string;
  /** `null` where the event named no source. */
  readonly source: Source | null;
}

export interface AttributedChange extends PlanChange {
  /** Oldest first; empty when no event in the range touched the entity (should not happen). */
  readonly events: readonly Attribution[];
}

/** Each change with the events on its entity, in ledger order; events on unchanged entities are dropped. */
export function attachEvents(
  changes: readonly PlanChange[],
  events: readonly ChangeEvent[],
): AttributedChange[] {
  const byEntity = new Map<string, ChangeEvent[]>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const key = entityKey(event.entity, event.entityId);
    const list = byEntity.get(key);
    if (list === undefined) byEntity.set(key, [event]);
    else list.push(event);
  }
  return changes.map((change) => ({
    ...change,
    events: (byEntity.get(entityKey(change.entity, change.id)) ?? []).map(attribution),
  }));
}

function entityKey(entity: DiffEntity | string, id: string): string {
  return `${entity}\u0000${id}`;
}

function attribution(event: ChangeEvent): Attribution {
  return {
    seq: event.seq,
    at: event.at,
    who: event.who,
    reason: event.reason,
    source: event.source ?? null,
  };
}
