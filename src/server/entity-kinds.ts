/**
 * The plan entities the API reads and writes through the ledger, as one table: the event kind, the plan
 * section, the URL segment, the schema of one entity and the fields that name it. routes/entities.ts
 * and the OpenAPI document are both generated from it, one implementation for every kind.
 */
import type { z } from 'zod';
import {
  actorSchema,
  capabilitySchema,
  pledgeSchema,
  scenarioSchema,
  settingsSchema,
  spareSchema,
  variantSchema,
} from '../core/plan/schema.js';
import { type EntityKind, SINGLETON_ID, spareId } from '../store/events.js';

type Entity = Readonly<Record<string, unknown>>;

export interface EntitySpec {
  /** The ledger's entity kind (`pledge` → events `pledge.created`, …) and the body's key (`{ pledge }`). */
  readonly kind: Exclude<EntityKind, 'plan'>;
  /** The plan-format section: `pledges`. */
  readonly section: string;
  /** The URL: `/plans/:id/<segment>`, `/plans/:id/<segment>/<param>`. */
  readonly segment: string;
  readonly schema: z.ZodObject;
  /** The fields that name the entity: fixed by the URL, not changed by PATCH. */
  readonly idFields: readonly string[];
  /** One per plan (settings): no list, no id in the URL. */
  readonly singleton: boolean;
  /** Whether a delegate may write entities of this kind (its own actor's only). */
  readonly delegateWrites: boolean;
  /** The human name for messages: `pledge`, `spare capacity`. */
  readonly label: string;
}

const listed = (
  kind: EntitySpec['kind'],
  section: string,
  schema: z.ZodObject,
  label: string = kind,
): EntitySpec => ({
  kind,
  section,
  segment: section,
  schema,
  idFields: ['id'],
  singleton: false,
  delegateWrites: false,
  label,
});

export const ENTITY_SPECS: readonly EntitySpec[] = [
  listed('actor', 'actors', actorSchema),
  listed('capability', 'capabilities', capabilitySchema),
  { ...listed('pledge', 'pledges', pledgeSchema), delegateWrites: true },
  listed('scenario', 'scenarios', scenarioSchema),
  { ...listed('spare', 'spare', spareSchema, 'spare capacity'), idFields: ['actor', 'capability'] },
  listed('variant', 'variants', variantSchema),
  {
    ...listed('settings', 'settings', settingsSchema, 'settings'),
    idFields: [],
    singleton: true,
  },
];

/** The entity's ledger id: its `id`, `actor/capability` for spare capacity, `-` for settings. */
export function entityIdOf(spec: EntitySpec, entity: Entity): string {
  if (spec.singleton) return SINGLETON_ID;
  if (spec.kind === 'spare') return spareId(entity.actor, entity.capability);
  return String(entity.id);
}

/** The actor an entity belongs to, for the delegate rule (pledges and spare capacity have one). */
export function actorOf(entity: Entity): unknown {
  return entity.actor;
}

/** The entities of a kind in plan data: a list, or the singleton as a list of at most one. */
export function entitiesOf(spec: EntitySpec, plan: Entity): Entity[] {
  const value = plan[spec.section];
  if (spec.singleton) return value === undefined ? [] : [value as Entity];
  return Array.isArray(value) ? (value as Entity[]) : [];
}

export function findEntity(spec: EntitySpec, plan: Entity, entityId: string): Entity | undefined {
  return entitiesOf(spec, plan).find((entity) => entityIdOf(spec, entity) === entityId);
}

/**
 * A PATCH's changes applied to an entity, JSON Merge Patch (RFC 7396) at the entity's top level: a
 * value replaces the field whole (a list or object is not merged deeper), `null` removes the field.
 * The body's schema has already refused null on required fields.
 */
export function mergeChanges(entity: Entity, changes: Entity): Entity {
  const merged: Record<string, unknown> = { ...entity };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete merged[field];
    else if (value !== undefined) merged[field] = value;
  }
  return merged;
}
