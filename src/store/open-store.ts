/**
 * Opening the ledger: a `postgres://` URL gives a PostgreSQL store (a `pg` pool), anything else is a
 * folder for an embedded PGlite (`<folder>/pgdata`, locked by `<folder>/lock`). Which one: `--db`, else
 * `DATABASE_URL`, else `.guarantor/` in the working directory.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { lockFolder } from './folder-lock.js';
import { type KyselyStoreOptions, kyselyStore } from './kysely-store.js';
import { pgliteDialect } from './pglite-dialect.js';
import { type Store, StoreError } from './store.js';

export const DEFAULT_DB_FOLDER = '.guarantor';

/** `--db` > `DATABASE_URL` > `.guarantor/` under `cwd`. */
export function resolveTarget(flag: string | undefined, env: NodeJS.ProcessEnv, cwd = process.cwd()): string {
  if (flag !== undefined && flag !== '') return flag;
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') return url;
  return join(cwd, DEFAULT_DB_FOLDER);
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to work in (tests use a fresh one per run). */
  readonly schema?: string;
  /** How many plans' projections the store keeps in memory (kysely-store.ts; default 64). */
  readonly planCacheSize?: number;
}

/** Opens (and checks it can reach) the store; throws StoreError for what the user must fix. */
export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  return isPostgresUrl(target) ? openPostgres(target, options) : openPglite(target, options);
}

async function openPostgres(url: string, options: OpenOptions): Promise<Store> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`not a plain schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client's error (the server went away) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreError('DB_UNREACHABLE', `cannot connect to ${redact(url)}: ${describe(error)}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return kyselyStore(db, 'postgres', async () => {}, storeOptions(options));
}

async function openPglite(folder: string, options: OpenOptions): Promise<Store> {
  const root = resolve(folder);
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    throw new StoreError('DB_OPEN_FAILED', `cannot create the database folder ${folder}: ${describe(error)}`);
  }
  const lock = await lockFolder(join(root, 'lock'));
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(join(root, 'pgdata'));
  } catch (error) {
    await lock.release();
    throw new StoreError('DB_OPEN_FAILED', `cannot open the database in ${folder}: ${describe(error)}`);
  }
  const db = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  return kyselyStore(
    db,
    'pglite',
    async () => {
      try {
        await pglite.close();
      } finally {
        await lock.release();
      }
    },
    // The folder lock makes this process the database's only user, and this store its only writer.
    { ...storeOptions(options), soleWriter: true },
  );
}

function storeOptions(options: OpenOptions): KyselyStoreOptions {
  return options.planCacheSize === undefined ? {} : { planCacheSize: options.planCacheSize };
}

/** Hides a password in a URL before it goes into a message. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database URL';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  return error instanceof Error
    ? error.message || String((error as NodeJS.ErrnoException).code)
    : String(error);
}
