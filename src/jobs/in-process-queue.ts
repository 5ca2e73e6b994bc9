/**
 * The job queue on PGlite: jobs run in the serve process (each in its own worker thread), at most
 * `concurrency` at a time, oldest first. PGlite is one process per database folder (its lock), so a
 * job found `running` at start was left by a process that died: it is re-queued, up to MAX_ATTEMPTS.
 *
 * Concurrency decision: the queue is the jobs table itself (no in-memory list to lose); `pump` is the
 * only place that starts runs, and it never runs twice at once (a request during a pump sets `again`).
 */
import type { JobStore } from '../store/job-store.js';
import type { Executor } from './executor.js';
import { type JobQueue, MAX_ATTEMPTS } from './job-queue.js';
import { runJob } from './run-job.js';

export interface InProcessQueueOptions {
  readonly store: JobStore;
  readonly execute: Executor;
  /** Jobs run at once; default 1. */
  readonly concurrency?: number;
  /** How long `stop` lets running jobs finish before it stops and re-queues them; default 5 s. */
  readonly stopGraceMs?: number;
  readonly progressIntervalMs?: number;
}

export function inProcessQueue(options: InProcessQueueOptions): JobQueue {
  const { store, execute } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const running = new Map<string, { readonly controller: AbortController; readonly done: Promise<void> }>();
  let started = false;
  let stopped = false;
  let pumping = false;
  let again = false;

  const runOne = async (jobId: string, controller: AbortController) => {
    const outcome = await runJob(store, execute, jobId, {
      signal: controller.signal,
      ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
    });
    if (outcome.outcome === 'aborted') await store.requeueJob(jobId, outcome.runId);
    // In this process a crash of the worker thread is not a dead process: retrying would crash again.
    if (outcome.outcome === 'crashed') await store.failJob(jobId, outcome.runId, outcome.error);
  };

  const pump = async (): Promise<void> => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        if (stopped || !started) return;
        const free = concurrency - running.size;
        if (free <= 0) return;
        const ids = (await store.queuedJobIds(concurrency + running.size)).filter((id) => !running.has(id));
        for (const id of ids.slice(0, free)) {
          const controller = new AbortController();
          const done = runOne(id, controller)
            .catch(() => {
              // The database went away mid-run: the job stays `running`, recovered at the next start.
            })
            .finally(() => {
              running.delete(id);
              void pump();
            });
          running.set(id, { controller, done });
        }
      } while (again);
    } catch {
      // The database is unreachable or closing: the jobs stay queued; the next submit or start pumps again.
    } finally {
      pumping = false;
    }
  };

  return {
    async submit(job) {
      const created = await store.createJob(job);
      void pump();
      return created;
    },
    async start() {
      if (started) return;
      started = true;
      await store.recoverRunningJobs(MAX_ATTEMPTS);
      await pump();
    },
    async stop() {
      stopped = true;
      const all = () => Promise.all([...running.values()].map((r) => r.done));
      const grace = new Promise<'late'>((resolve) => {
        const timer = setTimeout(() => resolve('late'), options.stopGraceMs ?? 5000);
        void all().then(() => clearTimeout(timer));
      });
      if ((await Promise.race([all(), grace])) === 'late') {
        for (const r of running.values()) r.controller.abort();
      }
      await all();
    },
  };
}
