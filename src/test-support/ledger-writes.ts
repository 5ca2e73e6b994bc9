/**
 * Writing to a served plan as a careful client does (read the version, send it, retry on 409 with the
 * same Idempotency-Key), and checking the ledger afterwards: whole, every acknowledged write once,
 * nothing unsent, the served plan the replay of its events. For the server's end-to-end tests.
 */
import { expect } from 'vitest';
import { mix32 } from '../core/random/counter-rng.js';
import { isEventKind, type NewEvent } from '../store/events.js';
import { validatePlan } from '../store/ledger-plan.js';
import { projectPlan } from '../store/projection.js';
import type { Answer, RunningServe } from './serve-harness.js';

/** One logical write of a test, whatever the attempts: its reason is its unique marker. */
export interface PlannedWrite {
  /** Unique per logical write, sent as the reason: finds the write's event in the ledger. */
  readonly marker: string;
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  /** The body for the version the writer read (`expectedVersion` and `reason` are added). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The Idempotency-Key of every attempt of this write. */
  readonly key: string;
}

export type WriteOutcome =
  /** 2xx: written (or, `replayed`, written before) at `version`. */
  | {
      readonly kind: 'acked';
      readonly version: number;
      readonly replayed: boolean;
      readonly conflicts: number;
      /** The version the answered attempt was sent with: resending it must replay. */
      readonly expectedVersion: number;
    }
  /** A 4xx other than 409: refused, nothing written. */
  | { readonly kind: 'refused'; readonly status: number; readonly body: unknown }
  /** The connection failed (the server died): written or not, the ledger says; `expectedVersion` to resend. */
  | { readonly kind: 'unknown'; readonly expectedVersion: number; readonly conflicts: number }
  /** The server was gone before the write was sent. */
  | { readonly kind: 'unsent'; readonly conflicts: number };

/** Sends one attempt of `write` with the version the writer read. */
export function sendWrite(
  server: RunningServe,
  write: PlannedWrite,
  expectedVersion: number,
): Promise<Answer> {
  return server.request(write.method, write.path, {
    body: { ...write.body, reason: write.marker, expectedVersion },
    idempotencyKey: write.key,
  });
}

/**
 * A careful client: read the plan's version, send the write with it, and on 409 re-read and retry (the
 * same key: nothing was written). `pause(attempt)` between retries spreads out contending writers.
 */
export async function writeWithRetry(
  server: RunningServe,
  planId: string,
  write: PlannedWrite,
  pause: (attempt: number) => Promise<void> = async () => {},
): Promise<WriteOutcome> {
  let conflicts = 0;
  for (;;) {
    let version: number;
    try {
      const read = await server.request('GET', `/plans/${planId}`);
      if (read.status !== 200) return { kind: 'refused', status: read.status, body: read.body };
      version = read.body.version;
    } catch {
      return { kind: 'unsent', conflicts };
    }
    let answer: Answer;
    try {
      answer = await sendWrite(server, write, version);
    } catch {
      return { kind: 'unknown', expectedVersion: version, conflicts };
    }
    if (answer.status === 409) {
      conflicts += 1;
      await pause(conflicts);
      continue;
    }
    if (answer.status >= 300) return { kind: 'refused', status: answer.status, body: answer.body };
    const { version: written, replayed } = answer.body;
    return { kind: 'acked', version: written, replayed, conflicts, expectedVersion: version };
  }
}

/** A seeded stream of numbers in [0, 1) (lowbias32 over a counter): the same run for the same seed. */
export function seededUniform(seed: number): () => number {
  let counter = 0;
  return () => mix32(Math.imul(seed, 0x9e3779b1) ^ mix32(counter++)) / 4294967296;
}

/** An event as GET /plans/:id/events sends it. */
export interface EventJson {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly entityId: string;
  readonly payload: Record<string, unknown>;
  readonly who: string;
  readonly reason: string;
  readonly source?: unknown;
}

export async function readEvents(server: RunningServe, planId: string): Promise<EventJson[]> {
  const answer = await server.request('GET', `/plans/${planId}/events`);
  if (answer.status !== 200) throw new Error(`events of ${planId}: ${answer.status}`);
  return answer.body.events;
}

/**
 * The ledger is whole: seqs 1..n without a gap, every event well formed, the import's events all there
 * (`importEvents` of them, first), and the plan as of the end of every write valid — here every write
 * after the import is one event, so every seq from the import's last on ends a write.
 */
export function expectWholeLedger(events: readonly EventJson[], importEvents: number): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  for (const event of events) {
    expect(isEventKind(event.kind), `event ${event.seq} kind ${event.kind}`).toBe(true);
    expect(typeof event.payload === 'object' && event.payload !== null, `event ${event.seq}`).toBe(true);
    expect(event.who.trim(), `event ${event.seq} who`).not.toBe('');
    expect(event.reason.trim(), `event ${event.seq} reason`).not.toBe('');
    expect(Number.isNaN(Date.parse(event.at)), `event ${event.seq} at`).toBe(false);
  }
  const imported = events.slice(0, importEvents);
  expect(imported).toHaveLength(importEvents);
  expect(new Set(imported.map((e) => e.reason)).size).toBe(1);
  for (let end = importEvents; end <= events.length; end++) {
    const valid = validatePlan(events.slice(0, end) as unknown as NewEvent[]);
    expect(valid.ok, `the plan as of seq ${end}`).toBe(true);
  }
}

/**
 * Every acknowledged write (marker → version) is in the ledger exactly once, at the seq it was
 * acknowledged with; every event after the import is an acknowledged write or one whose answer was lost
 * (`unknown`), never a refused or invented one.
 */
export function expectAcknowledged(
  events: readonly EventJson[],
  importEvents: number,
  acked: ReadonlyMap<string, number>,
  unknown: ReadonlySet<string> = new Set(),
): void {
  const written = events.slice(importEvents);
  const seqOf = new Map<string, number[]>();
  for (const event of written) seqOf.set(event.reason, [...(seqOf.get(event.reason) ?? []), event.seq]);
  for (const [marker, version] of acked) expect(seqOf.get(marker), marker).toEqual([version]);
  for (const [marker, seqs] of seqOf) {
    expect(seqs, `${marker} appears once`).toHaveLength(1);
    expect(acked.has(marker) || unknown.has(marker), `${marker} was sent`).toBe(true);
  }
}

/** The current plan equals the replay of its events, and its version is the last seq. */
export async function expectProjection(server: RunningServe, planId: string, events: readonly EventJson[]) {
  const current = await server.request('GET', `/plans/${planId}`);
  expect(current.status).toBe(200);
  expect(current.body.version).toBe(events.at(-1)?.seq);
  const replayed = projectPlan(events as unknown as NewEvent[]);
  expect(replayed.ok).toBe(true);
  expect(current.body.plan).toEqual(replayed.ok ? replayed.value : undefined);
  return current.body.plan as Record<string, unknown>;
}
