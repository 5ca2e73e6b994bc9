/**
 * The job queue on PostgreSQL: pg-boss (its own schema) hands job ids to `guarantor worker` processes
 * on any number of machines, and to `guarantor serve` itself unless it only enqueues. A job whose worker
 * died is failed by pg-boss's maintenance once its expiry passes, then retried (retryLimit 2: three
 * attempts); after the last, its dead letter marks our job failed. Our jobs table stays the truth.
 *
 * Concurrency decision: pg-boss 10 has no heartbeats, so the expiry is also the longest a job may run;
 * a run that outlives it is stopped here (pg-boss has already given the job to another worker). Two runs
 * of one job can overlap around that moment; the table's conditional writes keep one result.
 */
import PgBoss from 'pg-boss';
import type { JobStore } from '../store/job-store.js';
import type { Executor } from './executor.js';
import { type JobQueue, MAX_ATTEMPTS } from './job-queue.js';
import { runJob } from './run-job.js';

export const ANALYSIS_QUEUE = 'guarantor-analysis';
export const ABANDONED_QUEUE = 'guarantor-analysis-abandoned';
export const DEFAULT_BOSS_SCHEMA = 'pgboss';
/** A job's longest run, and how long a dead worker's job waits before its retry: 15 minutes. */
export const DEFAULT_EXPIRE_SECONDS = 900;

export interface PgBossQueueOptions {
  readonly store: JobStore;
  readonly execute: Executor;
  /** The PostgreSQL URL (the same database as the store). */
  readonly url: string;
  /** pg-boss's schema; default `pgboss`. */
  readonly schema?: string;
  /** Jobs this process works at once; 0 only enqueues. Default 1. */
  readonly concurrency?: number;
  readonly expireInSeconds?: number;
  /** How often an idle worker asks for a job; default 1 s. */
  readonly pollingIntervalSeconds?: number;
  /** How long `stop` lets running jobs finish before it stops them (they are retried); default 5 s. */
  readonly stopGraceMs?: number;
  readonly progressIntervalMs?: number;
  /** pg-boss's background errors (a lost connection): reported, never thrown. */
  readonly onError?: (error: Error) => void;
}

interface JobData {
  readonly jobId: string;
}

export function pgBossQueue(options: PgBossQueueOptions): JobQueue {
  const { store, execute } = options;
  const concurrency = Math.max(0, Math.floor(options.concurrency ?? 1));
  const expireInSeconds = options.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS;
  const boss = new PgBoss({
    connectionString: options.url,
    schema: options.schema ?? DEFAULT_BOSS_SCHEMA,
    max: Math.max(2, concurrency + 1),
    // Expired jobs are found by maintenance: run it often enough that a dead worker's job waits about
    // its expiry, not minutes more.
    maintenanceIntervalSeconds: Math.min(60, Math.max(1, Math.floor(expireInSeconds / 2))),
    schedule: false,
  });
  boss.on('error', (error) => options.onError?.(error));
  const running = new Set<AbortController>();
  let started: Promise<void> | undefined;
  let stopping = false;

  const work = async ([job]: PgBoss.Job<JobData>[]) => {
    if (job === undefined) return;
    const controller = new AbortController();
    running.add(controller);
    // pg-boss gives an expired job to another worker: stop computing it here.
    const expiry = setTimeout(() => controller.abort(), expireInSeconds * 1000);
    try {
      const outcome = await runJob(store, execute, job.data.jobId, {
        signal: controller.signal,
        ...(options.progressIntervalMs === undefined
          ? {}
          : { progressIntervalMs: options.progressIntervalMs }),
      });
      // Throwing fails the pg-boss job, which retries it (or, after the last attempt, dead-letters it).
      if (outcome.outcome === 'crashed') throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
      if (outcome.outcome === 'aborted') throw new Error('stopped before it finished');
    } finally {
      clearTimeout(expiry);
      running.delete(controller);
    }
  };

  const abandon = async ([job]: PgBoss.Job<JobData>[]) => {
    if (job === undefined) return;
    await store.failJob(job.data.jobId, undefined, {
      code: 'JOB_ABANDONED',
      message: `the job did not finish in ${MAX_ATTEMPTS} attempts (its workers stopped or crashed)`,
    });
  };

  const startBoss = async () => {
    await boss.start();
    await boss.createQueue(ABANDONED_QUEUE);
    await boss.createQueue(ANALYSIS_QUEUE, {
      name: ANALYSIS_QUEUE,
      retryLimit: MAX_ATTEMPTS - 1,
      expireInSeconds,
      deadLetter: ABANDONED_QUEUE,
    });
  };

  return {
    async submit(job) {
      started ??= startBoss();
      await started;
      const created = await store.createJob(job);
      try {
        await boss.send(ANALYSIS_QUEUE, { jobId: created.id } satisfies JobData, {
          retryLimit: MAX_ATTEMPTS - 1,
          expireInSeconds,
          deadLetter: ABANDONED_QUEUE,
        });
      } catch (error) {
        // Not in one transaction with our row: a job that could not be queued must not wait forever.
        await store.failJob(created.id, undefined, {
          code: 'QUEUE_UNAVAILABLE',
          message: 'the job could not be queued; submit it again',
        });
        throw error;
      }
      return created;
    },
    async start() {
      started ??= startBoss();
      await started;
      if (concurrency === 0 || stopping) return;
      const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
      // pg-boss 10 runs one job at a time per `work` call: one call per concurrent job.
      for (let i = 0; i < concurrency; i++) {
        await boss.work<JobData>(ANALYSIS_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, work);
      }
      await boss.work<JobData>(ABANDONED_QUEUE, { pollingIntervalSeconds: 5, batchSize: 1 }, abandon);
    },
    async stop() {
      stopping = true;
      if (started === undefined) return;
      await started.catch(() => {});
      await boss.offWork(ANALYSIS_QUEUE);
      await boss.offWork(ABANDONED_QUEUE);
      const deadline = Date.now() + (options.stopGraceMs ?? 5000);
      while (running.size > 0 && Date.now() < deadline) await sleep(50);
      for (const controller of running) controller.abort();
      // graceful: pg-boss waits for the aborted handlers to report (their jobs go to `retry`).
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
