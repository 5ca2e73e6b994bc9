/**
 * Everything a briefing report shows, computed once from a plan: the assessment of the variants, and for
 * the main variant(s) the attribution, the burden-sharing proposal, the tornado and the failure rules of
 * the weakest scenario (issue 6). The renderers only shape and print this value; they run nothing.
 *
 * Which variants get the deep dive: the ones asked for (`--variant`), else the best-valued variant (the
 * first in plan order on ties). Sensitivity (~7 s per variant on the example) is why it is not every one.
 * Every analysis uses the same trials and seed (default the plan's settings), but the tornado runs the
 * model twice per assumption, so it takes at most DEFAULT_SENSITIVITY_TRIALS, as `guarantor sensitivity`
 * does by default.
 */
import { attribute } from '../core/analyses/attribution/attribute.js';
import type { VariantAttribution } from '../core/analyses/attribution/types.js';
import type { BurdenReport } from '../core/analyses/burden/burden-report.js';
import { optimizeBurden } from '../core/analyses/burden/optimize.js';
import { type Failures, failures } from '../core/analyses/failures/failures.js';
import {
  DEFAULT_SENSITIVITY_TRIALS,
  type Sensitivity,
  sensitivity,
} from '../core/analyses/sensitivity/sensitivity.js';
import type { Progress } from '../core/engine/assess.js';
import type { Assessment, VariantResult } from '../core/engine/result-types.js';
import type { RunOptions } from '../core/engine/run-plan.js';
import { GuarantorError } from '../core/errors.js';
import type { Plan } from '../core/plan/types.js';
import type { TrackRecords } from '../core/track-records/kiel.js';
import { verdict } from '../core/views/verdict.js';
import type { Runner } from '../runner/runner.js';
import type { Solver } from '../solver/solver.js';

export interface ReportOptions {
  /** Variants for the bottom line and the deep dive; default every variant, deep dive on the best. */
  readonly variants?: readonly string[];
  readonly trials?: number;
  readonly seed?: number;
  /** Track records to show next to each partner's pledges (Kiel, `--kiel DIR`). */
  readonly trackRecords?: TrackRecords;
}

/** Where the report's progress goes: a stage starts, reports, and ends (the CLI draws a bar per stage). */
export interface ReportProgress {
  stage(label: string): { onProgress(progress: Progress): void; stop(): void };
}

export interface ReportDeps {
  readonly runner: Runner;
  readonly solver: Solver;
  readonly progress?: ReportProgress;
}

/** A part that could not be computed for this plan (e.g. burden sharing without GDP): said, not hidden. */
export interface Unavailable {
  readonly unavailable: string;
}

export interface DeepDive {
  readonly variant: string;
  readonly attribution: VariantAttribution;
  readonly burden: BurdenReport | Unavailable;
  readonly sensitivity: Sensitivity;
  /** For the weakest scenario of the variant; undefined when the variant has no scenario. */
  readonly failures?: Failures;
}

export interface ReportData {
  readonly plan: Plan;
  readonly assessment: Assessment;
  /** Variants with a deep dive, in the order asked (the assessment's). */
  readonly deep: readonly DeepDive[];
  readonly trackRecords?: TrackRecords;
}

const QUIET: ReportProgress = { stage: () => ({ onProgress: () => undefined, stop: () => undefined }) };

export async function reportData(plan: Plan, options: ReportOptions, deps: ReportDeps): Promise<ReportData> {
  const progress = deps.progress ?? QUIET;
  const run = {
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const assessment = await staged(progress, 'assess', (onProgress) =>
    deps.runner.assess(plan, {
      ...run,
      ...(options.variants === undefined || options.variants.length === 0
        ? {}
        : { variants: options.variants }),
      onProgress,
    }),
  );
  const main =
    options.variants !== undefined && options.variants.length > 0
      ? assessment.variants
      : bestVariant(assessment.variants);
  const deep: DeepDive[] = [];
  for (const v of main) deep.push(await deepDive(plan, v, run, deps, progress));
  return {
    plan,
    assessment,
    deep,
    ...(options.trackRecords === undefined ? {} : { trackRecords: options.trackRecords }),
  };
}

/** The variant of highest value, first in plan order on ties; none when there are no variants. */
export function bestVariant(variants: readonly VariantResult[]): VariantResult[] {
  const best = variants.reduce<VariantResult | undefined>(
    (a, b) => (a === undefined || b.value > a.value ? b : a),
    undefined,
  );
  return best === undefined ? [] : [best];
}

async function deepDive(
  plan: Plan,
  v: VariantResult,
  run: { trials?: number; seed?: number },
  deps: ReportDeps,
  progress: ReportProgress,
): Promise<DeepDive> {
  const attributionDoc = await staged(progress, `attribute ${v.id}`, async (onProgress) =>
    attribute(plan, { variant: v.id, ...run, onProgress }),
  );
  const attribution = attributionDoc.attribution.find((a) => a.variant === v.id);
  if (attribution === undefined) throw new Error(`attribute returned no attribution for ${v.id}`);
  let runs = 0;
  const assess = (p: Plan, options: RunOptions) =>
    staged(progress, `${runs++ === 0 ? 'assess' : 're-assess'} ${v.id} for burden sharing`, (onProgress) =>
      deps.runner.assess(p, { ...options, onProgress }),
    );
  const burden = await optimizeBurden(plan, { variant: v.id, ...run }, { solver: deps.solver, assess }).catch(
    unavailable,
  );
  const tornado = await staged(progress, `sensitivity ${v.id}`, async (onProgress) =>
    sensitivity(plan, {
      variant: v.id,
      ...run,
      // As the sensitivity command: at most DEFAULT_SENSITIVITY_TRIALS, it runs the model per assumption.
      trials: Math.min(run.trials ?? plan.settings.trials, DEFAULT_SENSITIVITY_TRIALS),
      grid: false,
      onProgress,
    }),
  );
  const weakest = verdict(v, plan.settings.target).weakest;
  const why =
    weakest === undefined ? undefined : failures(plan, { variant: v.id, scenario: weakest.id, ...run });
  return {
    variant: v.id,
    attribution,
    burden,
    sensitivity: tornado,
    ...(why === undefined ? {} : { failures: why }),
  };
}

/** A user-facing reason why a part is missing (GuarantorError: missing GDP, unit cost…); bugs rethrow. */
function unavailable(error: unknown): Unavailable {
  if (error instanceof GuarantorError) return { unavailable: error.message };
  throw error;
}

async function staged<T>(
  progress: ReportProgress,
  label: string,
  work: (onProgress: (p: Progress) => void) => Promise<T>,
): Promise<T> {
  const stage = progress.stage(label);
  try {
    return await work(stage.onProgress);
  } finally {
    stage.stop();
  }
}

export function isUnavailable<T extends object>(x: T | Unavailable): x is Unavailable {
  return 'unavailable' in x;
}
