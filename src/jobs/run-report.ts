/**
 * A report job, in its worker thread: the same three steps as `guarantor report --format html`
 * (reportData → buildDocument → renderHtml), on the in-process runner (the job already has its thread),
 * with run information that says the briefing came from the team server. The document is
 * `{ format: 'html', fileName, html }`; the HTML is what renderHtml gives the CLI for the same data and
 * run information, byte for byte.
 *
 * Progress: the report runs in stages (assess; then per deep-dive variant attribute, assess and re-assess
 * for burden sharing, sensitivity), each with its own count. The job has one bar, so each expected stage
 * gets an equal share of it; the bar never goes back (a sampled attribution restarts its count after its
 * pilot), and the share of a stage that does not run (burden sharing without GDP) is filled at the end.
 */
import type { Progress } from '../core/engine/assess.js';
import { MODEL_VERSION } from '../core/engine/result-types.js';
import type { Plan } from '../core/plan/types.js';
import { buildDocument } from '../report/build-document.js';
import { planSha256 } from '../report/plan-digest.js';
import { renderHtml } from '../report/render-html.js';
import { type ReportProgress, reportData } from '../report/report-data.js';
import type { RunInfo } from '../report/sections/appendix.js';
import { inProcessRunner } from '../runner/in-process-runner.js';
import { highsSolver } from '../solver/highs-solver.js';
import type { JobParams } from './job-params.js';
import type { ReportContext, ReportTask } from './report-context.js';

type ProgressSink = (progress: Progress) => void;

/** What a report job stores as its result (GET /jobs/:id/result). */
export interface ReportJobDocument {
  readonly format: 'html';
  /** `briefing-<plan id>-v<version>.html`: what the dashboard saves it as. */
  readonly fileName: string;
  readonly html: string;
}

/** Stages per deep-dive variant: attribute, assess and re-assess for burden sharing, sensitivity. */
const STAGES_PER_VARIANT = 4;
/** Each stage's share of the job's bar, in steps (the bar's total is stages × this). */
const STEPS_PER_STAGE = 1000;

export async function runReport(input: ReportTask, onProgress: ProgressSink): Promise<ReportJobDocument> {
  const { plan, report: context } = input;
  const { variants, trials, seed } = input.request.params;
  const deepVariants = variants === undefined ? 1 : new Set(variants).size;
  const bar = stagedBar(1 + STAGES_PER_VARIANT * deepVariants, onProgress);
  const data = await reportData(
    plan,
    {
      ...(variants === undefined ? {} : { variants: [...new Set(variants)] }),
      ...(trials === undefined ? {} : { trials }),
      ...(seed === undefined ? {} : { seed }),
      ...(context.trackRecords === undefined ? {} : { trackRecords: context.trackRecords.records }),
    },
    { runner: inProcessRunner, solver: highsSolver(), progress: bar.progress },
  );
  bar.finish();
  const settings = data.assessment.settings;
  const html = renderHtml(buildDocument(data, serverRunInfo(plan, context, input.request.params, settings)));
  return { format: 'html', fileName: briefingFileName(context.planId, context.planVersion), html };
}

/**
 * The report's run information from the server: where it ran (plan, version, job, the Kiel import) and
 * the request that gives it again — the same plan version, with the seed and trials it used spelt out.
 */
export function serverRunInfo(
  plan: Plan,
  context: ReportContext,
  params: JobParams<'report'>,
  settings: { readonly seed: number; readonly trials: number },
): RunInfo {
  const { planId, planVersion, jobId } = context;
  const request = {
    kind: 'report',
    params: {
      version: planVersion,
      ...(params.variants === undefined ? {} : { variants: [...new Set(params.variants)] }),
      seed: settings.seed,
      trials: settings.trials,
      ...(params.trackRecords === undefined ? {} : { trackRecords: params.trackRecords }),
    },
  };
  const origin = [
    `guarantor team server: plan ${planId} version ${planVersion}`,
    ...(jobId === undefined ? [] : [`job ${jobId}`]),
    context.trackRecords === undefined ? 'no track records' : context.trackRecords.label,
  ].join(', ');
  return {
    model: MODEL_VERSION,
    version: context.guarantorVersion,
    seed: settings.seed,
    trials: settings.trials,
    planSha256: planSha256(plan),
    generated: context.generated,
    command: `POST /plans/${planId}/jobs ${JSON.stringify(request)}`,
    origin,
  };
}

/** `briefing-<plan id>-v<version>.html`, with anything but letters, digits, `.`, `_`, `-` made a `-`. */
export function briefingFileName(planId: string, version: number): string {
  return `briefing-${planId.replace(/[^A-Za-z0-9._-]/g, '-')}-v${version}.html`;
}

/** One bar over the report's stages: each stage fills its share; the bar only moves forward. */
function stagedBar(stages: number, onProgress: ProgressSink) {
  const total = stages * STEPS_PER_STAGE;
  let started = 0;
  let done = 0;
  const report = (value: number) => {
    const next = Math.min(total, Math.max(done, value));
    if (next === done && done !== 0) return;
    done = next;
    onProgress({ done, total });
  };
  const progress: ReportProgress = {
    stage() {
      const base = Math.min(started, stages - 1) * STEPS_PER_STAGE;
      started++;
      report(base);
      return {
        onProgress: (p: Progress) =>
          report(base + Math.floor((STEPS_PER_STAGE * p.done) / Math.max(1, p.total))),
        stop: () => report(base + STEPS_PER_STAGE),
      };
    },
  };
  return { progress, finish: () => report(total) };
}
