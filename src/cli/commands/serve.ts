/**
 * `guarantor serve`: the team server (src/server/app.ts) on a socket, over the store named by `--db`.
 * `--plan FILE` imports a plan file on first start, when the database holds no plan yet. Runs until
 * SIGINT or SIGTERM, then closes the socket and the store (PGlite's folder lock with it).
 */
import { readFile } from 'node:fs/promises';
import { formatIssue, type Issue } from '../../core/errors.js';
import { importPlan } from '../../store/plan-history.js';
import { CliError } from '../errors/cli-error.js';
import { describeFsError } from '../errors/fs-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';
import { type DbFlags, withStore } from './db.js';

export interface ServeFlags extends DbFlags {
  readonly port?: number;
  readonly host?: string;
  readonly plan?: string;
}

export async function serveCommand(flags: ServeFlags, io: CliIo): Promise<ExitCode> {
  const planText = flags.plan === undefined ? undefined : await readText(flags.plan);
  return withStore(flags, io, async (store, target) => {
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
    // Loaded here: the HTTP stack costs nothing to the other commands.
    const { serve } = await import('@hono/node-server');
    const { createApp } = await import('../../server/app.js');
    const app = createApp({ store });
    const hostname = flags.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: flags.port ?? 8080, hostname }, (info) => {
        void write(io.stderr, `guarantor serving ${target} on http://${hostname}:${info.port}\n`);
      });
      server.once('error', reject);
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close(() => resolve());
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
