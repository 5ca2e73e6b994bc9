/** Messages between the thread runner and its trial workers (plain data: structured clone). */

import type { RunOptions } from '../core/engine/run-plan.js';
import type { TrialBlock } from '../core/engine/trial-block.js';
import type { Issue } from '../core/errors.js';
import type { Plan } from '../core/plan/types.js';

export interface WorkerTask {
  readonly plan: Plan;
  readonly options: RunOptions;
  readonly start: number;
  readonly end: number;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly block: TrialBlock }
  | { readonly type: 'error'; readonly error: Pick<Issue, 'code' | 'message' | 'path'> };
