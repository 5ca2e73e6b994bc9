/**
 * `guarantor attribute PLAN --variant ID`: "which partner's pledge matters most?" — each actor's
 * marginal value, Shapley value (exact or sampled, with its standard error) and Owen value over blocs,
 * as tables or as the MODEL.md §7 document with `attribution` filled (--json).
 *
 * Concurrency decision: in this thread. The sampled estimator meets the target on the example
 * plan (SE ≤ 0.005 for every actor) in a few seconds on one core (bench/run.js), so worker threads would
 * buy little; its sums are chunked by trial index (trial-moments.ts) so that splitting trials across
 * threads later gives the same bits.
 */
import { InvalidArgumentError } from '@commander-js/extra-typings';
import { attribute } from '../../core/analyses/attribution/attribute.js';
import type { AttributionDocument, AttributionMethod } from '../../core/analyses/attribution/types.js';
import type { Progress } from '../../core/engine/assess.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { type ProgressSink, progressSink } from '../progress.js';
import { renderAttribution } from '../render/attribution.js';
import { emit } from '../write-output.js';

export interface AttributeFlags {
  readonly variant: string;
  readonly method?: AttributionMethod;
  readonly trials?: number;
  readonly seed?: number;
  readonly targetSe?: number;
  readonly set?: string[];
  readonly json?: boolean;
  readonly out?: string;
}

export async function attributeCommand(path: string, flags: AttributeFlags, io: CliIo): Promise<ExitCode> {
  const loaded = await loadPlan(path, io, flags.set);
  await printWarnings(io, loaded);
  const progress = restartingProgress(io);
  let doc: AttributionDocument;
  try {
    doc = attribute(loaded.plan, {
      variant: flags.variant,
      ...(flags.method === undefined ? {} : { method: flags.method }),
      ...(flags.trials === undefined ? {} : { trials: flags.trials }),
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      ...(flags.targetSe === undefined ? {} : { targetSe: flags.targetSe }),
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  const text = flags.json ? `${JSON.stringify(doc, null, 2)}\n` : renderAttribution(doc, loaded.plan);
  await emit(io, text, flags.out);
  return ExitCode.ok;
}

/**
 * The sampled method learns its trial count from a pilot run, so the total grows once: a new total starts
 * a new bar (the sink draws one total per bar).
 */
function restartingProgress(io: CliIo): ProgressSink {
  let sink = progressSink(io, { label: 'attribute' });
  let total: number | undefined;
  return {
    onProgress(p: Progress) {
      if (total !== undefined && p.total !== total) {
        sink.stop();
        sink = progressSink(io, { label: 'attribute' });
      }
      total = p.total;
      sink.onProgress(p);
    },
    stop: () => sink.stop(),
  };
}

/** `--target-se 0.005`: a plain decimal in (0, 0.5). Commander turns the error into a usage error (exit 2). */
export function parseTargetSe(value: string): number {
  const x = /^(0?\.[0-9]+|0)$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(x > 0 && x < 0.5))
    throw new InvalidArgumentError('It must be a number between 0 and 0.5, e.g. 0.005.');
  return x;
}
