/**
 * The in-process queue (PGlite): jobs run in order, at most `concurrency` at a time, and a job left
 * `running` by a process that died is re-queued at start (and runs, attempts + 1), up to 3 attempts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, JobStore } from '../store/job-store.js';
import { jobExecutor } from './executor.js';
import { inProcessQueue } from './in-process-queue.js';
import { distJobWorkerUrl, pgliteTestStore, type TestStore } from './testing/job-stores.js';

let db: TestStore;
beforeAll(async () => {
  db = await pgliteTestStore();
});
afterAll(() => db.dispose());

const newJob = (params: Record<string, unknown> = { trials: 500 }) => ({
  planId: db.planId,
  planVersion: db.version,
  kind: 'assess' as const,
  params,
  requestedBy: 'tester',
});

/** Waits (polling the table, as a client would) until the job is done or failed. */
async function settled(store: JobStore, id: string): Promise<Job> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const job = await store.job(id);
    if (job === undefined) throw new Error(`no job ${id}`);
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${id} did not settle in 90 s`);
}

describe('the in-process queue', () => {
  it('re-queues a job left running by a dead process, runs it, and counts the attempt', async () => {
    const orphan = await db.store.createJob(newJob());
    // Another "process" claimed it and died: the row says running, attempt 1, owned by a lost run.
    expect(await db.store.claimJob(orphan.id, 'run-of-a-dead-process')).toMatchObject({ state: 'running' });
    const queue = inProcessQueue({
      store: db.store,
      execute: jobExecutor(db.store, { workerUrl: distJobWorkerUrl }),
    });
    await queue.start();
    try {
      const job = await settled(db.store, orphan.id);
      expect(job).toMatchObject({ state: 'done', attempts: 2 });
      expect(JSON.parse((await db.store.jobResult(orphan.id)) ?? 'null')).toMatchObject({ model: 1 });
    } finally {
      await queue.stop();
    }
  });

  it('fails, without running it again, a job whose process died on its third attempt', async () => {
    const orphan = await db.store.createJob(newJob());
    for (let i = 0; i < 3; i++) await db.store.claimJob(orphan.id, `dead-${i}`);
    const queue = inProcessQueue({
      store: db.store,
      execute: jobExecutor(db.store, { workerUrl: distJobWorkerUrl }),
    });
    await queue.start();
    await queue.stop();
    expect(await db.store.job(orphan.id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: { code: 'JOB_ABANDONED' },
    });
  });

  it('runs queued jobs oldest first, one at a time by default', async () => {
    const a = await db.store.createJob(newJob({ trials: 300, seed: 1 }));
    const b = await db.store.createJob(newJob({ trials: 300, seed: 2 }));
    const queue = inProcessQueue({
      store: db.store,
      execute: jobExecutor(db.store, { workerUrl: distJobWorkerUrl }),
    });
    await queue.start();
    try {
      const [first, second] = [await settled(db.store, a.id), await settled(db.store, b.id)];
      expect(first.state).toBe('done');
      expect(second.state).toBe('done');
      expect((first.finished as Date).getTime()).toBeLessThanOrEqual((second.started as Date).getTime());
    } finally {
      await queue.stop();
    }
  });

  it('stops a running job on stop and puts it back in the queue, without using up an attempt', async () => {
    const long = await db.store.createJob(newJob({ trials: 1_000_000 }));
    const queue = inProcessQueue({
      store: db.store,
      execute: jobExecutor(db.store, { workerUrl: distJobWorkerUrl }),
      stopGraceMs: 0,
    });
    await queue.start();
    for (;;) {
      if ((await db.store.job(long.id))?.state === 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await queue.stop();
    expect(await db.store.job(long.id)).toMatchObject({ state: 'queued', attempts: 0 });
    // Leave the table as the other tests expect it: no queued job.
    await db.store.failJob(long.id, undefined, { code: 'TEST', message: 'cleared by the test' });
  });
});
