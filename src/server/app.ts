/**
 * The team server as a Hono app: `fetch(Request) → Response`, no socket (serve.ts adds one). Routes read
 * and write plans through the Store port; bodies are validated with the core's schemas; every error is
 * `{ error: { code, message, path } }`. Roles (DESIGN.md): host writes any pledge, a delegate only its
 * actor's, an analyst none; everything but /health and /login needs a bearer token.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { assess } from '../core/engine/assess.js';
import { GuarantorError } from '../core/errors.js';
import { planFromData } from '../core/plan/parse-plan.js';
import type { NewEvent } from '../store/events.js';
import type { Store, User } from '../store/store.js';
import { appendFailure, fail, invalidBody } from './api-error.js';
import { openApiDocument } from './openapi.js';
import { DUMMY_HASH, newToken, tokenHash, verifyPassword } from './passwords.js';
import { currentPlan, pledgeAt, unknownPlan } from './plan-reads.js';
import {
  assessmentBody,
  createPledgeBody,
  loginBody,
  MAX_SERVER_TRIALS,
  updatePledgeBody,
  withdrawPledgeBody,
} from './schemas.js';

/** Request bodies above this get 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  readonly store: Store;
}

type Env = { Variables: { user: User } };

export function createApp({ store }: AppOptions): Hono<Env> {
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof GuarantorError)
      return fail(c, 400, { code: error.code, message: error.message, path: error.path });
    return fail(c, 500, { code: 'INTERNAL', message: 'internal error' });
  });
  app.notFound((c) => fail(c, 404, { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` }));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        fail(c, 413, { code: 'BODY_TOO_LARGE', message: `bodies are limited to ${MAX_BODY_BYTES} bytes` }),
    }),
  );

  app.get('/health', (c) => c.json({ ok: true }));

  app.post('/login', async (c) => {
    const body = await readBody(c, loginBody);
    if (!body.ok) return body.response;
    const user = await store.userByName(body.value.name);
    // Hash even for an unknown name, so the answer's timing does not tell which names exist.
    const valid = await verifyPassword(body.value.password, user?.passwordHash ?? DUMMY_HASH);
    if (user === undefined || !valid)
      return fail(c, 401, { code: 'BAD_CREDENTIALS', message: 'wrong name or password' });
    const token = newToken();
    await store.createToken(tokenHash(token), user.id);
    return c.json({ token, user: publicUser(user) });
  });

  // Everything below needs a live token.
  app.use('*', async (c, next) => {
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(c.req.header('Authorization') ?? '');
    const user = match?.[1] === undefined ? undefined : await store.userByToken(tokenHash(match[1]));
    if (user === undefined)
      return fail(c, 401, { code: 'UNAUTHORIZED', message: 'a valid bearer token is required' });
    c.set('user', user);
    return next();
  });

  app.post('/logout', async (c) => {
    const token = (c.req.header('Authorization') ?? '').slice('Bearer '.length);
    await store.revokeToken(tokenHash(token));
    return c.json({ ok: true });
  });

  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/plans', async (c) => c.json({ plans: await store.plans() }));

  app.get('/plans/:id', async (c) => {
    const current = await currentPlan(store, c.req.param('id'));
    if (current === undefined) return unknownPlan(c);
    return c.json(current);
  });

  app.get('/plans/:id/events', async (c) => {
    const events = await store.events(c.req.param('id'));
    if (events === undefined) return unknownPlan(c);
    return c.json({ events });
  });

  app.get('/plans/:id/pledges', async (c) => {
    const current = await currentPlan(store, c.req.param('id'));
    if (current === undefined) return unknownPlan(c);
    return c.json({ version: current.version, pledges: current.plan.pledges ?? [] });
  });

  app.get('/plans/:id/pledges/:pledgeId', async (c) => {
    const current = await currentPlan(store, c.req.param('id'));
    if (current === undefined) return unknownPlan(c);
    const pledges = Array.isArray(current.plan.pledges) ? (current.plan.pledges as { id?: unknown }[]) : [];
    const pledge = pledges.find((p) => p.id === c.req.param('pledgeId'));
    if (pledge === undefined)
      return fail(c, 404, { code: 'NOT_FOUND', message: `no pledge "${c.req.param('pledgeId')}"` });
    return c.json({ version: current.version, pledge });
  });

  app.post('/plans/:id/pledges', async (c) => {
    const user = c.get('user');
    if (user.role === 'analyst') return forbidden(c, 'analysts do not write');
    const body = await readBody(c, createPledgeBody);
    if (!body.ok) return body.response;
    const { pledge, ...write } = body.value;
    if (!mayWriteFor(user, pledge.actor))
      return forbidden(c, `a delegate of ${user.actor} cannot pledge for ${pledge.actor}`);
    const event: NewEvent = {
      kind: 'pledge.created',
      entityId: pledge.id,
      payload: pledge,
      ...stamp(user, write),
    };
    return appendOne(c, store, write.expectedVersion, event, 201);
  });

  app.patch('/plans/:id/pledges/:pledgeId', async (c) => {
    const user = c.get('user');
    if (user.role === 'analyst') return forbidden(c, 'analysts do not write');
    const body = await readBody(c, updatePledgeBody);
    if (!body.ok) return body.response;
    const { changes, ...write } = body.value;
    const found = await pledgeAt(c, store, write.expectedVersion);
    if (!found.ok) return found.response;
    const existing = found.value;
    const next = { ...existing, ...changes };
    if (!mayWriteFor(user, existing.actor) || !mayWriteFor(user, next.actor)) {
      return forbidden(c, `a delegate of ${user.actor} writes only ${user.actor}'s pledges`);
    }
    const event: NewEvent = {
      kind: 'pledge.updated',
      entityId: String(existing.id),
      payload: next,
      ...stamp(user, write),
    };
    return appendOne(c, store, write.expectedVersion, event, 200);
  });

  app.post('/plans/:id/pledges/:pledgeId/withdraw', async (c) => {
    const user = c.get('user');
    if (user.role === 'analyst') return forbidden(c, 'analysts do not write');
    const body = await readBody(c, withdrawPledgeBody);
    if (!body.ok) return body.response;
    const found = await pledgeAt(c, store, body.value.expectedVersion);
    if (!found.ok) return found.response;
    if (!mayWriteFor(user, found.value.actor)) {
      return forbidden(c, `a delegate of ${user.actor} writes only ${user.actor}'s pledges`);
    }
    const event: NewEvent = {
      kind: 'pledge.withdrawn',
      entityId: String(found.value.id),
      payload: {},
      ...stamp(user, body.value),
    };
    return appendOne(c, store, body.value.expectedVersion, event, 200);
  });

  app.post('/plans/:id/assessments', async (c) => {
    const body = await readBody(c, assessmentBody);
    if (!body.ok) return body.response;
    const current = await currentPlan(store, c.req.param('id'));
    if (current === undefined) return unknownPlan(c);
    const parsed = planFromData({ data: current.plan, locate: (r) => r.map(() => undefined), warnings: [] });
    if (!parsed.ok) return fail(c, 500, { code: 'INTERNAL', message: 'the stored plan does not parse' });
    const plan = parsed.value.plan;
    const { trials, seed, variants, scenarios } = body.value;
    // In-process and synchronous for now (no jobs yet): capped so one request cannot hold the server long.
    const assessment = assess(plan, {
      trials: trials ?? Math.min(plan.settings.trials, MAX_SERVER_TRIALS),
      ...(seed === undefined ? {} : { seed }),
      ...(variants === undefined ? {} : { variants }),
      ...(scenarios === undefined ? {} : { scenarios }),
    });
    return c.json({ version: current.version, assessment });
  });

  return app;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** JSON body → schema, or the 400 to answer with. */
