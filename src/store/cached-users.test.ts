/**
 * The token cache in front of a real store (PGlite in a temporary folder). The plain store stands for
 * another process on the same database: what it revokes, the cache sees only once the entry expires.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedUsers, MAX_TOKEN_CACHE_MS } from './cached-users.js';
import { openStore } from './open-store.js';
import type { Store, User } from './store.js';

const folder = join(tmpdir(), `guarantor-cached-users-${randomBytes(6).toString('hex')}`);
let store: Store;
let user: User;

beforeAll(async () => {
  store = await openStore(folder);
  await store.migrate();
  const made = await store.createUser({ name: 'lead', role: 'host', passwordHash: 'h' });
  if (!made.ok) throw new Error(made.error.message);
  user = made.value;
});
afterAll(async () => {
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

/** A clock the test moves by hand. */
function clock() {
  let t = 1_000_000;
  return { now: () => t, pass: (ms: number) => (t += ms) };
}

describe('cachedUsers', () => {
  it('answers a live token from the cache until the TTL passes: another process revokes it late', async () => {
    const time = clock();
    const cached = cachedUsers(store, { ttlMs: 1000, now: time.now });
    await store.createToken('t-elsewhere', user.id);
    expect(await cached.userByToken('t-elsewhere')).toEqual(user);
    expect(await store.revokeToken('t-elsewhere')).toBe(true);
    time.pass(999);
    expect(await cached.userByToken('t-elsewhere')).toEqual(user);
    time.pass(1);
    expect(await cached.userByToken('t-elsewhere')).toBeUndefined();
  });

  it('forgets a token revoked through it at once, by hash or by id', async () => {
    const cached = cachedUsers(store, { ttlMs: 2000, now: clock().now });
    await store.createToken('t-hash', user.id);
    const byId = await store.createToken('t-id', user.id);
    expect(await cached.userByToken('t-hash')).toEqual(user);
    expect(await cached.userByToken('t-id')).toEqual(user);
    expect(await cached.revokeToken('t-hash')).toBe(true);
    expect(await cached.userByToken('t-hash')).toBeUndefined();
    expect(await cached.revokeTokenById(byId.id)).toBe(true);
    expect(await cached.userByToken('t-id')).toBeUndefined();
    expect(await cached.revokeToken('t-hash')).toBe(false);
  });

  it('does not remember a token it did not find: one created later works at once', async () => {
    const cached = cachedUsers(store, { ttlMs: 2000, now: clock().now });
    expect(await cached.userByToken('t-later')).toBeUndefined();
    await store.createToken('t-later', user.id);
    expect(await cached.userByToken('t-later')).toEqual(user);
  });

  it('asks the store once for concurrent lookups of one token', async () => {
    let asked = 0;
    const counting: Store = {
      ...store,
      userByToken: (hash) => {
        asked++;
        return store.userByToken(hash);
      },
    };
    await store.createToken('t-many', user.id);
    const cached = cachedUsers(counting, { ttlMs: 2000, now: clock().now });
    const users = await Promise.all(Array.from({ length: 10 }, () => cached.userByToken('t-many')));
    expect(users.every((u) => u?.id === user.id)).toBe(true);
    expect(asked).toBe(1);
  });

  it(`refuses a TTL above ${MAX_TOKEN_CACHE_MS} ms (a revocation elsewhere would go unseen too long)`, () => {
    expect(() => cachedUsers(store, { ttlMs: MAX_TOKEN_CACHE_MS + 1 })).toThrow(RangeError);
    expect(() => cachedUsers(store, { ttlMs: -1 })).toThrow(RangeError);
  });
});
