/**
 * Kysely on PGlite through Kysely's own PostgreSQL dialect: a "pool" of one connection. PGlite is one
 * connection in one process, so `connect()` waits until the previous holder releases it — a Kysely
 * transaction holds the connection from BEGIN to COMMIT, and nothing else interleaves with it.
 * (kysely 0.28 has no PGlite dialect; 0.29 has one but declares Node ≥ 22.)
 */
import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';

export function pgliteDialect(pglite: PGlite): PostgresDialect {
  let tail: Promise<void> = Promise.resolve();
  const pool: PostgresPool = {
    async connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      const client = {
        async query(sql: string, parameters: readonly unknown[]) {
          const result = await pglite.query<never>(sql, [...parameters]);
          // The dialect reads `command` (INSERT/UPDATE/…) and `rowCount` as pg returns them.
          const command = sql.trimStart().slice(0, 6).toUpperCase();
          return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
        },
        release: () => release(),
      };
      return client as unknown as PostgresPoolClient;
    },
    // The caller closes PGlite itself (openStore), after Kysely is done with it.
    end: async () => {},
  };
  return new PostgresDialect({ pool });
}
