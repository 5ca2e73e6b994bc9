/**
 * Analysis jobs on either database (the same Kysely queries on PGlite and PostgreSQL). Each transition
 * is a single UPDATE guarded by the state it expects, so concurrent runs of one job (a pg-boss retry
 * while the first worker still runs) settle by the database, not by timing.
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, JobsTable } from './database.js';
import type { Job, JobError, JobKind, JobState, JobStore } from './job-store.js';

/** The columns of a job, without its (possibly large) result. */
const JOB_COLUMNS = [
  'id',
  'plan_id',
  'plan_version',
  'kind',
  'params',
  'requested_by',
  'state',
  'progress_done',
  'progress_total',
  'attempts',
  'error',
  'created',
  'started',
  'finished',
] as const;

type JobRow = Pick<Selectable<JobsTable>, (typeof JOB_COLUMNS)[number]>;

export function jobQueries(db: Kysely<Database>): JobStore {
  return {
    createJob: async (job) => {
      const row = await db
        .insertInto('jobs')
        .values({
          id: newJobId(),
          plan_id: job.planId,
          plan_version: job.planVersion,
          kind: job.kind,
          params: JSON.stringify(job.params),
          requested_by: job.requestedBy,
        })
        .returning(JOB_COLUMNS)
        .executeTakeFirstOrThrow();
      return toJob(row);
    },
    job: async (id) => {
      const row = await db.selectFrom('jobs').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toJob(row);
    },
    jobResult: async (id) => {
      const row = await db
        .selectFrom('jobs')
        .select('result')
        .where('id', '=', id)
        .where('state', '=', 'done')
        .executeTakeFirst();
      return row?.result ?? undefined;
    },
    planJobs: async (planId, limit = 100) => {
      const rows = await db
        .selectFrom('jobs')
        .select(JOB_COLUMNS)
        .where('plan_id', '=', planId)
        .orderBy('created', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toJob);
    },
    queuedJobIds: async (limit) => {
      const rows = await db
        .selectFrom('jobs')
        .select('id')
        .where('state', '=', 'queued')
        .orderBy('created')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    claimJob: async (id, runId) => {
      const row = await db
        .updateTable('jobs')
        .set((eb) => ({
          state: 'running',
          run_id: runId,
          attempts: eb('attempts', '+', 1),
          progress_done: 0,
          started: sql<Date>`now()`,
        }))
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'running'])
        .returning(JOB_COLUMNS)
        .executeTakeFirst();
      return row === undefined ? undefined : toJob(row);
    },
    reportProgress: async (id, runId, progress) => {
      await db
        .updateTable('jobs')
        .set({ progress_done: progress.done, progress_total: progress.total })
        .where('id', '=', id)
        .where('run_id', '=', runId)
        .where('state', '=', 'running')
        .execute();
    },
    finishJob: async (id, result) => {
      // Any run may finish a running job (every run computes the same document); only the first does.
      const updated = await db
        .updateTable('jobs')
        .set((eb) => ({
          state: 'done',
          result,
          progress_done: eb.ref('progress_total'),
          finished: sql<Date>`now()`,
        }))
        .where('id', '=', id)
        .where('state', '=', 'running')
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },
    failJob: async (id, runId, error) => {
      let query = db
        .updateTable('jobs')
        .set({ state: 'failed', error: JSON.stringify(error), finished: sql<Date>`now()` })
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'running']);
      if (runId !== undefined) query = query.where('run_id', '=', runId);
      const updated = await query.executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },
    requeueJob: async (id, runId) => {
      const updated = await db
        .updateTable('jobs')
        .set((eb) => ({ state: 'queued', run_id: null, attempts: eb('attempts', '-', 1) }))
        .where('id', '=', id)
        .where('run_id', '=', runId)
        .where('state', '=', 'running')
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },
    recoverRunningJobs: async (maxAttempts) => {
      const error: JobError = {
        code: 'JOB_ABANDONED',
        message: `the job's process stopped ${maxAttempts} times while running it; it is not retried again`,
      };
      return db.transaction().execute(async (trx) => {
        const failed = await trx
          .updateTable('jobs')
          .set({ state: 'failed', run_id: null, error: JSON.stringify(error), finished: sql<Date>`now()` })
          .where('state', '=', 'running')
          .where('attempts', '>=', maxAttempts)
          .returning('id')
          .execute();
        const requeued = await trx
          .updateTable('jobs')
          .set({ state: 'queued', run_id: null })
          .where('state', '=', 'running')
          .returning('id')
          .execute();
        return { requeued: requeued.map((r) => r.id), failed: failed.map((r) => r.id) };
      });
    },
  };
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    planId: row.plan_id,
    planVersion: row.plan_version,
    kind: row.kind as JobKind,
    params: row.params as Record<string, unknown>,
    requestedBy: row.requested_by,
    state: row.state as JobState,
    progress: { done: row.progress_done, total: row.progress_total },
    attempts: row.attempts,
    ...(row.error === null ? {} : { error: row.error as JobError }),
    created: row.created,
    ...(row.started === null ? {} : { started: row.started }),
    ...(row.finished === null ? {} : { finished: row.finished }),
  };
}

/** 16 hex digits: unguessable enough that a job's URL tells nobody about other jobs. */
function newJobId(): string {
  return randomBytes(8).toString('hex');
}
