/**
 * A plan file as ledger events: one `created` event per entity, in the file's order, all attributed to
 * the same person and reason. Pure; the inverse of `projectPlan` for a plan written from scratch.
 */
import type { Source } from '../core/plan/index.js';
import type { EventKind, NewEvent } from './events.js';
import { SINGLETON_ID, spareId } from './events.js';

export interface Attribution {
  readonly who: string;
  readonly reason: string;
  readonly source?: Source;
}

type Data = Readonly<Record<string, unknown>>;

const SECTIONS: readonly (readonly [string, EventKind])[] = [
  ['actors', 'actor.created'],
  ['capabilities', 'capability.created'],
  ['pledges', 'pledge.created'],
  ['scenarios', 'scenario.created'],
  ['spare', 'spare.created'],
  ['variants', 'variant.created'],
];

/** `data` must already be a valid plan (checked with `planFromData`), as written: not normalised. */
export function planToEvents(data: Data, by: Attribution): NewEvent[] {
  const header: Record<string, unknown> = {};
  for (const key of ['title', 'protected', 'currency']) if (data[key] !== undefined) header[key] = data[key];
  const stamp = (kind: EventKind, entityId: string, payload: Data): NewEvent => ({
    kind,
    entityId,
    payload,
    who: by.who,
    reason: by.reason,
    ...(by.source === undefined ? {} : { source: by.source }),
  });
  const events = [stamp('plan.created', SINGLETON_ID, header)];
  for (const [section, kind] of SECTIONS) {
    const items = data[section];
    if (!Array.isArray(items)) continue;
    for (const item of items as Data[]) {
      const id = kind === 'spare.created' ? spareId(item.actor, item.capability) : String(item.id);
      events.push(stamp(kind, id, item));
    }
  }
  if (data.settings !== undefined)
    events.push(stamp('settings.created', SINGLETON_ID, data.settings as Data));
  return events;
}
