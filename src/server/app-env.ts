/**
 * What every route module shares: the Hono environment (the authenticated user, set by app.ts's auth
 * middleware) and the dependencies a module is built with.
 */
import type { Hono } from 'hono';
import type { Store, User } from '../store/store.js';

/** `c.get('user')` is the caller, in every route mounted after the auth middleware. */
export type AppEnv = { Variables: { user: User } };

export type App = Hono<AppEnv>;

export interface RouteDeps {
  readonly store: Store;
  /** Milliseconds since the epoch; injected so tests do not sleep. */
  readonly now: () => number;
  /** The analysis worker thread's script (dist/jobs/job-worker.js); tests running from src pass it. */
  readonly workerUrl?: URL;
}
