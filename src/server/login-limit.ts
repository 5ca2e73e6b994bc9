/**
 * Login rate limiting: after MAX failed logins for one name, or from one client address, within the
 * window, further attempts get 429 until the oldest failure leaves the window (a sliding window).
 * A success forgets that name's failures only, never another name's or the address's (else one known
 * password would reset the count between guesses at others).
 *
 * In memory, per process: enough for one `guarantor serve`; several servers behind a balancer would
 * each allow MAX per window (a shared table would be the fix). The clock is injected so tests do not sleep.
 */

export interface LoginLimitOptions {
  readonly max: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimitOptions = { max: 5, windowMs: 60_000 };

/** Above this many tracked keys, keys with no failure left in the window are dropped. */
const PRUNE_ABOVE = 10_000;

export interface LoginLimiter {
  /** Seconds to wait when any of the keys is over the limit; undefined when a try is allowed. */
  retryAfter(keys: readonly string[]): number | undefined;
  failed(keys: readonly string[]): void;
  succeeded(key: string): void;
}

export function loginLimiter(
  now: () => number,
  options: LoginLimitOptions = DEFAULT_LOGIN_LIMIT,
): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const since = now() - options.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    retryAfter: (keys) => {
      let wait: number | undefined;
      for (const key of keys) {
        const times = recent(key);
        const oldest = times[0];
        if (times.length < options.max || oldest === undefined) continue;
        const seconds = Math.max(1, Math.ceil((oldest + options.windowMs - now()) / 1000));
        wait = Math.max(wait ?? 0, seconds);
      }
      return wait;
    },
    failed: (keys) => {
      if (failures.size > PRUNE_ABOVE) for (const key of [...failures.keys()]) recent(key);
      for (const key of keys) failures.set(key, [...recent(key), now()]);
    },
    succeeded: (key) => {
      failures.delete(key);
    },
  };
}
