/**
 * The port every job queue implements: submit a job, work jobs, stop. Two implementations: in-process
 * on PGlite (in-process-queue.ts) and pg-boss on PostgreSQL (pg-boss-queue.ts). Either way the jobs
 * table is what the API reads (state, progress, result); the queue only decides who runs what, when.
 */
import type { Job, NewJob } from '../store/job-store.js';

export interface JobQueue {
  /** Stores a `queued` job and hands it to whatever runs jobs; returns the job as stored. */
  submit(job: NewJob): Promise<Job>;
  /** Starts working jobs in this process (no-op for a queue that only enqueues). */
  start(): Promise<void>;
  /** Stops taking jobs; running ones finish within the grace period, or go back to the queue. */
  stop(): Promise<void>;
}

/** Attempts a job gets before it is failed for good (a first run and two retries). */
export const MAX_ATTEMPTS = 3;
