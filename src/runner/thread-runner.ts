/**
 * Splits the trials of an assessment into contiguous blocks, one per worker thread, and joins the
 * blocks in trial order before summarising. Because every draw is keyed by (seed, trial, stream,
 * index) and every reduction runs over the joined blocks in trial order, the document is byte-identical
 * for any number of threads.
 *
 * Concurrency decision: one short-lived worker per block (no pool), since an assessment is one large
 * batch; the workers' start-up (~30 ms) is small against any run worth splitting.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AssessOptions } from '../core/engine/assess.js';
import { assess } from '../core/engine/assess.js';
import type { Assessment } from '../core/engine/result-types.js';
import { prepareRun, trialRanges } from '../core/engine/run-plan.js';
import { summarize } from '../core/engine/summarize.js';
import { joinBlocks, type TrialBlock } from '../core/engine/trial-block.js';
import { GuarantorError } from '../core/errors.js';
import type { Plan } from '../core/plan/types.js';
import type { Runner } from './runner.js';
import type { WorkerMessage, WorkerTask } from './worker-protocol.js';

/** Below this many trials per extra thread, splitting costs more than it saves. */
const MIN_TRIALS_PER_THREAD = 2000;

export interface ThreadRunnerOptions {
  /** Worker threads; default the machine's available parallelism. */
  readonly threads?: number;
  /** The compiled worker entry; default `trial-worker.js` next to this module. */
  readonly workerUrl?: URL;
  /** Split even small runs (tests of the worker path). */
  readonly alwaysSplit?: boolean;
}

export function defaultThreads(): number {
  return availableParallelism();
}

export function threadRunner(config: ThreadRunnerOptions = {}): Runner {
  const threads = Math.max(1, Math.floor(config.threads ?? defaultThreads()));
  const workerUrl = config.workerUrl ?? new URL('./trial-worker.js', import.meta.url);
  return {
    async assess(plan: Plan, options: AssessOptions = {}): Promise<Assessment> {
      const prepared = prepareRun(plan, options);
      const { trials, compiled, layout } = prepared;
      const parts = config.alwaysSplit
        ? threads
        : Math.min(threads, Math.ceil(trials / MIN_TRIALS_PER_THREAD));
      if (parts <= 1) return assess(plan, options);
      const { onProgress, ...runOptions } = options;
      let done = 0;
      const blocks = await Promise.all(
        trialRanges(trials, parts).map(([start, end]) =>
          runBlock(workerUrl, { plan, options: runOptions, start, end }, (d) => {
            done += d;
            onProgress?.({ done, total: trials });
          }),
        ),
      );
      return summarize(compiled, layout, joinBlocks(blocks, layout.nSeries, layout.bandValuesPerTrial));
    },
  };
}

function runBlock(url: URL, task: WorkerTask, onDone: (trials: number) => void): Promise<TrialBlock> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: task });
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'progress':
          onDone(m.done);
          break;
        case 'done':
          settled = true;
          resolve(m.block);
          break;
        case 'error':
          settled = true;
          // A GuarantorError is the user's (bad request); anything else is a bug and stays an Error.
          reject(
            m.error.code === 'INTERNAL'
              ? new Error(m.error.message)
              : new GuarantorError(m.error.code, m.error.message, m.error.path),
          );
          break;
        default:
          m satisfies never;
      }
    });
    worker.on('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`trial worker exited with code ${code} before finishing`));
    });
  });
}
