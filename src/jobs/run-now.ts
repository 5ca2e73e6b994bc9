/**
 * An analysis run at once, off the event loop, without a job row: for routes that answer in the same
 * request (POST /plans/:id/assessments). The plan is read at its current version (or `version`), the
 * analysis runs in a worker thread, and the document comes back as JSON text, byte for byte what the
 * CLI's --json prints for the same plan, seed and trials.
 */
import { err, ok, type Result } from '../core/result.js';
import type { JobError } from '../store/job-store.js';
import { type ExecutorOptions, type ExecutorStore, jobExecutor, type RunHooks } from './executor.js';
import type { JobRequest } from './job-params.js';

export interface RunNowResult {
  /** The plan version the analysis ran on. */
  readonly version: number;
  /** The document as JSON text. */
  readonly document: string;
}

/** `NOT_FOUND` for an unknown plan; the core's error (e.g. `UNKNOWN_VARIANT`) for a refused request. */
export async function runNow(
  store: ExecutorStore,
  planId: string,
  request: JobRequest,
  options: ExecutorOptions & RunHooks = {},
): Promise<Result<RunNowResult, JobError>> {
  const summary = await store.plan(planId);
  if (summary === undefined) return err({ code: 'NOT_FOUND', message: `no plan "${planId}"` });
  const version = ('version' in request.params ? request.params.version : undefined) ?? summary.version;
  const { workerUrl, env, ...hooks } = options;
  const execute = jobExecutor(store, {
    ...(workerUrl === undefined ? {} : { workerUrl }),
    ...(env === undefined ? {} : { env }),
  });
  const result = await execute(
    { planId, planVersion: version, kind: request.kind, params: request.params },
    hooks,
  );
  return result.ok ? ok({ version, document: result.value }) : result;
}
