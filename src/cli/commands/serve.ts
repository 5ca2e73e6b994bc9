/**
 * `guarantor serve`: the team server (src/server/app.ts) on a socket, over the store named by `--db`.
 * `--plan FILE` imports a plan file on first start, when the database holds no plan yet. Analysis jobs
 * (src/jobs) run in this process: on PGlite always (in-process queue), on PostgreSQL through pg-boss
 * unless `--workers 0` (then only `guarantor worker` processes run them). Runs until SIGINT or SIGTERM,
 * then stops taking requests and jobs (running jobs finish within a few seconds or go back to the
 * queue), and closes the store (PGlite's folder lock with it).
 */
import { readFile } from 'node:fs/promises';
import { formatIssue, type Issue } from '../../core/errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { hashPassword, newPassword } from '../../server/passwords.js';
import { cachedUsers } from '../../store/cached-users.js';
import { importPlan } from '../../store/plan-history.js';
import type { Role, Store } from '../../store/store.js';
import { CliError } from '../errors/cli-error.js';
import { describeFsError } from '../errors/fs-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';
import { type DbFlags, withStore } from './db.js';

export interface ServeFlags extends DbFlags {
  readonly port?: number;
  readonly host?: string;
  readonly plan?: string;
  /** Jobs run at once in this process (default 1); 0 only enqueues (PostgreSQL only). */
  readonly workers?: number;
  /** On a database without users: add a host, a delegate of each of the plan's first two partners and
   * an analyst, and print their one-time passwords (`npm start`). */
  readonly demoUsers?: boolean;
}

export async function serveCommand(flags: ServeFlags, io: CliIo): Promise<ExitCode> {
  const planText = flags.plan === undefined ? undefined : await readText(flags.plan);
  // Loaded on demand: the queues and the database drivers cost nothing to the other commands.
  const { queueFor, queueSettings } = await import('../../jobs/queue-for.js');
  const { resolveTarget } = await import('../../store/open-store.js');
  const settings = queueSettings(io.env);
  if (!settings.ok) throw new CliError([`error: ${settings.message}`], ExitCode.usage);
  return withStore(flags, io, async (store, target) => {
    if (store.kind === 'pglite' && flags.workers === 0) {
      throw new CliError(
        [
          'error: --workers 0 needs PostgreSQL: with PGlite (one process per folder) the server runs jobs itself',
        ],
        ExitCode.usage,
      );
    }
    await store.migrate();
    if (flags.plan !== undefined && planText !== undefined && (await store.plans()).length === 0) {
      const imported = await importPlan(store, planText, flags.plan, {
        who: 'serve',
        reason: `imported from ${flags.plan} on first start`,
      });
      if (!imported.ok) {
        const issues: readonly Issue[] = 'issues' in imported.error ? imported.error.issues : [];
        const file = flags.plan;
        throw new CliError(
          issues.length > 0
            ? issues.map((i) => formatIssue(file, i))
            : [`error: ${file}: ${imported.error.code}`],
          ExitCode.invalidInput,
        );
      }
      await write(io.stderr, `imported ${flags.plan} as plan ${imported.value.planId}\n`);
    }
    if (flags.demoUsers) await addDemoUsers(store, io);
    // Loaded here: the HTTP stack costs nothing to the other commands.
    const { serve } = await import('@hono/node-server');
    const { createApp } = await import('../../server/app.js');
    const { jobOpenApiPaths, jobRoutes } = await import('../../server/jobs-routes.js');
    const queue = queueFor(store, resolveTarget(flags.db, io.env), {
      concurrency: flags.workers ?? 1,
      env: io.env,
      onError: (error) => void write(io.stderr, `warning: job queue: ${error.message}\n`),
    });
    // Bearer tokens are looked up once a second at most per token (a revocation through this server takes
    // effect at once; one made by another process or the CLI within a second).
    const { DEFAULT_WEB_ROOT } = await import('../../server/dashboard.js');
    const app = createApp({
      store: cachedUsers(store, { ttlMs: 1000 }),
      webRoot: DEFAULT_WEB_ROOT,
      routes: (root) => root.route('/', jobRoutes({ store, queue })),
      openApiPaths: jobOpenApiPaths(),
    });
    const hostname = flags.host ?? '127.0.0.1';
    await startQueue(queue);
    await new Promise<void>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: flags.port ?? 8080, hostname }, (info) => {
        void write(io.stderr, `guarantor serving ${target} on http://${hostname}:${info.port}\n`);
      });
      server.once('error', (error) => void queue.stop().finally(() => reject(error)));
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        const closed = new Promise<void>((done) => server.close(() => done()));
        // Jobs first (they finish or go back to the queue), then the event streams that follow them.
        void queue
          .stop()
          .catch(() => {})
          .then(() => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            return closed;
          })
          .then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return ExitCode.ok;
  });
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError([`error: cannot read ${file}: ${describeFsError(error)}`], ExitCode.invalidInput);
  }
}

/** Starts the job queue; a database that refuses pg-boss's schema is the user's to fix (exit 1). */
export async function startQueue(queue: JobQueue): Promise<void> {
  try {
    await queue.start();
  } catch (error) {
    await queue.stop().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError([`error: cannot start the job queue: ${reason}`], ExitCode.invalidInput);
  }
}

/**
 * `--demo-users`: a database without users gets `host`, a delegate of each of the first two partners
 * of the first plan (`delegate-fra` for FRA…) and `analyst`, each with a one-time password printed on
 * stderr. A database that has users is left alone.
 */
async function addDemoUsers(store: Store, io: CliIo): Promise<void> {
  if ((await store.users()).length > 0) return;
  const first = (await store.plans())[0];
  const current = first === undefined ? undefined : await store.current(first.id);
  const plan = current?.ok ? current.value.plan : undefined;
  const protectedId = typeof plan?.protected === 'string' ? plan.protected : undefined;
  const actors = (Array.isArray(plan?.actors) ? (plan.actors as { id?: unknown }[]) : [])
    .map((a) => a.id)
    .filter((id): id is string => typeof id === 'string' && id !== protectedId)
    .slice(0, 2);
  const users: { name: string; role: Role; actor?: string }[] = [
    { name: 'host', role: 'host' },
    ...actors.map((actor) => ({ name: `delegate-${actor.toLowerCase()}`, role: 'delegate' as const, actor })),
    { name: 'analyst', role: 'analyst' },
  ];
  const lines: string[] = [];
  for (const user of users) {
    const password = newPassword();
    const made = await store.createUser({ ...user, passwordHash: await hashPassword(password) });
    if (made.ok) lines.push(`  ${user.name.padEnd(16)} ${password}`);
  }
  await write(io.stderr, `demo users (passwords shown once):\n${lines.join('\n')}\n`);
}
