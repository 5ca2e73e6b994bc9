/**
 * Request bodies, built from the core's plan schemas so the API accepts exactly what a plan file does;
 * the OpenAPI document (openapi.ts) is generated from these same values.
 */
import { z } from 'zod';
import { planSchema, type Source, sourceSchema } from '../core/plan/schema.js';
import { ROLES } from '../store/store.js';
import type { EntitySpec } from './entity-kinds.js';

/** The largest Monte Carlo run the server does in-process, per request (no jobs yet). */
export const MAX_SERVER_TRIALS = 1_000_000;

/** Names of users and labels of tokens: 1 … 200 characters, no white space at either end. */
const name = z
  .string()
  .min(1, 'expected a non-empty name')
  .max(200, 'names are at most 200 characters')
  .regex(/^\S(.*\S)?$/, 'names may not start or end with white space');

export const loginBody = z.strictObject({
  name: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});

const reason = z.string().trim().min(1, 'every change needs a reason').max(10_000);

/** What every write carries: why, where from, and the version the writer read. */
const writeFields = {
  reason,
  source: sourceSchema.optional(),
  expectedVersion: z.number().int().min(0),
};

/** The parsed fields every write carries. */
export interface WriteBody {
  readonly reason: string;
  readonly source?: Source | undefined;
  readonly expectedVersion: number;
}

type Entity = Readonly<Record<string, unknown>>;

export interface EntityBodies {
  /** `{ <kind>: entity, reason, source?, expectedVersion }` */
  readonly create: z.ZodType<WriteBody & Readonly<Record<string, unknown>>>;
  /**
   * `{ changes, reason, source?, expectedVersion }`: fields to change, JSON Merge Patch style (RFC 7396)
   * at the entity's top level: a value replaces the field whole, `null` removes an optional field. The
   * id is the URL's.
   */
  readonly update: z.ZodType<WriteBody & { readonly changes: Entity }>;
  readonly withdraw: z.ZodType<WriteBody>;
}

const bodiesCache = new Map<string, EntityBodies>();

/** The write bodies of an entity kind. The merged entity of a PATCH is validated again, whole, by the store. */
export function entityBodies(spec: EntitySpec): EntityBodies {
  let bodies = bodiesCache.get(spec.kind);
  if (bodies === undefined) {
    // An optional field may be sent as null (removed); a required one only with a value (the route
    // refuses its null first, naming it: see requiredRemovals).
    const changes = Object.fromEntries(
      Object.entries(spec.schema.shape)
        .filter(([field]) => !spec.idFields.includes(field))
        .map(([field, schema]) => [
          field,
          isOptionalField(schema) ? schema.nullable().optional() : schema.optional(),
        ]),
    );
    // The kind's key is computed, so zod cannot type the objects: their shapes are stated by EntityBodies.
    bodies = {
      create: z.strictObject({ [spec.kind]: spec.schema, ...writeFields }) as never,
      update: z.strictObject({ changes: z.strictObject(changes), ...writeFields }) as never,
      withdraw: z.strictObject(writeFields) as never,
    };
    bodiesCache.set(spec.kind, bodies);
  }
  return bodies;
}

/** A field the entity may lack (its schema accepts undefined): a PATCH may remove it with null. */
function isOptionalField(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

/**
 * The required fields a PATCH body sets to null (asks to remove), in the schema's order: `changes.actor`
 * of `{ changes: { actor: null } }` on a pledge. Checked before the body's schema so the answer names
 * the field and says why, rather than "expected string, received null".
 */
export function requiredRemovals(spec: EntitySpec, body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('changes' in body)) return [];
  const changes = body.changes;
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return [];
  return Object.entries(spec.schema.shape)
    .filter(
      ([field, schema]) =>
        !spec.idFields.includes(field) && !isOptionalField(schema) && (changes as Entity)[field] === null,
    )
    .map(([field]) => field);
}

/** A new plan: plan-format data (its shape here; its references by the core's checks), attributed. */
export const createPlanBody = z.strictObject({
  title: name,
  plan: planSchema,
  reason: reason.optional(),
  source: sourceSchema.optional(),
});

export const createUserBody = z
  .strictObject({
    name,
    role: z.enum(ROLES),
    actor: name.optional(),
  })
  .refine((user) => (user.role === 'delegate') === (user.actor !== undefined), {
    message: 'a delegate needs an actor, and only a delegate has one',
    path: ['actor'],
  });

export const createTokenBody = z.strictObject({
  label: name,
  /** Host only: make the token for this user. */
  user: name.optional(),
});

export const assessmentBody = z.strictObject({
  trials: z.number().int().min(1).max(MAX_SERVER_TRIALS).optional(),
  seed: z.number().int().min(0).optional(),
  variants: z.array(z.string().min(1)).optional(),
  scenarios: z.array(z.string().min(1)).optional(),
});
