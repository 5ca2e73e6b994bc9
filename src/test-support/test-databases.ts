/**
 * For tests: the real databases they run on. PGlite needs nothing; PostgreSQL is the server at
 * 127.0.0.1:5432, database `test` (GUARANTOR_TEST_PG_URL to change it), skipped with GUARANTOR_TEST_PG=0.
 * Each suite works in a schema of its own, made and dropped with `adminSql`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG_URL = process.env.GUARANTOR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** False when GUARANTOR_TEST_PG=0: no PostgreSQL server at hand. */
export const WITH_PG = process.env.GUARANTOR_TEST_PG !== '0';

/** One statement on a connection of its own (creating and dropping schemas), optionally with startup options. */
export async function adminSql(statement: string, options?: string): Promise<void> {
  const client = new pg.Client({
    connectionString: TEST_PG_URL,
    ...(options === undefined ? {} : { options }),
  });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new schema name, `<prefix>_<12 hex digits>`. */
export function freshSchemaName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/**
 * `url` whose every connection works in `schema`: pg passes `options` from the connection string to the
 * server as startup options, so each connection of a pool (the CLI's too) starts with that search_path.
 */
export function schemaUrl(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}
