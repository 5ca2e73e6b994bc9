/**
 * The ledger's vocabulary: every change to a plan is one event on one entity. Pure data, no I/O.
 * `created` adds the entity (payload = the entity as written in the plan format), `updated` replaces it
 * whole (payload = the new entity), `withdrawn` removes it — except a pledge, which stays in the plan with
 * `status: withdrawn` (MODEL.md §2: withdrawn pledges never count, and the history stays visible).
 */
import type { Source } from '../core/plan/index.js';

export const ENTITY_KINDS = [
  'plan',
  'actor',
  'capability',
  'pledge',
  'scenario',
  'variant',
  'spare',
  'settings',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ACTIONS = ['created', 'updated', 'withdrawn'] as const;
export type Action = (typeof ACTIONS)[number];

/** `pledge.created`, `settings.updated`, …; `plan.withdrawn` does not exist (plans are never deleted). */
export type EventKind = Exclude<`${EntityKind}.${Action}`, 'plan.withdrawn'>;

export const EVENT_KINDS: readonly EventKind[] = ENTITY_KINDS.flatMap((entity) =>
  ACTIONS.filter((action) => !(entity === 'plan' && action === 'withdrawn')).map(
    (action) => `${entity}.${action}` as EventKind,
  ),
);

/** The one settings object and the plan header have a fixed entity id. */
export const SINGLETON_ID = '-';

/** An event as a writer proposes it; the store adds plan id, sequence number and time. */
export interface NewEvent {
  readonly kind: EventKind;
  /** The entity's id; for spare `actor/capability` (see `spareId`); `-` for plan and settings. */
  readonly entityId: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Who made the change (a user or delegation). */
  readonly who: string;
  /** Why: required and non-empty, the ledger's first question at a summit. */
  readonly reason: string;
  readonly source?: Source;
}

/** An event as stored: numbered per plan from 1, stamped with the database's time. */
export interface LedgerEvent extends NewEvent {
  readonly planId: string;
  readonly seq: number;
  readonly at: Date;
}

export function entityKindOf(kind: EventKind): EntityKind {
  return kind.slice(0, kind.indexOf('.')) as EntityKind;
}

export function actionOf(kind: EventKind): Action {
  return kind.slice(kind.indexOf('.') + 1) as Action;
}

export function isEventKind(text: string): text is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(text);
}

/** Spare capacity has no id of its own: it is keyed by actor and capability. */
export function spareId(actor: unknown, capability: unknown): string {
  return `${String(actor)}/${String(capability)}`;
}
