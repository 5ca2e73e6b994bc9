/**
 * The dashboard's one way to the server: JSON over fetch with the session's bearer token, errors as
 * ApiError (the API's `{ error: { code, message, path } }` plus the status, and the current version on a
 * 409), and jobs followed through their server-sent events (read with fetch, since EventSource cannot
 * send an Authorization header).
 */

const TOKEN_KEY = 'guarantor.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const session = {
  token: (): string | null => window.sessionStorage.getItem(TOKEN_KEY),
  set: (token: string): void => window.sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => window.sessionStorage.removeItem(TOKEN_KEY),
};

export interface RequestOptions {
  readonly body?: unknown;
  /** A retried write with the same key is answered once (the server keeps the first answer). */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

/** Sends a request; resolves to the parsed JSON body, or throws ApiError. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  const token = session.token();
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(path, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const text = await response.text();
  const data = text === '' ? undefined : (JSON.parse(text) as unknown);
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

function toApiError(status: number, data: unknown): ApiError {
  const error = (data as { error?: Record<string, unknown> } | undefined)?.error;
  if (error === undefined) return new ApiError(status, 'HTTP', `the server answered ${status}`);
  return new ApiError(
    status,
    String(error.code ?? 'HTTP'),
    String(error.message ?? `the server answered ${status}`),
    typeof error.path === 'string' ? error.path : undefined,
    typeof error.currentVersion === 'number' ? error.currentVersion : undefined,
  );
}

/** A random key for one logical write (kept across its retries). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export interface JobProgressEvent {
  readonly state: string;
  readonly done: number;
  readonly total: number;
  readonly fraction: number;
}

/**
 * Follows `/jobs/ID/events` until `done` (resolves) or `failed` (throws ApiError), calling `onProgress`
 * for each progress event.
 */
export async function followJob(
  jobId: string,
  onProgress: (event: JobProgressEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const token = session.token();
  const response = await fetch(`/jobs/${encodeURIComponent(jobId)}/events`, {
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
    ...(signal === undefined ? {} : { signal }),
  });
  if (!response.ok || response.body === null) {
    throw toApiError(response.status, await response.json().catch(() => undefined));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const message = parseSse(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (message.event === 'progress') onProgress(JSON.parse(message.data) as JobProgressEvent);
      else if (message.event === 'done') return;
      else if (message.event === 'failed' || message.event === 'error') {
        const failure = JSON.parse(message.data) as { error?: { code?: string; message?: string } } & {
          code?: string;
          message?: string;
        };
        const error = failure.error ?? failure;
        throw new ApiError(200, error.code ?? 'JOB_FAILED', error.message ?? 'the job failed');
      }
    }
  }
  throw new ApiError(0, 'STREAM_ENDED', 'the progress stream ended before the job finished');
}

/** One server-sent event block: `event:` and `data:` lines. */
export function parseSse(block: string): { event: string; data: string } {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return { event, data: data.join('\n') };
}

/** What a track record proposes for one plan actor (GET /plans/:id/track-records). */
export interface ActorTrackRecord {
  readonly actor: string;
  readonly name: string;
  readonly pledges: number;
  /** Kiel's figures to the release month, EUR billions; null when Kiel has no record of the actor. */
  readonly record: {
    readonly allocated: number;
    readonly military: number;
    readonly financial: number;
    readonly humanitarian: number;
    readonly committed: number;
    readonly pctGdp: number | null;
  } | null;
  readonly deliveredRatio: number | null;
  readonly proposedReliability: number | null;
  readonly currentReliability: number;
  readonly proposedGdp: { readonly usd: number; readonly year: number; readonly source: string } | null;
  /** The actor PATCH's `changes` and `reason` that accept the proposal; null without one. */
  readonly accept: { readonly changes: Readonly<Record<string, number>>; readonly reason: string } | null;
}

export interface PlanTrackRecords {
  readonly planId: string;
  readonly version: number;
  readonly import: { readonly importedAt: string; readonly importedBy: string; readonly asOf: string };
  readonly release: {
    readonly release: number;
    readonly lastMonth: string;
    readonly date: string;
    readonly label: string;
  };
  readonly citation: string;
  readonly source: { readonly title: string; readonly url: string; readonly date: string };
  readonly mapping: { readonly floor: number; readonly ceiling: number };
  readonly formula: string;
  readonly gdpProposed: boolean;
  readonly actors: readonly ActorTrackRecord[];
}

/** The plan's actors with their track record and proposals; undefined when no records are stored (404). */
export async function planTrackRecords(planId: string): Promise<PlanTrackRecords | undefined> {
  try {
    return await api<PlanTrackRecords>('GET', `/plans/${encodeURIComponent(planId)}/track-records`);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NO_TRACK_RECORDS') return undefined;
    throw error;
  }
}

/**
 * Accepts an actor's proposal through the ledger's actor PATCH (host only), with the reason and the Kiel
 * release as its source, if the plan is still at `expectedVersion` (else ApiError 409).
 */
export function acceptTrackRecord(
  planId: string,
  expectedVersion: number,
  records: PlanTrackRecords,
  actor: ActorTrackRecord,
): Promise<{ version: number }> {
  if (actor.accept === null) throw new Error(`no proposal for ${actor.actor}`);
  return api('PATCH', `/plans/${encodeURIComponent(planId)}/actors/${encodeURIComponent(actor.actor)}`, {
    body: {
      changes: actor.accept.changes,
      reason: actor.accept.reason,
      source: records.source,
      expectedVersion,
    },
    idempotencyKey: newIdempotencyKey(),
  });
}
