/**
 * Every plan entity through the ledger, one implementation for all kinds (entity-kinds.ts): list, read,
 * create, change (JSON Merge Patch at the entity's top level: fields given replace, `null` removes an
 * optional field; the whole plan validated again by the store) and withdraw (a pledge
 * stays with status withdrawn, anything else is removed; the store refuses a removal that would leave
 * a dangling reference). Only the host writes, except a delegate's own actor's pledges.
 */
import type { Context } from 'hono';
import { type Action, type NewEvent, SINGLETON_ID } from '../../store/events.js';
import type { Store, User } from '../../store/store.js';
import { fail } from '../api-error.js';
import type { App, AppEnv, RouteDeps } from '../app-env.js';
import {
  ENTITY_SPECS,
  type EntitySpec,
  entitiesOf,
  entityIdOf,
  findEntity,
  mergeChanges,
} from '../entity-kinds.js';
import { appendOne, forbidden, mayWriteFor, mayWriteKind, stamp } from '../ledger-write.js';
import { currentPlan, unknownPlan } from '../plan-reads.js';
import { type Parsed, readBody } from '../request-body.js';
import { entityBodies, requiredRemovals, type WriteBody } from '../schemas.js';

type Entity = Readonly<Record<string, unknown>>;

/** The URL of one entity kind's collection and of one of its entities (the same for a singleton). */
export function entityPaths(spec: EntitySpec): { readonly list: string; readonly item: string } {
  const list = `/plans/:id/${spec.segment}`;
  // Spare capacity is named `actor/capability`: its parameter spans two segments.
  const param = spec.kind === 'spare' ? ':entityId{[^/]+/[^/]+}' : ':entityId';
  return { list, item: spec.singleton ? list : `${list}/${param}` };
}

export function entityRoutes(app: App, { store }: RouteDeps): void {
  for (const spec of ENTITY_SPECS) mountEntity(app, store, spec);
}

function mountEntity(app: App, store: Store, spec: EntitySpec): void {
  const { list, item } = entityPaths(spec);
  const bodies = entityBodies(spec);

  if (!spec.singleton) {
    app.get(list, async (c) => {
      const current = await currentPlan(store, c.req.param('id') ?? '');
      if (current === undefined) return unknownPlan(c);
      return c.json({ version: current.version, [spec.section]: entitiesOf(spec, current.plan) });
    });
  }

  app.get(item, async (c) => {
    const current = await currentPlan(store, c.req.param('id') ?? '');
    if (current === undefined) return unknownPlan(c);
    const entity = findEntity(spec, current.plan, urlEntityId(c, spec));
    if (entity === undefined) return unknownEntity(c, spec);
    return c.json({ version: current.version, [spec.kind]: entity });
  });

  app.post(list, async (c) => {
    const user = c.get('user');
    if (!mayWriteKind(user, spec.delegateWrites)) return refuse(c, user, spec);
    const body = await readBody(c, bodies.create);
    if (!body.ok) return body.response;
    const { [spec.kind]: entity, ...rest } = body.value;
    const write = rest as WriteBody;
    const created = entity as Entity;
    if (!mayWriteEntity(user, spec, created)) return refuse(c, user, spec);
    return append(c, store, user, spec, 'created', created, write, 201);
  });

  app.patch(item, async (c) => {
    const user = c.get('user');
    if (!mayWriteKind(user, spec.delegateWrites)) return refuse(c, user, spec);
    const removal = await refuseRequiredRemoval(c, spec);
    if (removal !== undefined) return removal;
    const body = await readBody(c, bodies.update);
    if (!body.ok) return body.response;
    const { changes, ...write } = body.value;
    const found = await entityAt(c, store, spec, write.expectedVersion);
    if (!found.ok) return found.response;
    // The removal of a field is an `updated` event like any change: its payload is the entity without it.
    const next = mergeChanges(found.value, changes);
    if (!mayWriteEntity(user, spec, found.value) || !mayWriteEntity(user, spec, next)) {
      return refuse(c, user, spec);
    }
    return append(c, store, user, spec, 'updated', next, write, 200);
  });

  app.post(`${item}/withdraw`, async (c) => {
    const user = c.get('user');
    if (!mayWriteKind(user, spec.delegateWrites)) return refuse(c, user, spec);
    const body = await readBody(c, bodies.withdraw);
    if (!body.ok) return body.response;
    const write = body.value;
    const found = await entityAt(c, store, spec, write.expectedVersion);
    if (!found.ok) return found.response;
    if (!mayWriteEntity(user, spec, found.value)) return refuse(c, user, spec);
    return append(c, store, user, spec, 'withdrawn', found.value, write, 200);
  });
}

