/**
 * Analysis jobs, as the store keeps them: the port (kysely-jobs.ts implements it on both databases).
 * The `jobs` table is the truth the API reads, whichever queue runs the work (src/jobs). Every state
 * change is one conditional UPDATE, so two runs of the same job (a retry while a presumed-dead worker
 * still runs) cannot both finish it: the first result is kept, the second is refused.
 */

export const JOB_KINDS = [
  'assess',
  'compare',
  'attribute',
  'sensitivity',
  'failures',
  'optimize',
  'diff',
  'report',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobProgress {
  readonly done: number;
  readonly total: number;
}

export interface JobError {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
}

/** A job without its result document (which is read on its own: it can be large). */
export interface Job {
  readonly id: string;
  readonly planId: string;
  /** The plan version the job runs on: its result is reproducible from it. */
  readonly planVersion: number;
  readonly kind: JobKind;
  readonly params: Readonly<Record<string, unknown>>;
  readonly requestedBy: string;
  readonly state: JobState;
  readonly progress: JobProgress;
  /** Runs started so far (a run that died counts). */
  readonly attempts: number;
  readonly error?: JobError;
  readonly created: Date;
  readonly started?: Date;
  readonly finished?: Date;
}

export interface NewJob {
  readonly planId: string;
  readonly planVersion: number;
  readonly kind: JobKind;
  readonly params: Readonly<Record<string, unknown>>;
  readonly requestedBy: string;
}

export interface JobStore {
  /** Inserts a `queued` job. */
  createJob(job: NewJob): Promise<Job>;
  job(id: string): Promise<Job | undefined>;
  /** The stored result document (JSON text, exactly as produced); undefined unless the job is done. */
  jobResult(id: string): Promise<string | undefined>;
  /** A plan's jobs, newest first. */
  planJobs(planId: string, limit?: number): Promise<readonly Job[]>;
  /** Ids of `queued` jobs, oldest first. */
  queuedJobIds(limit: number): Promise<readonly string[]>;
  /**
   * Starts a run: a job not yet finished becomes `running`, owned by `runId`, with one more attempt.
   * Undefined when the job is unknown, done or failed (nothing to run).
   */
  claimJob(id: string, runId: string): Promise<Job | undefined>;
  /** Records progress, if the run still owns the job. */
  reportProgress(id: string, runId: string, progress: JobProgress): Promise<void>;
  /** Stores the result, once: false when the job was already done or failed (a duplicate run). */
  finishJob(id: string, result: string): Promise<boolean>;
  /**
   * Marks the job failed; false when it is already finished or (given a `runId`) another run owns it.
   * Without a run id, whichever run holds it (the queue gave up on the job).
   */
  failJob(id: string, runId: string | undefined, error: JobError): Promise<boolean>;
  /** Puts a running job back in the queue (a clean stop): its interrupted attempt is not counted. */
  requeueJob(id: string, runId: string): Promise<boolean>;
  /**
   * After a crash (one process per database, PGlite): every `running` job is re-queued, or failed once
   * it has used `maxAttempts`. Returns the ids re-queued and failed.
   */
  recoverRunningJobs(
    maxAttempts: number,
  ): Promise<{ readonly requeued: readonly string[]; readonly failed: readonly string[] }>;
}
