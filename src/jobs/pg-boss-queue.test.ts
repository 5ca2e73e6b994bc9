/**
 * The pg-boss queue on PostgreSQL (skipped with GUARANTOR_TEST_PG=0), in this process: a job runs and
 * its result is stored; a job whose runs keep crashing is retried by pg-boss, then given up after three
 * attempts and failed in our table (JOB_ABANDONED), never left `running`.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err } from '../core/result.js';
import type { Job } from '../store/job-store.js';
import { type Executor, jobExecutor } from './executor.js';
import type { JobQueue } from './job-queue.js';
import { pgBossQueue } from './pg-boss-queue.js';
import {
  adminSql,
  distJobWorkerUrl,
  postgresTestStore,
  type TestStore,
  WITH_PG,
} from './testing/job-stores.js';

describe.skipIf(!WITH_PG)('the pg-boss queue', { timeout: 90_000 }, () => {
  const bossSchema = `pgboss_test_${randomBytes(6).toString('hex')}`;
  let db: TestStore;
  let runs = 0;
  const queues: JobQueue[] = [];
  beforeAll(async () => {
    db = await postgresTestStore();
  });
  afterAll(async () => {
    for (const queue of queues) await queue.stop();
    await db.dispose();
    await adminSql(`drop schema if exists ${bossSchema} cascade`);
  });

  /** A queue working in this process, with the real executor unless one is given. */
  async function startQueue(execute?: Executor): Promise<JobQueue> {
    const queue = pgBossQueue({
      store: db.store,
      execute: execute ?? jobExecutor(db.store, { workerUrl: distJobWorkerUrl }),
      url: db.target,
      schema: bossSchema,
      pollingIntervalSeconds: 0.5,
      progressIntervalMs: 10,
    });
    queues.push(queue);
    await queue.start();
    return queue;
  }

  async function settled(id: string): Promise<Job> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const job = await db.store.job(id);
      if (job?.state === 'done' || job?.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${id} did not settle in 60 s`);
  }

  const submit = (queue: JobQueue, kind: 'assess' | 'compare') =>
    queue.submit({
      planId: db.planId,
      planVersion: db.version,
      kind,
      params: { trials: 300 },
      requestedBy: 't',
    });

  it('runs a job and stores its result', async () => {
    const queue = await startQueue();
    const job = await settled((await submit(queue, 'assess')).id);
    expect(job).toMatchObject({ state: 'done', attempts: 1, progress: { done: 300, total: 300 } });
    expect(JSON.parse((await db.store.jobResult(job.id)) ?? 'null')).toMatchObject({ model: 1 });
    await queue.stop();
  });

  it('retries a job whose runs crash, and fails it for good after three attempts', async () => {
    const crashing: Executor = async () => {
      runs++;
      return err({ code: 'INTERNAL', message: 'the worker thread crashed' });
    };
    const queue = await startQueue(crashing);
    const job = await settled((await submit(queue, 'compare')).id);
    expect(job).toMatchObject({ state: 'failed', attempts: 3, error: { code: 'JOB_ABANDONED' } });
    expect(runs).toBe(3);
    expect(await db.store.jobResult(job.id)).toBeUndefined();
  });
});