function append(
  c: Context<AppEnv>,
  store: Store,
  user: User,
  spec: EntitySpec,
  action: Action,
  entity: Entity,
  write: WriteBody,
  status: 200 | 201,
): Promise<Response> {
  const event: NewEvent = {
    kind: `${spec.kind}.${action}`,
    entityId: entityIdOf(spec, entity),
    // A withdrawal names the entity by its id; the projection does the rest.
    payload: action === 'withdrawn' ? {} : entity,
    ...stamp(user, write),
  };
  return appendOne(c, store, write.expectedVersion, event, status, user);
}

/** A 400 naming the first required field the body sets to null; undefined when there is none. */
async function refuseRequiredRemoval(c: Context, spec: EntitySpec): Promise<Response | undefined> {
  let data: unknown;
  try {
    // Hono keeps the body's text: readBody reads it again after this.
    data = JSON.parse(await c.req.text());
  } catch {
    return undefined; // not JSON: readBody answers
  }
  const [field] = requiredRemovals(spec, data);
  if (field === undefined) return undefined;
  return fail(c, 400, {
    code: 'INVALID_BODY',
    message: `\`${field}\` is required and cannot be removed: give it a value, or leave it out of changes`,
    path: `changes.${field}`,
  });
}

function mayWriteEntity(user: User, spec: EntitySpec, entity: Entity): boolean {
  return spec.delegateWrites ? mayWriteFor(user, entity.actor) : user.role === 'host';
}

function refuse(c: Context, user: User, spec: EntitySpec): Response {
  if (user.role === 'analyst') return forbidden(c, 'analysts do not write');
  if (user.role === 'delegate' && spec.delegateWrites) {
    return forbidden(c, `a delegate of ${user.actor} writes only ${user.actor}'s ${spec.section}`);
  }
  return forbidden(c, `only the host writes ${spec.section}`);
}

function urlEntityId(c: Context, spec: EntitySpec): string {
  return spec.singleton ? SINGLETON_ID : (c.req.param('entityId') ?? '');
}

function unknownEntity(c: Context, spec: EntitySpec): Response {
  const what = spec.singleton ? 'the plan has no settings' : `no ${spec.label} "${urlEntityId(c, spec)}"`;
  return fail(c, 404, { code: 'NOT_FOUND', message: what });
}

/**
 * The URL's entity as of the version the writer read: permissions are decided on that state, and the
 * store appends only if the plan is still at it (or answers a retry), so the check cannot go stale.
 */
async function entityAt(
  c: Context,
  store: Store,
  spec: EntitySpec,
  expectedVersion: number,
): Promise<Parsed<Entity>> {
  const planId = c.req.param('id') ?? '';
  const now = await store.current(planId);
  if (now === undefined) return { ok: false, response: unknownPlan(c) };
  const version = now.ok ? now.value.version : undefined;
  // Usually the writer read the current version (one cached read); an older one is a retry or a conflict.
  const then =
    version === undefined || expectedVersion > version
      ? undefined
      : expectedVersion === version
        ? now
        : await store.current(planId, { seq: expectedVersion });
  if (then === undefined || !then.ok) {
    const message = `plan "${planId}" is at version ${version}, not ${expectedVersion}: re-read it and retry`;
    return {
      ok: false,
      response: fail(c, 409, {
        code: 'CONFLICT',
        message,
        ...(version === undefined ? {} : { currentVersion: version }),
      }),
    };
  }
  const entity = findEntity(spec, then.value.plan, urlEntityId(c, spec));
  return entity === undefined ? { ok: false, response: unknownEntity(c, spec) } : { ok: true, value: entity };
}
