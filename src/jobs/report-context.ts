/**
 * What a report job's worker cannot find out by itself, gathered in the parent (which holds the database
 * connection and the clock): the latest stored Kiel import (unless `trackRecords: false`), the date
 * printed on the briefing, guarantor's version, and where the run came from (plan, version, job) for the
 * report's "ran on" and "reproduce" lines.
 *
 * The date is the UTC day the job was created (SOURCE_DATE_EPOCH overrides it, as for the CLI), so a
 * job's briefing does not change with the day its worker happens to run it.
 */
import { readFileSync } from 'node:fs';
import type { Plan } from '../core/plan/types.js';
import { err, ok, type Result } from '../core/result.js';
import type { TrackRecords } from '../core/track-records/kiel.js';
import { reportDate } from '../report/report-date.js';
import type { JobError } from '../store/job-store.js';
import type { TrackRecordStore } from '../store/track-record-store.js';
import type { JobRequest } from './job-params.js';

export interface ReportContext {
  readonly planId: string;
  readonly planVersion: number;
  /** Absent when the report runs without a job row (runNow). */
  readonly jobId?: string;
  /** YYYY-MM-DD, as printed on the briefing. */
  readonly generated: string;
  /** guarantor's package version. */
  readonly guarantorVersion: string;
  /** The Kiel import used, and how the appendix names it ("Kiel import 3: release 29 to 2026-04"). */
  readonly trackRecords?: { readonly records: TrackRecords; readonly label: string };
}

/** A report job's worker input: its plan, its request, and this context. */
export interface ReportTask {
  readonly plan: Plan;
  readonly request: Extract<JobRequest, { kind: 'report' }>;
  readonly report: ReportContext;
}

/** The job as the executor knows it: a queued job has an id and a creation time; runNow has neither. */
export interface ReportRun {
  readonly planId: string;
  readonly planVersion: number;
  readonly id?: string;
  readonly created?: Date;
}

/** A report job's plan input with its context; an error for a bad SOURCE_DATE_EPOCH in the server's env. */
export async function withReportContext(
  store: Pick<TrackRecordStore, 'latestTrackRecords'>,
  run: ReportRun,
  input: { readonly plan: Plan; readonly request: Extract<JobRequest, { kind: 'report' }> },
  env: Readonly<Record<string, string | undefined>>,
): Promise<Result<ReportTask, JobError>> {
  const date = reportDate(env, run.created ?? new Date());
  if (!date.ok) return err({ code: 'BAD_SERVER_SETTING', message: date.error });
  const stored = input.request.params.trackRecords === false ? undefined : await store.latestTrackRecords();
  return ok({
    ...input,
    report: {
      planId: run.planId,
      planVersion: run.planVersion,
      ...(run.id === undefined ? {} : { jobId: run.id }),
      generated: date.value,
      guarantorVersion: packageVersion(),
      ...(stored === undefined
        ? {}
        : {
            trackRecords: {
              records: stored.document.records,
              label: `Kiel import ${stored.id}: release ${stored.release} to ${stored.asOf}`,
            },
          }),
    },
  });
}

let version: string | undefined;

/** package.json's version, read once (dist/jobs and src/jobs are both two levels below the root). */
function packageVersion(): string {
  if (version !== undefined) return version;
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const found = (JSON.parse(text) as { version?: unknown }).version;
    version = typeof found === 'string' ? found : '0.0.0';
  } catch {
    version = '0.0.0';
  }
  return version;
}
