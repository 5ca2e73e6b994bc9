/**
 * The job queue that fits a store: in-process on PGlite (one process owns the folder), pg-boss on
 * PostgreSQL. Settings a test or an operator may change come from the environment:
 * GUARANTOR_PGBOSS_SCHEMA (pg-boss's schema, default `pgboss`) and GUARANTOR_JOB_EXPIRE_SECONDS (a job's
 * longest run, and how long a dead worker's job waits before it is retried; default 900).
 */
import type { Store } from '../store/store.js';
import { type Executor, jobExecutor } from './executor.js';
import { inProcessQueue } from './in-process-queue.js';
import type { JobQueue } from './job-queue.js';
import { DEFAULT_BOSS_SCHEMA, DEFAULT_EXPIRE_SECONDS, pgBossQueue } from './pg-boss-queue.js';

export interface QueueChoice {
  /** Jobs this process runs at once; 0 only enqueues (PostgreSQL only). */
  readonly concurrency: number;
  readonly env: NodeJS.ProcessEnv;
  /** pg-boss's background errors (a lost connection), for a warning line. */
  readonly onError?: (error: Error) => void;
  /** Tests: the compiled worker and a faster progress pace. */
  readonly execute?: Executor;
}

export type QueueSettings =
  | { readonly ok: true; readonly schema: string; readonly expireInSeconds: number }
  | { readonly ok: false; readonly message: string };

/** Reads and checks the queue's settings from the environment. */
export function queueSettings(env: NodeJS.ProcessEnv): QueueSettings {
  const schema = env.GUARANTOR_PGBOSS_SCHEMA ?? DEFAULT_BOSS_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    return { ok: false, message: `GUARANTOR_PGBOSS_SCHEMA must be a plain schema name, got "${schema}"` };
  }
  const expire = env.GUARANTOR_JOB_EXPIRE_SECONDS;
  const expireInSeconds = expire === undefined || expire === '' ? DEFAULT_EXPIRE_SECONDS : Number(expire);
  if (!Number.isInteger(expireInSeconds) || expireInSeconds < 1 || expireInSeconds > 86_400) {
    return {
      ok: false,
      message: `GUARANTOR_JOB_EXPIRE_SECONDS must be a whole number of seconds, 1 … 86400`,
    };
  }
  return { ok: true, schema, expireInSeconds };
}

/** The queue for `store` (opened from `target`); throws on bad settings (check them first). */
export function queueFor(store: Store, target: string, choice: QueueChoice): JobQueue {
  const execute = choice.execute ?? jobExecutor(store);
  if (store.kind === 'pglite') {
    return inProcessQueue({ store, execute, concurrency: Math.max(1, choice.concurrency) });
  }
  const settings = queueSettings(choice.env);
  if (!settings.ok) throw new Error(settings.message);
  return pgBossQueue({
    store,
    execute,
    url: target,
    schema: settings.schema,
    expireInSeconds: settings.expireInSeconds,
    concurrency: choice.concurrency,
    ...(choice.onError === undefined ? {} : { onError: choice.onError }),
  });
}
