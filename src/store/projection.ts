/**
 * The current plan is a projection of the ledger: replay the events in order, get the plan as written
 * (plan-format data, before defaults), ready for `planFromData`. Pure: imports only the core and the
 * event vocabulary. The plan as of an event or a time is the projection of the events up to it.
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

/**
 * Replays `events` into plan data (the shape of a plan file). Entities keep the order they were created
 * in, so an imported file comes back in its own order. Fails on events that do not fit the state they
 * apply to (an update of an unknown entity, a second creation, an entity id that disagrees with its
 * payload), naming the event by its position.
 */
export function projectPlan(events: readonly NewEvent[]): Result<Record<string, unknown>, Issue[]> {
  let header: Entity | undefined;
  let settings: Entity | undefined;
  const lists = new Map<ListKind, Map<string, Entity>>(LISTS.map(([kind]) => [kind, new Map()]));
  const issues: Issue[] = [];
  const fail = (index: number, code: string, message: string): true => {
    issues.push({ code, severity: 'error', path: `events[${index}]`, message });
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
        list.set(event.entityId, event.payload);
        return;
      case 'updated':
      case 'withdrawn':
        if (existing === undefined) {
          return fail(index, 'LEDGER_UNKNOWN_ENTITY', `${event.kind}: no ${entity} "${event.entityId}"`);
        }
        if (action === 'updated') list.set(event.entityId, event.payload);
        else if (entity === 'pledge') list.set(event.entityId, { ...existing, status: 'withdrawn' });
        else list.delete(event.entityId);
        return;
      default:
        return action satisfies never;
    }
  };
  events.forEach((event, index) => void step(event, index));

  if (header === undefined) {
    issues.push({ code: 'LEDGER_NO_PLAN', severity: 'error', path: '', message: 'no plan.created event' });
  }
  if (issues.length > 0 || header === undefined) return err(issues);
  const plan: Record<string, unknown> = { guarantor: 1, ...header };
  for (const [kind, section] of LISTS) {
    const values = [...(lists.get(kind)?.values() ?? [])];
    // Optional sections appear only when they hold something; the required ones always.
    if (values.length > 0 || (kind !== 'spare' && kind !== 'variant')) plan[section] = values;
  }
  if (settings !== undefined) plan.settings = settings;
  return ok(plan);
}
