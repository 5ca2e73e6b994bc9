/**
 * The current plan is a projection of the ledger: replay the events in order, get the plan as written
 * (plan-format data, before defaults), ready for `planFromData`. Pure: imports only the core and the
 * event vocabulary. The plan as of an event or a time is the projection of the events up to it.
 *
 * Incremental: `applyEvents` takes a projected state and more events and returns a new state (the old
 * one is left as it was), so a cached state of version v plus the events after v gives what the full
 * replay of all the events gives (projection.property.test.ts checks it on random sequences).
 */
import type { Issue } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';
import { actionOf, entityKindOf, type NewEvent, SINGLETON_ID, spareId } from './events.js';

type Entity = Readonly<Record<string, unknown>>;
type ListKind = 'actor' | 'capability' | 'pledge' | 'scenario' | 'variant' | 'spare';

/** Plan-format section of each entity kind kept as a list, in the format's order. */
const LISTS: readonly (readonly [ListKind, string])[] = [
  ['actor', 'actors'],
  ['capability', 'capabilities'],
  ['pledge', 'pledges'],
  ['scenario', 'scenarios'],
  ['spare', 'spare'],
  ['variant', 'variants'],
];

/** A projection after some events: never changed once made (`applyEvents` copies what it changes). */
export interface ProjectionState {
  /** How many events it holds: the index the next event gets in issue paths (`events[i]`). */
  readonly count: number;
  readonly header: Entity | undefined;
  readonly settings: Entity | undefined;
  /** Entities by id, in creation order (a Map keeps insertion order; an update keeps the position). */
  readonly lists: ReadonlyMap<ListKind, ReadonlyMap<string, Entity>>;
}

/** The projection of no events. */
export const EMPTY_PROJECTION: ProjectionState = {
  count: 0,
  header: undefined,
  settings: undefined,
  lists: new Map(LISTS.map(([kind]) => [kind, new Map()])),
};

/**
 * Replays `events` into plan data (the shape of a plan file). Entities keep the order they were created
 * in, so an imported file comes back in its own order. Fails on events that do not fit the state they
 * apply to (an update of an unknown entity, a second creation, an entity id that disagrees with its
 * payload), naming the event by its position.
 */
export function projectPlan(events: readonly NewEvent[]): Result<Record<string, unknown>, Issue[]> {
  const { state, issues } = apply(EMPTY_PROJECTION, events);
  const data = planDataOf(state);
  if (issues.length === 0) return data;
  return err(data.ok ? issues : [...issues, ...data.error]);
}

/**
 * `state` with `events` applied after it, as a new state; the issues of every event that does not fit,
 * with paths counted from the start of the ledger (`events[state.count + i]`), as a full replay names them.
 */
export function applyEvents(
  state: ProjectionState,
  events: readonly NewEvent[],
): Result<ProjectionState, Issue[]> {
  const applied = apply(state, events);
  return applied.issues.length > 0 ? err(applied.issues) : ok(applied.state);
}

function apply(
  state: ProjectionState,
  events: readonly NewEvent[],
): { readonly state: ProjectionState; readonly issues: Issue[] } {
  let header = state.header;
  let settings = state.settings;
  // Copy on first write: a list no event touches is shared with `state`.
  const lists = new Map(state.lists);
  const copied = new Set<ListKind>();
  const writable = (kind: ListKind): Map<string, Entity> => {
    if (!copied.has(kind)) {
      lists.set(kind, new Map(lists.get(kind)));
      copied.add(kind);
    }
    return lists.get(kind) as Map<string, Entity>;
  };
  const issues: Issue[] = [];
  const fail = (index: number, code: string, message: string): true => {
    issues.push({ code, severity: 'error', path: `events[${state.count + index}]`, message });
    return true;
  };

  // Each step returns once the event is applied (or refused); the loop only sequences them.
  const step = (event: NewEvent, index: number): unknown => {
    const entity = entityKindOf(event.kind);
    const action = actionOf(event.kind);
    if (entity === 'plan' || entity === 'settings') {
      if (event.entityId !== SINGLETON_ID) {
        return fail(index, 'LEDGER_BAD_ENTITY_ID', `${event.kind} takes the entity id "${SINGLETON_ID}"`);
      }
      const current = entity === 'plan' ? header : settings;
      if (action === 'created' && current !== undefined) {
        return fail(index, 'LEDGER_DUPLICATE_ENTITY', `${entity} already exists`);
      }
      if (action !== 'created' && current === undefined) {
        return fail(index, 'LEDGER_UNKNOWN_ENTITY', `${event.kind} before ${entity}.created`);
      }
      const next = action === 'withdrawn' ? undefined : event.payload;
      if (entity === 'plan') header = next;
      else settings = next;
      return;
    }
    const list = lists.get(entity);
    if (list === undefined) return fail(index, 'LEDGER_BAD_KIND', `unknown event kind ${event.kind}`);
    const existing = list.get(event.entityId);
    if (action !== 'withdrawn') {
      const id =
        entity === 'spare' ? spareId(event.payload.actor, event.payload.capability) : event.payload.id;
      if (id !== event.entityId) {
        return fail(
          index,
          'LEDGER_BAD_ENTITY_ID',
          `${event.kind} "${event.entityId}" carries ${entity} "${String(id)}"`,
        );
      }
    }
    switch (action) {
      case 'created':
        if (existing !== undefined) {
          return fail(index, 'LEDGER_DUPLICATE_ENTITY', `${entity} "${event.entityId}" already exists`);
        }
        writable(entity).set(event.entityId, event.payload);
        return;
      case 'updated':
      case 'withdrawn':
        if (existing === undefined) {
          return fail(index, 'LEDGER_UNKNOWN_ENTITY', `${event.kind}: no ${entity} "${event.entityId}"`);
        }
        if (action === 'updated') writable(entity).set(event.entityId, event.payload);
        else if (entity !== 'pledge') writable(entity).delete(event.entityId);
        else writable(entity).set(event.entityId, { ...existing, status: 'withdrawn' });
        return;
      default:
        return action satisfies never;
    }
  };
  events.forEach((event, index) => void step(event, index));
  return { state: { count: state.count + events.length, header, settings, lists }, issues };
}

/** The plan data of a state: fails (`LEDGER_NO_PLAN`) before the plan.created event. */
export function planDataOf(state: ProjectionState): Result<Record<string, unknown>, Issue[]> {
  if (state.header === undefined) {
    return err([{ code: 'LEDGER_NO_PLAN', severity: 'error', path: '', message: 'no plan.created event' }]);
  }
  const plan: Record<string, unknown> = { guarantor: 1, ...state.header };
  for (const [kind, section] of LISTS) {
    const values = [...(state.lists.get(kind)?.values() ?? [])];
    // Optional sections appear only when they hold something; the required ones always.
    if (values.length > 0 || (kind !== 'spare' && kind !== 'variant')) plan[section] = values;
  }
  if (state.settings !== undefined) plan.settings = state.settings;
  return ok(plan);
}
