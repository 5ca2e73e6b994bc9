/**
 * `guarantor worker` as real child processes on PostgreSQL (skipped with GUARANTOR_TEST_PG=0): a worker
 * takes a job through pg-boss and stores its result; a worker killed with SIGKILL mid-job loses it only
 * until the job's expiry (6 s here, via GUARANTOR_JOB_EXPIRE_SECONDS), then another worker retries it,
 * finishes it, and the result is stored once. And the exit codes of a worker that cannot work.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../core/engine/assess.js';
import { planFromData } from '../../core/plan/parse-plan.js';
import { jobExecutor } from '../../jobs/executor.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { pgBossQueue } from '../../jobs/pg-boss-queue.js';
import { adminSql, postgresTestStore, type TestStore, WITH_PG } from '../../jobs/testing/job-stores.js';
import type { Job } from '../../store/job-store.js';
import { planData } from '../../store/plan-history.js';
import { guarantor, ROOT, SLOW, tempPlans } from '../../test-support/cli-harness.js';
import { cliPath } from '../../test-support/dist.js';

const EXPIRE_SECONDS = 6;
const bossSchema = `pgboss_test_${randomBytes(6).toString('hex')}`;
const env = {
  ...process.env,
  GUARANTOR_PGBOSS_SCHEMA: bossSchema,
  GUARANTOR_JOB_EXPIRE_SECONDS: String(EXPIRE_SECONDS),
};
const tmp = tempPlans('guarantor-worker-', {});

interface Worker {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

/** Starts `guarantor worker --db URL` and resolves once it takes jobs. */
async function startWorker(target: string): Promise<Worker> {
  const child = spawn(process.execPath, [cliPath, 'worker', '--db', target], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('taking jobs')) resolve();
    });
    void exited.then((code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
  });
  return { child, exited, stderr: () => stderr };
}

/** Polls the job's row until `done(job)`. */
async function until(db: TestStore, id: string, done: (job: Job) => boolean): Promise<Job> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const job = await db.store.job(id);
    if (job !== undefined && done(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not settle in 90 s`);
}

describe.skipIf(!WITH_PG)('guarantor worker on PostgreSQL (pg-boss)', { timeout: SLOW }, () => {
  let db: TestStore;
  let queue: JobQueue;
  beforeAll(async () => {
    db = await postgresTestStore();
    // This process only enqueues (concurrency 0), like `guarantor serve --workers 0`.
    queue = pgBossQueue({
      store: db.store,
      execute: jobExecutor(db.store),
      url: db.target,
      schema: bossSchema,
      concurrency: 0,
      expireInSeconds: EXPIRE_SECONDS,
    });
    await queue.start();
  });
  afterAll(async () => {
    await queue.stop();
    await db.dispose();
    await adminSql(`drop schema if exists ${bossSchema} cascade`);
  });

  const submit = (params: Record<string, unknown>) =>
    queue.submit({
      planId: db.planId,
      planVersion: db.version,
      kind: 'assess',
      params,
      requestedBy: 'tester',
    });

  it('takes a job, stores its result, and exits 0 on SIGTERM', async () => {
    const job = await submit({ trials: 2000, seed: 4 });
    const worker = await startWorker(db.target);
    try {
      const done = await until(db, job.id, (j) => j.state !== 'queued' && j.state !== 'running');
      expect(done).toMatchObject({ state: 'done', attempts: 1 });
      expect(JSON.parse((await db.store.jobResult(job.id)) ?? 'null')).toMatchObject({
        settings: { trials: 2000, seed: 4 },
      });
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exited).toBe(0);
  });

  it('retries a job whose worker was killed (SIGKILL) mid-job; the result is stored once', async () => {
    const trials = 150_000;
    const job = await submit({ trials, seed: 9 });
    const first = await startWorker(db.target);
    const running = await until(db, job.id, (j) => j.state === 'running' && j.progress.done > 0);
    expect(running.attempts).toBe(1);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);

    const second = await startWorker(db.target);
    try {
      const done = await until(db, job.id, (j) => j.state === 'done' || j.state === 'failed');
      expect(done.state).toBe('done');
      expect(done.attempts).toBeGreaterThanOrEqual(2);
      // The same document the core gives for the plan as stored, seed and trials: computed once, kept once.
      const data = await planData(db.store, db.planId);
      const parsed = data?.ok
        ? planFromData({ data: data.value, locate: (r) => r.map(() => undefined), warnings: [] })
        : undefined;
      if (parsed === undefined || !parsed.ok) throw new Error('the stored plan does not parse');
      expect(await db.store.jobResult(job.id)).toBe(
        JSON.stringify(assess(parsed.value.plan, { trials, seed: 9 })),
      );
      expect(await db.store.finishJob(job.id, '{}')).toBe(false);
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
  });
});

describe('guarantor worker that cannot work', { timeout: SLOW }, () => {
  it('refuses a PGlite target as a usage error (exit 2): the server runs those jobs itself', async () => {
    const run = await guarantor(['worker', '--db', tmp('ledger')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('workers need PostgreSQL');
    expect(run.stderr).toContain('with PGlite the server runs jobs itself');
  });

  it('exits 1 when the database is unreachable', async () => {
    const run = await guarantor(['worker', '--db', 'postgres://postgres@127.0.0.1:1/nowhere']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot connect');
  });

  it('exits 2 on a bad --concurrency', async () => {
    const run = await guarantor([
      'worker',
      '--db',
      'postgres://postgres@127.0.0.1:1/x',
      '--concurrency',
      '0',
    ]);
    expect(run.code).toBe(2);
  });
});
