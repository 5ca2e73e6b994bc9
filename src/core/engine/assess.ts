/**
 * Assessment in this thread: the pure, synchronous form of the engine. The worker-thread runner
 * (src/runner) splits the same work into blocks and joins them; both give byte-identical documents.
 */
import type { Plan } from '../plan/types.js';
import type { Assessment } from './result-types.js';
import { prepareRun, type RunOptions } from './run-plan.js';
import { simulateTrials } from './simulate.js';
import { summarize } from './summarize.js';

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface AssessOptions extends RunOptions {
  readonly onProgress?: (progress: Progress) => void;
}

export function assess(plan: Plan, options: AssessOptions = {}): Assessment {
  const { compiled, layout, trials } = prepareRun(plan, options);
  const onProgress = options.onProgress;
  const block = simulateTrials(
    compiled,
    layout,
    0,
    trials,
    onProgress === undefined ? undefined : (done) => onProgress({ done, total: trials }),
  );
  return summarize(compiled, layout, block);
}