async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<Parsed<z.output<S>>> {
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    return {
      ok: false,
      response: fail(c, 400, { code: 'INVALID_JSON', message: 'the body is not JSON', path: '' }),
    };
  }
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, response: invalidBody(c, result.error) };
}

async function appendOne(
  c: Context,
  store: Store,
  expectedVersion: number,
  event: NewEvent,
  status: 200 | 201,
): Promise<Response> {
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && (key === '' || key.length > 200)) {
    return fail(c, 400, {
      code: 'INVALID_IDEMPOTENCY_KEY',
      message: 'Idempotency-Key must be 1 … 200 characters',
    });
  }
  const planId = c.req.param('id') ?? '';
  const result = await store.append(
    planId,
    expectedVersion,
    [event],
    // Scoped to the user (names are unique; length-prefixed so no two pairs collide): one user's key
    // never answers another's write.
    key === undefined ? {} : { idempotencyKey: `${event.who.length}:${event.who}:${key}` },
  );
  if (!result.ok) return appendFailure(c, result.error);
  return c.json(
    { version: result.value.version, replayed: result.value.replayed },
    result.value.replayed ? 200 : status,
  );
}

function mayWriteFor(user: User, actor: unknown): boolean {
  return user.role === 'host' || (user.role === 'delegate' && user.actor === actor);
}

function stamp(user: User, write: { reason: string; source?: NewEvent['source'] | undefined }) {
  return {
    who: user.name,
    reason: write.reason,
    ...(write.source === undefined ? {} : { source: write.source }),
  };
}

function publicUser(user: User) {
  return { name: user.name, role: user.role, ...(user.actor === undefined ? {} : { actor: user.actor }) };
}

function forbidden(c: Context, message: string): Response {
  return fail(c, 403, { code: 'FORBIDDEN', message });
}
