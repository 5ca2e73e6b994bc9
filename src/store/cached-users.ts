/**
 * A short-lived cache of `userByToken` in front of a store: every API request looks its bearer token up,
 * and without this that is one query (a join) per request. Only live tokens are cached (an unknown or
 * revoked one is asked again each time), for at most `ttlMs`.
 *
 * Revocation: `revokeToken` through this store drops that token at once, and `revokeTokenById` empties
 * the cache (it is keyed by hash, which an id does not give). A revocation by ANOTHER process (a second
 * server on the same PostgreSQL, or the CLI) is not seen here until the entry expires: a revoked token
 * keeps working for up to `ttlMs` there. Hence the cap of 2 s on `ttlMs`.
 */
import type { User, UserStore } from './user-store.js';

/** The longest a revocation elsewhere may go unseen. */
export const MAX_TOKEN_CACHE_MS = 2000;

export interface CachedUsersOptions {
  /** How long a looked-up token is trusted, 0 … 2000 ms. */
  readonly ttlMs: number;
  /** The clock, in ms (tests pass their own). */
  readonly now?: () => number;
  /** Tokens kept at most (oldest dropped first); default 10,000. */
  readonly maxEntries?: number;
}

interface Entry {
  readonly expires: number;
  /** Shared by concurrent requests with the same token: one query for all of them. */
  readonly user: Promise<User | undefined>;
}

/**
 * `store` with `userByToken` cached. The other methods are the store's own (copied: the store's methods
 * must not rely on `this`, as kysely-store.ts's do not).
 */
export function cachedUsers<S extends UserStore>(store: S, options: CachedUsersOptions): S {
  const { ttlMs, now = Date.now, maxEntries = 10_000 } = options;
  if (!(ttlMs >= 0 && ttlMs <= MAX_TOKEN_CACHE_MS)) {
    throw new RangeError(`ttlMs must be 0 … ${MAX_TOKEN_CACHE_MS}, not ${ttlMs}`);
  }
  const entries = new Map<string, Entry>();
  const userByToken = (hash: string): Promise<User | undefined> => {
    const cached = entries.get(hash);
    if (cached !== undefined && cached.expires > now()) return cached.user;
    entries.delete(hash);
    const entry: Entry = { expires: now() + ttlMs, user: store.userByToken(hash) };
    entries.set(hash, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    // Misses and failures are not kept; a revocation meanwhile has already removed the entry.
    const forget = () => {
      if (entries.get(hash) === entry) entries.delete(hash);
    };
    entry.user.then((user) => user === undefined && forget(), forget);
    return entry.user;
  };
  return {
    ...store,
    userByToken,
    revokeToken: async (hash) => {
      entries.delete(hash);
      const revoked = await store.revokeToken(hash);
      // A lookup that began before the revocation may have put the token back meanwhile.
      entries.delete(hash);
      return revoked;
    },
    revokeTokenById: async (id, filter) => {
      entries.clear();
      const revoked = await store.revokeTokenById(id, filter);
      entries.clear();
      return revoked;
    },
  };
}
