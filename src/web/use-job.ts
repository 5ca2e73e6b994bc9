/**
 * Runs an analysis as a server job and follows its progress: `useJob(planId, request)` submits it once
 * per (plan, version, request), streams progress, and gives the result document when done. Results are
 * kept for the page's life, so moving between views does not run the same analysis twice.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, followJob } from './api';

export type JobKind =
  | 'assess'
  | 'compare'
  | 'attribute'
  | 'sensitivity'
  | 'failures'
  | 'optimize'
  | 'diff'
  | 'report';

export interface JobRequest {
  readonly kind: JobKind;
  readonly params: Readonly<Record<string, unknown>>;
}

export type JobStatus<T> =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly fraction: number }
  | { readonly state: 'done'; readonly result: T; readonly jobId: string }
  | { readonly state: 'failed'; readonly error: ApiError };

interface Entry {
  status: JobStatus<unknown>;
  readonly listeners: Set<(status: JobStatus<unknown>) => void>;
}

const jobs = new Map<string, Entry>();

function keyOf(planId: string, version: number, request: JobRequest): string {
  return JSON.stringify([planId, version, request.kind, request.params]);
}

function publish(entry: Entry, status: JobStatus<unknown>): void {
  entry.status = status;
  for (const listener of entry.listeners) listener(status);
}

async function run(entry: Entry, planId: string, version: number, request: JobRequest): Promise<void> {
  try {
    const { job } = await api<{ job: { id: string } }>('POST', `/plans/${encodeURIComponent(planId)}/jobs`, {
      // A diff names both of its points in its params; every other kind runs on the version read.
      body: {
        kind: request.kind,
        params: request.kind === 'diff' ? request.params : { ...request.params, version },
      },
    });
    publish(entry, { state: 'running', fraction: 0 });
    await followJob(job.id, (p) => publish(entry, { state: 'running', fraction: p.fraction }));
    const result = await api<unknown>('GET', `/jobs/${encodeURIComponent(job.id)}/result`);
    publish(entry, { state: 'done', result, jobId: job.id });
  } catch (error) {
    const failure =
      error instanceof ApiError ? error : new ApiError(0, 'NETWORK', 'the server could not be reached');
    publish(entry, { state: 'failed', error: failure });
  }
}

/**
 * The status of `request` on the plan at `version` (sent as `params.version`, except for `diff`, whose
 * params name both of its points: there `version` only keys the cache); `undefined` plan or request:
 * idle. A failed job is run again when the caller calls `retry`.
 */
export function useJob<T>(
  planId: string | undefined,
  version: number | undefined,
  request: JobRequest | undefined,
): { status: JobStatus<T>; retry: () => void } {
  const key =
    planId === undefined || version === undefined || request === undefined
      ? undefined
      : keyOf(planId, version, request);
  const [status, setStatus] = useState<JobStatus<unknown>>(() =>
    key === undefined ? { state: 'idle' } : (jobs.get(key)?.status ?? { state: 'running', fraction: 0 }),
  );
  const [attempt, setAttempt] = useState(0);

  // The arguments of the latest render; the effect runs when their key (or the attempt) changes.
  const args = useRef({ planId, version, request });
  args.current = { planId, version, request };

  useEffect(() => {
    const { planId: plan, version: at, request: job } = args.current;
    if (key === undefined || plan === undefined || at === undefined || job === undefined) {
      setStatus({ state: 'idle' });
      return;
    }
    let entry = jobs.get(key);
    if (entry === undefined || (entry.status.state === 'failed' && attempt > 0)) {
      entry = { status: { state: 'running', fraction: 0 }, listeners: entry?.listeners ?? new Set() };
      jobs.set(key, entry);
      void run(entry, plan, at, job);
    }
    const current = entry;
    setStatus(current.status);
    current.listeners.add(setStatus);
    return () => {
      current.listeners.delete(setStatus);
    };
  }, [key, attempt]);

  return { status: status as JobStatus<T>, retry: () => setAttempt((n) => n + 1) };
}
