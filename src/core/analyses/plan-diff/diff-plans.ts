/**
 * What changed between two states of a plan, entity by entity: added, changed (field by field),
 * withdrawn (a pledge whose status became `withdrawn`, MODEL.md §2) or removed. Pure: compares the
 * normalised plans, so a default written out or left implicit is no change.
 */
import type { Plan } from '../../plan/types.js';

/** The ledger's entity kinds; `plan` is the header (title, protected, currency). */
export type DiffEntity =
  | 'plan'
  | 'actor'
  | 'capability'
  | 'pledge'
  | 'scenario'
  | 'variant'
  | 'spare'
  | 'settings';

export type ChangeKind = 'added' | 'changed' | 'withdrawn' | 'removed';

export interface FieldChange {
  readonly field: string;
  /** `null` where the field was absent. */
  readonly before: unknown;
  readonly after: unknown;
}

export interface PlanChange {
  readonly entity: DiffEntity;
  /** The entity's id; `actor/capability` for spare capacity, `-` for the header and settings (as in the ledger). */
  readonly id: string;
  readonly change: ChangeKind;
  /** For `changed` and `withdrawn`: the fields that differ, in the entity's field order. */
  readonly fields?: readonly FieldChange[];
}

type Entity = Readonly<Record<string, unknown>>;

/** The fixed id of the header and of the settings, as in the ledger. */
export const SINGLETON = '-';

/**
 * Changes from `before` to `after`, in the plan format's section order, then each section in the
 * order of `after` (entities removed come after those still there).
 */
export function diffPlans(before: Plan, after: Plan): PlanChange[] {
  const header = (plan: Plan): Entity => ({
    title: plan.title,
    protected: plan.protected,
    currency: plan.currency,
  });
  const spareKey = (s: Plan['spare'][number]) => `${s.actor}/${s.capability}`;
  const sections: readonly (readonly [DiffEntity, Map<string, Entity>, Map<string, Entity>])[] = [
    ['plan', single(header(before)), single(header(after))],
    ['actor', byId(before.actors), byId(after.actors)],
    ['capability', byId(before.capabilities), byId(after.capabilities)],
    ['pledge', byId(before.pledges), byId(after.pledges)],
    ['scenario', byId(before.scenarios), byId(after.scenarios)],
    ['spare', byKey(before.spare, spareKey), byKey(after.spare, spareKey)],
    ['variant', byId(before.variants), byId(after.variants)],
    ['settings', single(before.settings), single(after.settings)],
  ];
  const changes: PlanChange[] = [];
  for (const [entity, was, now] of sections) {
    for (const [id, next] of now) {
      const previous = was.get(id);
      if (previous === undefined) {
        changes.push({ entity, id, change: 'added' });
        continue;
      }
      const fields = diffFields(previous, next);
      if (fields.length === 0) continue;
      const withdrawn = entity === 'pledge' && previous.status !== 'withdrawn' && next.status === 'withdrawn';
      changes.push({ entity, id, change: withdrawn ? 'withdrawn' : 'changed', fields });
    }
    for (const id of was.keys()) if (!now.has(id)) changes.push({ entity, id, change: 'removed' });
  }
  return changes;
}

/** Fields whose values differ (deep, by canonical JSON), in the order they appear in `after` then `before`. */
export function diffFields(before: Entity, after: Entity): FieldChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const fields: FieldChange[] = [];
  for (const field of keys) {
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    if (canonical(was) !== canonical(now)) fields.push({ field, before: was, after: now });
  }
  return fields;
}

function single(entity: object): Map<string, Entity> {
  return new Map([[SINGLETON, entity as Entity]]);
}

function byId(items: readonly { readonly id: string }[]): Map<string, Entity> {
  return byKey(items, (item) => item.id);
}

function byKey<T extends object>(items: readonly T[], key: (item: T) => string): Map<string, Entity> {
  return new Map(items.map((item) => [key(item), item as Entity]));
}

/** JSON with object keys sorted: equal values give equal text whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
