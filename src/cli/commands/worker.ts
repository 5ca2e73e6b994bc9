/**
 * `guarantor worker --db URL [--concurrency N]`: takes analysis jobs from the PostgreSQL database's
 * queue (pg-boss) and runs them, each in a worker thread, until SIGINT or SIGTERM; then lets running
 * jobs finish for a few seconds, or hands them back to the queue. Run it on any number of machines.
 * With PGlite there is nothing to take: `guarantor serve` runs jobs itself.
 */
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';
import { type DbFlags, withStore } from './db.js';
import { startQueue } from './serve.js';

export interface WorkerFlags extends DbFlags {
  readonly concurrency?: number;
}

export async function workerCommand(flags: WorkerFlags, io: CliIo): Promise<ExitCode> {
  // Loaded on demand: the database drivers and pg-boss cost nothing to the other commands.
  const { isPostgresUrl, resolveTarget } = await import('../../store/open-store.js');
  const target = resolveTarget(flags.db, io.env);
  if (!isPostgresUrl(target)) {
    throw new CliError(
      [
        'error: workers need PostgreSQL (--db postgres://… or DATABASE_URL); with PGlite the server runs jobs itself',
      ],
      ExitCode.usage,
    );
  }
  const { queueFor, queueSettings } = await import('../../jobs/queue-for.js');
  const settings = queueSettings(io.env);
  if (!settings.ok) throw new CliError([`error: ${settings.message}`], ExitCode.usage);
  const concurrency = flags.concurrency ?? 1;
  return withStore(flags, io, async (store) => {
    await store.migrate();
    const queue = queueFor(store, target, {
      concurrency,
      env: io.env,
      onError: (error) => void write(io.stderr, `warning: job queue: ${error.message}\n`),
    });
    const stopped = untilSignal();
    await startQueue(queue);
    try {
      await write(io.stderr, `guarantor worker: taking jobs (${concurrency} at a time) until Ctrl-C\n`);
      await stopped;
    } finally {
      await queue.stop();
    }
    return ExitCode.ok;
  });
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
