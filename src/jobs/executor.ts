/**
 * Runs one job off the event loop: reads its plan as of its version from the ledger (here, in the
 * parent, which holds the connection; for a report also the latest Kiel import, report-context.ts), runs
 * the analysis in a fresh worker thread, and relays progress.
 * Expected failures (an unknown variant, a version with no valid plan) are result values; a worker
 * that crashes, or a bug, is an `INTERNAL` error the queue may retry.
 *
 * Concurrency decision: one short-lived worker per job (no pool): a job is long against the thread's
 * start-up (~30 ms), and a terminated worker takes nothing else down with it.
 */
import { Worker } from 'node:worker_threads';
import type { Progress } from '../core/engine/assess.js';
import { err, ok, type Result } from '../core/result.js';
import type { JobError, JobKind } from '../store/job-store.js';
import type { LedgerStore } from '../store/store.js';
import type { TrackRecordStore } from '../store/track-record-store.js';
import { readJobInput } from './job-input.js';
import { parseStoredRequest } from './job-params.js';
import type { JobMessage, JobTask } from './job-protocol.js';
import { withReportContext } from './report-context.js';

export interface ExecutorOptions {
  /** The compiled worker entry; default `job-worker.js` next to this module (dist/jobs). */
  readonly workerUrl?: URL;
  /** Where a report reads SOURCE_DATE_EPOCH (the date printed on it); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What the executor reads: the ledger, and the latest Kiel import for report jobs. */
export type ExecutorStore = LedgerStore & Pick<TrackRecordStore, 'latestTrackRecords'>;

export interface JobRun {
  readonly planId: string;
  readonly planVersion: number;
  readonly kind: JobKind;
  readonly params: unknown;
  /** A queued job's id and creation time (a report prints them); runNow has none. */
  readonly id?: string;
  readonly created?: Date;
}

export interface RunHooks {
  readonly onProgress?: (progress: Progress) => void;
  /** Aborting terminates the worker thread; the run then fails with `ABORTED`. */
  readonly signal?: AbortSignal;
}

/**
 * Runs a job to its document (JSON text, as the CLI's --json would print it, without the newline; for a
 * report, `{ format: 'html', fileName, html }`, run-report.ts).
 */
export type Executor = (run: JobRun, hooks?: RunHooks) => Promise<Result<string, JobError>>;

export function jobExecutor(store: ExecutorStore, options: ExecutorOptions = {}): Executor {
  const workerUrl = options.workerUrl ?? new URL('./job-worker.js', import.meta.url);
  const env = options.env ?? process.env;
  return async (run, hooks = {}) => {
    const request = parseStoredRequest(run.kind, run.params);
    if (request === undefined) {
      return err({
        code: 'INVALID_PARAMS',
        message: `the stored params do not fit a ${run.kind} job`,
        path: 'params',
      });
    }
    const input = await readJobInput(store, run.planId, run.planVersion, request);
    if (!input.ok) return input;
    if ('diff' in input.value) return runInWorker(workerUrl, input.value, hooks);
    const { plan, request: asked } = input.value;
    if (asked.kind !== 'report') return runInWorker(workerUrl, { plan, request: asked }, hooks);
    const task = await withReportContext(store, run, { plan, request: asked }, env);
    return task.ok ? runInWorker(workerUrl, task.value, hooks) : task;
  };
}

function runInWorker(url: URL, task: JobTask, hooks: RunHooks): Promise<Result<string, JobError>> {
  return new Promise((resolve) => {
    if (hooks.signal?.aborted) return resolve(err(aborted()));
    const worker = new Worker(url, { workerData: task });
    let settled = false;
    const settle = (result: Result<string, JobError>) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', abort);
      resolve(result);
      // The worker ends by itself after its last message; terminate covers abort and stray timers.
      void worker.terminate();
    };
    const abort = () => settle(err(aborted()));
    hooks.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: JobMessage) => {
      switch (m.type) {
        case 'progress':
          if (!settled) hooks.onProgress?.(m.progress);
          break;
        case 'done':
          settle(ok(m.document));
          break;
        case 'error':
          settle(err(m.error));
          break;
        default:
          m satisfies never;
      }
    });
    worker.on('error', (e) => settle(err({ code: 'INTERNAL', message: `job worker failed: ${e.message}` })));
    worker.on('exit', (code) =>
      settle(err({ code: 'INTERNAL', message: `job worker exited with code ${code} before finishing` })),
    );
  });
}

function aborted(): JobError {
  return { code: 'ABORTED', message: 'the run was stopped before it finished' };
}
