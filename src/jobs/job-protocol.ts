/** Messages between a job's executor and its worker thread (plain data: structured clone). */
import type { Progress } from '../core/engine/assess.js';
import type { JobError } from '../store/job-store.js';
import type { AnalysisInput } from './job-input.js';

export type JobTask = AnalysisInput;

export type JobMessage =
  | { readonly type: 'progress'; readonly progress: Progress }
  /** The document as JSON text: serialised once, in the worker, and stored as it is. */
  | { readonly type: 'done'; readonly document: string }
  /** `INTERNAL` is a bug; any other code is the core refusing the request (unknown variant, …). */
  | { readonly type: 'error'; readonly error: JobError };
