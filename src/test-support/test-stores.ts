/**
 * For tests: the stores a suite runs over — PGlite in a temporary folder, and PostgreSQL (127.0.0.1:5432,
 * database `test`, a fresh schema dropped afterwards) unless GUARANTOR_TEST_PG=0. Use with
 * `describe.each(storeHarnesses())`.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { adminSql, freshSchemaName, TEST_PG_URL, WITH_PG } from './test-databases.js';

export interface StoreHarness {
  readonly name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated store. */
  setUp(): Promise<Store>;
  /** Closes it and removes its folder or schema. */
  tearDown(store: Store): Promise<void>;
}

export function pgliteHarness(): StoreHarness {
  const folder = join(tmpdir(), `guarantor-test-${randomBytes(6).toString('hex')}`);
  return {
    name: 'pglite',
    setUp: async () => migrated(await openStore(folder)),
    tearDown: async (store) => {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export function postgresHarness(): StoreHarness {
  const schema = freshSchemaName('guarantor_test');
  return {
    name: 'postgres',
    setUp: async () => {
      await adminSql(`create schema ${schema}`);
      return migrated(await openStore(TEST_PG_URL, { schema }));
    },
    tearDown: async (store) => {
      await store.close();
      await adminSql(`drop schema ${schema} cascade`);
    },
  };
}

/** PGlite always; PostgreSQL unless GUARANTOR_TEST_PG=0. */
export function storeHarnesses(): StoreHarness[] {
  return [pgliteHarness(), ...(WITH_PG ? [postgresHarness()] : [])];
}

async function migrated(store: Store): Promise<Store> {
  await store.migrate();
  return store;
}
