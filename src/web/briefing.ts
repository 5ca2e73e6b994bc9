/**
 * The briefing download's logic, apart from React: the trials field (blank: the plan's own), the
 * report job's request, and the result document checked before it is saved (a report job's result is
 * `{ format: 'html', fileName, html }`, src/jobs/run-report.ts).
 */
import type { JobRequest } from './use-job';

/** The most trials a job may run (src/jobs/job-params.ts MAX_JOB_TRIALS). */
const MAX_TRIALS = 1_000_000;

export interface BriefingDocument {
  readonly format: 'html';
  readonly fileName: string;
  readonly html: string;
}

/** Trials typed in the field: blank is the plan's own; otherwise a whole number 1 … 1,000,000. */
export function parseTrials(text: string): { ok: true; trials?: number } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true };
  const n = Number(t);
  if (!/^[0-9]+$/.test(t) || !Number.isSafeInteger(n) || n < 1 || n > MAX_TRIALS) {
    return {
      ok: false,
      message: `trials must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-GB')}`,
    };
  }
  return { ok: true, trials: n };
}

/** The report job for the briefing: the plan's settings unless trials are given. */
export function briefingRequest(trials: number | undefined): JobRequest {
  return { kind: 'report', params: trials === undefined ? {} : { trials } };
}

/** The result as a briefing, or undefined when it is not one (a server of another version). */
export function briefingOf(result: unknown): BriefingDocument | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const { format, fileName, html } = result as Record<string, unknown>;
  if (format !== 'html' || typeof fileName !== 'string' || typeof html !== 'string') return undefined;
  if (!/^[A-Za-z0-9._-]+\.html$/.test(fileName)) return undefined;
  return { format, fileName, html };
}
