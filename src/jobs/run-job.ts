/**
 * One run of one job, shared by both queues: claim it in the jobs table (state `running`, one more
 * attempt, owned by this run), execute it, write progress (throttled), then store the result once or
 * the failure. The table is the truth: a run that lost its claim (another run took the job over) can
 * still finish it first, but never twice, and never after it failed.
 */
import { randomUUID } from 'node:crypto';
import type { Progress } from '../core/engine/assess.js';
import type { JobError, JobStore } from '../store/job-store.js';
import type { Executor } from './executor.js';

/** How often progress is written to the jobs table, at most. */
export const PROGRESS_INTERVAL_MS = 250;

export type RunOutcome =
  /** Nothing to run: the job is unknown or already finished. */
  | { readonly outcome: 'skipped' }
  | { readonly outcome: 'done'; readonly stored: boolean }
  /** The core refused the request: the job is failed for good (a retry would fail the same way). */
  | { readonly outcome: 'failed'; readonly error: JobError }
  /** Stopped by its signal: the job is still `running`, owned by `runId`; the caller re-queues it. */
  | { readonly outcome: 'aborted'; readonly runId: string }
  /** The worker crashed or hit a bug: the caller retries it or fails it. */
  | { readonly outcome: 'crashed'; readonly runId: string; readonly error: JobError };

export interface RunJobOptions {
  readonly signal?: AbortSignal;
  readonly progressIntervalMs?: number;
}

export async function runJob(
  store: JobStore,
  execute: Executor,
  jobId: string,
  options: RunJobOptions = {},
): Promise<RunOutcome> {
  const runId = randomUUID();
  const job = await store.claimJob(jobId, runId);
  if (job === undefined) return { outcome: 'skipped' };
  const progress = throttledProgress(
    (p) => store.reportProgress(jobId, runId, p),
    options.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
  );
  const result = await execute(job, {
    onProgress: progress.report,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  await progress.flush();
  if (result.ok) return { outcome: 'done', stored: await store.finishJob(jobId, result.value) };
  switch (result.error.code) {
    case 'ABORTED':
      return { outcome: 'aborted', runId };
    case 'INTERNAL':
      return { outcome: 'crashed', runId, error: result.error };
    default:
      await store.failJob(jobId, runId, result.error);
      return { outcome: 'failed', error: result.error };
  }
}

/**
 * Progress writes: the first at once, then at most one per interval (the latest value wins), in order.
 * A failed write is dropped: progress is a hint, the state and the result are what count.
 */
function throttledProgress(write: (p: Progress) => Promise<void>, intervalMs: number) {
  let last = 0;
  let pending: Progress | undefined;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  const send = () => {
    timer = undefined;
    const p = pending;
    pending = undefined;
    if (p === undefined) return;
    last = Date.now();
    chain = chain.then(() => write(p)).catch(() => {});
  };
  return {
    report(p: Progress) {
      pending = p;
      if (timer !== undefined) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    async flush() {
      if (timer !== undefined) clearTimeout(timer);
      send();
      await chain;
    },
  };
}
