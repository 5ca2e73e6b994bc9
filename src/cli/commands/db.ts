/**
 * `guarantor db migrate|import|export|log`: the pledge ledger from the command line. Each command opens
 * the store named by `--db` (else DATABASE_URL, else `.guarantor/`), does one thing and closes it —
 * PGlite holds its folder's lock only while a command runs.
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { InvalidArgumentError } from '@commander-js/extra-typings';
import { stringify } from 'yaml';
import { formatIssue, type Issue } from '../../core/errors.js';
import { MAX_PLAN_BYTES } from '../../core/plan/index.js';
import type { LedgerEvent } from '../../store/events.js';
import { importPlan, planData } from '../../store/plan-history.js';
import { type AsOf, type Store, StoreError } from '../../store/store.js';
import { CliError } from '../errors/cli-error.js';
import { describeFsError } from '../errors/fs-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';
import { renderTable } from '../render/table.js';

export interface DbFlags {
  readonly db?: string;
}

export async function dbMigrateCommand(flags: DbFlags, io: CliIo): Promise<ExitCode> {
  return withStore(flags, io, async (store, target) => {
    const applied = await store.migrate();
    const what = applied.length === 0 ? 'up to date' : `applied migration ${applied.join(', ')}`;
    await write(io.stdout, `${target}: ${what}\n`);
    return ExitCode.ok;
  });
}

export interface DbImportFlags extends DbFlags {
  readonly who?: string;
  readonly reason?: string;
}

/** Prints the new plan's id (only it, on stdout, for scripts). */
export async function dbImportCommand(file: string, flags: DbImportFlags, io: CliIo): Promise<ExitCode> {
  const text = await readPlanText(file);
  return withStore(flags, io, async (store) => {
    await store.migrate();
    const who = flags.who ?? defaultWho(io);
    const reason = flags.reason ?? `imported from ${file}`;
    const imported = await importPlan(store, text, file, { who, reason });
    if (!imported.ok) {
      const error = imported.error;
      const issues: readonly Issue[] = 'issues' in error ? error.issues : [];
      const lines = issues.map((issue) => formatIssue(file, issue));
      throw new CliError(
        lines.length > 0 ? lines : [`error: ${file}: ${describeCode(error)}`],
        ExitCode.invalidInput,
      );
    }
    await write(io.stdout, `${imported.value.planId}\n`);
    await write(
      io.stderr,
      `imported ${file} as plan ${imported.value.planId} (${imported.value.events} events)\n`,
    );
    return ExitCode.ok;
  });
}

export interface DbExportFlags extends DbFlags {
  readonly asOf?: AsOf;
}

/** The plan (as of a point) as a plan file on stdout. */
export async function dbExportCommand(planId: string, flags: DbExportFlags, io: CliIo): Promise<ExitCode> {
  return withStore(flags, io, async (store) => {
    await store.migrate();
    const data = await planData(store, planId, flags.asOf);
    if (data === undefined) throw unknownPlan(planId);
    if (!data.ok) {
      throw new CliError(
        [
          `error: plan ${planId} has no valid state ${describeAsOf(flags.asOf)}: that point is before the plan ` +
            'existed or inside a write of several events (an import is one write); see guarantor db log',
        ],
        ExitCode.invalidInput,
      );
    }
    await write(io.stdout, stringify(data.value, { lineWidth: 0 }));
    return ExitCode.ok;
  });
}

export interface DbLogFlags extends DbFlags {
  readonly json?: boolean;
}

/** The plan's events, oldest first: seq, time, who, kind, entity, reason and source. */
export async function dbLogCommand(planId: string, flags: DbLogFlags, io: CliIo): Promise<ExitCode> {
  return withStore(flags, io, async (store) => {
    await store.migrate();
    const events = await store.events(planId);
    if (events === undefined) throw unknownPlan(planId);
    if (flags.json === true) {
      await write(io.stdout, `${JSON.stringify(events, null, 2)}\n`);
      return ExitCode.ok;
    }
    const lines = renderTable(
      [
        { header: 'seq', align: 'right' },
        { header: 'at' },
        { header: 'who' },
        { header: 'kind' },
        { header: 'entity' },
        { header: 'reason' },
        { header: 'source' },
      ],
      events.map(logRow),
    );
    await write(io.stdout, `${lines.join('\n')}\n`);
    return ExitCode.ok;
  });
}

/** `--as-of 12` (a seq) or `--as-of 2025-09-04T12:00:00Z` (a time, inclusive). */
export function parseAsOf(value: string): AsOf {
  if (/^\d+$/.test(value)) {
    const seq = Number(value);
    if (Number.isSafeInteger(seq)) return { seq };
  }
  const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(time.getTime())) {
    throw new InvalidArgumentError(
      'It must be an event number (e.g. 12) or an ISO time (e.g. 2025-09-04T12:00:00Z).',
    );
  }
  return { time };
}

export async function withStore<T>(
  flags: DbFlags,
  io: CliIo,
  run: (store: Store, target: string) => Promise<T>,
): Promise<T> {
  // Loaded on demand: the database drivers cost nothing to the commands that do not use them.
  const { openStore, resolveTarget } = await import('../../store/open-store.js');
  const target = resolveTarget(flags.db, io.env);
  let store: Store;
  try {
    store = await openStore(target);
  } catch (error) {
    if (error instanceof StoreError) throw new CliError([`error: ${error.message}`], ExitCode.invalidInput);
    throw error;
  }
  try {
    return await run(store, store.kind === 'postgres' ? 'database' : target);
  } finally {
    await store.close();
  }
}

async function readPlanText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliError([`error: cannot read ${file}: ${describeFsError(error)}`], ExitCode.invalidInput);
  }
  if (bytes.length > MAX_PLAN_BYTES) {
    throw new CliError([`error: ${file} is larger than ${MAX_PLAN_BYTES / 1e6} MB`], ExitCode.invalidInput);
  }
  return bytes.toString('utf8');
}

function logRow(event: LedgerEvent): string[] {
  const source =
    event.source === undefined
      ? ''
      : [event.source.title, event.source.url, event.source.date].filter(Boolean).join(', ');
  return [
    String(event.seq),
    event.at.toISOString(),
    event.who,
    event.kind,
    event.entityId,
    event.reason,
    source,
  ];
}

export function unknownPlan(planId: string): CliError {
  return new CliError(
    [`error: no plan "${planId}" in this database (guarantor db import PLAN.yaml creates one)`],
    ExitCode.invalidInput,
  );
}

function describeAsOf(asOf: AsOf | undefined): string {
  if (asOf === undefined) return 'now';
  return 'seq' in asOf ? `as of event ${asOf.seq}` : `as of ${asOf.time.toISOString()}`;
}

function describeCode(error: { readonly message?: string; readonly code: string }): string {
  return error.message ?? error.code;
}

/** Who a CLI write is attributed to: GUARANTOR_USER, else the OS user. */
export function defaultWho(io: CliIo): string {
  try {
    return io.env.GUARANTOR_USER ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}
