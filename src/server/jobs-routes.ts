/**
 * Analysis jobs over HTTP: submit one on a plan (202), read it, its result, a plan's jobs, and follow
 * its progress as server-sent events. Every role may run analyses (host, delegate, analyst). Mounted
 * after app.ts's authentication: `createApp({ store, routes: (app) => app.route('/', jobRoutes(…)) })`.
 *
 * Concurrency decision: the event stream polls the job's row (every `pollMs`) rather than listening to
 * the runner, because on PostgreSQL the runner is any `guarantor worker` on any machine; the row is
 * written every 250 ms at most, so polling at that pace misses nothing a client could draw.
 */
import { Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import { jobRequestSchema } from '../jobs/job-params.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Job } from '../store/job-store.js';
import type { Store } from '../store/store.js';
import { fail } from './api-error.js';
import type { AppEnv } from './app-env.js';
import { errors, inPath, type PathItems, pathItems } from './openapi-operations.js';
import { currentPlan } from './plan-reads.js';
import { readBody } from './request-body.js';
import { analysisDocument, jobAnswer, jobsAnswer } from './response-schemas.js';

export interface JobRoutesOptions {
  readonly store: Store;
  readonly queue: JobQueue;
  /** How often an event stream reads its job; default 250 ms. */
  readonly pollMs?: number;
}

export function jobRoutes({ store, queue, pollMs = 250 }: JobRoutesOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/plans/:id/jobs', async (c) => {
    const body = await readBody(c, jobRequestSchema);
    if (!body.ok) return body.response;
    const planId = c.req.param('id');
    const summary = await store.plan(planId);
    if (summary === undefined) return fail(c, 404, { code: 'NOT_FOUND', message: `no plan "${planId}"` });
    const request = body.value;
    const asked = 'version' in request.params ? request.params.version : undefined;
    if (asked !== undefined) {
      if (asked > summary.version) {
        return fail(c, 400, {
          code: 'UNKNOWN_VERSION',
          message: `plan "${planId}" is at version ${summary.version}, not yet ${asked}`,
          path: 'params.version',
        });
      }
      // A point inside a write of several events (an import) has no valid plan: refuse it now.
      if ((await currentPlan(store, planId, { seq: asked })) === undefined) {
        return fail(c, 400, {
          code: 'NO_VALID_PLAN',
          message: `plan "${planId}" has no valid state at version ${asked} (inside a write of several events)`,
          path: 'params.version',
        });
      }
    }
    const job = await queue.submit({
      planId,
      planVersion: asked ?? summary.version,
      kind: request.kind,
      params: request.params,
      requestedBy: c.get('user').name,
    });
    c.header('Location', `/jobs/${job.id}`);
    return c.json({ job: publicJob(job) }, 202);
  });

  // The plan's last 100 jobs, newest first.
  app.get('/plans/:id/jobs', async (c) => {
    const planId = c.req.param('id');
    if ((await store.plan(planId)) === undefined)
      return fail(c, 404, { code: 'NOT_FOUND', message: `no plan "${planId}"` });
    return c.json({ jobs: (await store.planJobs(planId)).map(publicJob) });
  });

  app.get('/jobs/:id', async (c) => {
    const job = await store.job(c.req.param('id'));
    if (job === undefined) return unknownJob(c.req.param('id'), c);
    return c.json({ job: publicJob(job) });
  });

  app.get('/jobs/:id/result', async (c) => {
    const id = c.req.param('id');
    const job = await store.job(id);
    if (job === undefined) return unknownJob(id, c);
    if (job.state !== 'done') {
      return fail(c, 409, {
        code: job.state === 'failed' ? 'JOB_FAILED' : 'JOB_NOT_DONE',
        message:
          job.state === 'failed'
            ? `job ${id} failed: ${job.error?.message ?? 'no details'}`
            : `job ${id} is ${job.state}: its result is not there yet (GET /jobs/${id}/events follows it)`,
      });
    }
    const result = await store.jobResult(id);
    if (result === undefined)
      return fail(c, 500, { code: 'INTERNAL', message: 'a done job without a result' });
    // The document as the analysis wrote it, byte for byte (the CLI's --json, without its newline).
    return c.body(result, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get('/jobs/:id/events', async (c) => {
    const id = c.req.param('id');
    const first = await store.job(id);
    if (first === undefined) return unknownJob(id, c);
    return streamSSE(
      c,
      (stream) => followJob(stream, store, first, pollMs),
      // The database went away mid-stream (the server is stopping): say so and end, without a stack trace.
      (_, stream) => send(stream, 'error', { code: 'INTERNAL', message: 'the job can no longer be read' }),
    );
  });

  return app;
}

/** `progress` events while the job changes, then one `done` or `failed`, then the stream ends. */
async function followJob(stream: SSEStreamingApi, store: Store, first: Job, pollMs: number): Promise<void> {
  let job: Job | undefined = first;
  let sent = '';
  while (job !== undefined && !stream.aborted) {
    if (job.state === 'done') {
      await send(stream, 'done', { id: job.id, state: job.state, result: `/jobs/${job.id}/result` });
      return;
    }
    if (job.state === 'failed') {
      await send(stream, 'failed', { id: job.id, state: job.state, error: job.error ?? null });
      return;
    }
    const { done, total } = job.progress;
    const key = `${job.state}:${done}/${total}`;
    if (key !== sent) {
      sent = key;
      await send(stream, 'progress', {
        state: job.state,
        done,
        total,
        fraction: total > 0 ? done / total : 0,
      });
    }
    await stream.sleep(pollMs);
    job = await store.job(job.id);
  }
}

function send(stream: SSEStreamingApi, event: string, data: unknown): Promise<void> {
  return stream.writeSSE({ event, data: JSON.stringify(data) });
}

/** A job as the API shows it: no run ids, times as ISO strings, the result's URL once done. */
export function publicJob(job: Job) {
  return {
    id: job.id,
    planId: job.planId,
    planVersion: job.planVersion,
    kind: job.kind,
    params: job.params,
    requestedBy: job.requestedBy,
    state: job.state,
    progress: job.progress,
    attempts: job.attempts,
    ...(job.error === undefined ? {} : { error: job.error }),
    created: job.created.toISOString(),
    ...(job.started === undefined ? {} : { started: job.started.toISOString() }),
    ...(job.finished === undefined ? {} : { finished: job.finished.toISOString() }),
    ...(job.state === 'done' ? { result: `/jobs/${job.id}/result` } : {}),
  };
}

function unknownJob(id: string, c: Parameters<typeof fail>[0]): Response {
  return fail(c, 404, { code: 'NOT_FOUND', message: `no job "${id}"` });
}

/** The job routes' operations, with the same zod schema the route validates with and the answers' schemas. */
export function jobOperations(): PathItems {
  const id = [inPath('id')];
  return {
    '/plans/{id}/jobs': {
      post: {
        summary: "run an analysis as a job on the plan's current version (or params.version)",
        parameters: id,
        requestBody: jobRequestSchema,
        responses: {
          202: { description: 'queued: { job }; Location: /jobs/{id}', body: jobAnswer },
          ...errors(400, 401, 404, 413),
        },
      },
      get: {
        summary: "the plan's last 100 jobs, newest first",
        parameters: id,
        responses: { 200: { description: '{ jobs }', body: jobsAnswer }, ...errors(401, 404) },
      },
    },
    '/jobs/{id}': {
      get: {
        summary: 'a job: state, progress, attempts, timings, error',
        parameters: id,
        responses: { 200: { description: '{ job }', body: jobAnswer }, ...errors(401, 404) },
      },
    },
    '/jobs/{id}/result': {
      get: {
        summary: "a done job's document (what the CLI's --json prints; a report job's briefing page)",
        parameters: id,
        responses: {
          200: {
            description: "the document: MODEL.md §7; a report job's is { format: 'html', fileName, html }",
            body: analysisDocument,
          },
          ...errors(401, 404, 409),
        },
      },
    },
    '/jobs/{id}/events': {
      get: {
        summary: 'server-sent events: progress {done,total,fraction}, then done {result} or failed {error}',
        parameters: id,
        responses: { 200: { description: 'an event stream', stream: true }, ...errors(401, 404) },
      },
    },
  };
}

/** The job routes' OpenAPI 3.1 path items: openapi.ts spreads them into the document's `paths`. */
export function jobOpenApiPaths(): Record<string, object> {
  return pathItems(jobOperations());
}
