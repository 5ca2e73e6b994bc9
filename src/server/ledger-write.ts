/**
 * Writing to the ledger for a request: who may write what (DESIGN.md roles), the attribution every event
 * carries, and one append with optimistic concurrency and the Idempotency-Key header.
 */
import type { Context } from 'hono';
import type { NewEvent } from '../store/events.js';
import type { Store, User } from '../store/store.js';
import { appendFailure, fail } from './api-error.js';

/** The longest Idempotency-Key accepted. */
const MAX_KEY_LENGTH = 200;

export interface WriteFields {
  readonly reason: string;
  readonly source?: NewEvent['source'] | undefined;
}

/** Who, why and where from: the attribution of an event written by `user`. */
export function stamp(user: User, write: WriteFields): Pick<NewEvent, 'who' | 'reason' | 'source'> {
  return {
    who: user.name,
    reason: write.reason,
    ...(write.source === undefined ? {} : { source: write.source }),
  };
}

/** The Idempotency-Key header, scoped to the user; undefined when absent, a 400 when malformed. */
export function idempotencyKey(
  c: Context,
  user: User,
): { ok: true; key?: string } | { ok: false; response: Response } {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return { ok: true };
  if (key === '' || key.length > MAX_KEY_LENGTH) {
    return {
      ok: false,
      response: fail(c, 400, {
        code: 'INVALID_IDEMPOTENCY_KEY',
        message: `Idempotency-Key must be 1 … ${MAX_KEY_LENGTH} characters`,
      }),
    };
  }
  // Scoped to the user (names are unique; length-prefixed so no two pairs collide): one user's key never
  // answers another's write.
  return { ok: true, key: `${user.name.length}:${user.name}:${key}` };
}

/** Appends one event to the URL's plan if it is still at `expectedVersion`; a retried key is answered again. */
export async function appendOne(
  c: Context,
  store: Store,
  expectedVersion: number,
  event: NewEvent,
  status: 200 | 201,
  user: User,
): Promise<Response> {
  const key = idempotencyKey(c, user);
  if (!key.ok) return key.response;
  const planId = c.req.param('id') ?? '';
  const result = await store.append(
    planId,
    expectedVersion,
    [event],
    key.key === undefined ? {} : { idempotencyKey: key.key },
  );
  if (!result.ok) return appendFailure(c, result.error);
  return c.json(
    { version: result.value.version, replayed: result.value.replayed },
    result.value.replayed ? 200 : status,
  );
}

export function forbidden(c: Context, message: string): Response {
  return fail(c, 403, { code: 'FORBIDDEN', message });
}

/** Only the host writes anything but pledges; a delegate writes its own actor's pledges; analysts nothing. */
export function mayWriteKind(user: User, delegateWrites: boolean): boolean {
  return user.role === 'host' || (user.role === 'delegate' && delegateWrites);
}

/** A delegate writes only entities of its own actor (checked before and after a change). */
export function mayWriteFor(user: User, actor: unknown): boolean {
  return user.role === 'host' || (user.role === 'delegate' && user.actor === actor);
}
