/**
 * Stores for the job tests, on real databases: PGlite in a temporary folder, and PostgreSQL
 * (127.0.0.1:5432, database `test`, a fresh schema per store, dropped afterwards; GUARANTOR_TEST_PG=0
 * skips it). Each holds the small test plan, imported.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { openStore } from '../../store/open-store.js';
import { importPlan } from '../../store/plan-history.js';
import type { Store } from '../../store/store.js';
import { adminSql, freshSchemaName, schemaUrl, TEST_PG_URL } from '../../test-support/test-databases.js';

export { adminSql, WITH_PG } from '../../test-support/test-databases.js';

/** The compiled job worker (`npm run build`): tests run TypeScript, worker threads run dist/. */
export const distJobWorkerUrl = new URL('../../../dist/jobs/job-worker.js', import.meta.url);

export interface TestStore {
  readonly store: Store;
  readonly planId: string;
  /** The plan's version after the import. */
  readonly version: number;
  /** PGlite: the folder; PostgreSQL: the URL with the test schema as its search_path. */
  readonly target: string;
  /** PostgreSQL only: the schema. */
  readonly schema?: string;
  dispose(): Promise<void>;
}

export async function pgliteTestStore(): Promise<TestStore> {
  const folder = join(tmpdir(), `guarantor-jobs-${randomBytes(6).toString('hex')}`);
  const store = await openStore(folder);
  return withPlan(store, folder, undefined, async () => {
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });
}

export async function postgresTestStore(): Promise<TestStore> {
  const schema = freshSchemaName('guarantor_jobs');
  await adminSql(`create schema ${schema}`);
  const store = await openStore(TEST_PG_URL, { schema });
  const target = schemaUrl(TEST_PG_URL, schema);
  return withPlan(store, target, schema, async () => {
    await store.close();
    await adminSql(`drop schema ${schema} cascade`);
  });
}

async function withPlan(
  store: Store,
  target: string,
  schema: string | undefined,
  dispose: () => Promise<void>,
): Promise<TestStore> {
  await store.migrate();
  const imported = await importPlan(store, SMALL_PLAN_YAML, 'small.yaml', { who: 'tester', reason: 'test' });
  if (!imported.ok) throw new Error(`cannot import the test plan: ${imported.error.code}`);
  return {
    store,
    planId: imported.value.planId,
    version: imported.value.version,
    target,
    ...(schema === undefined ? {} : { schema }),
    dispose,
  };
}
