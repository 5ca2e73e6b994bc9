/**
 * `guarantor timeline PLAN --scenario ID`: "what happens, day by day, if they come by sea?" — the power
 * bands against the requirement, and when each pledge arrives, under one variant.
 */
import { timeline } from '../../core/engine/timeline.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { progressSink } from '../progress.js';
import { renderTimeline } from '../render/timeline.js';
import { emit } from '../write-output.js';

export interface TimelineFlags {
  readonly scenario: string;
  readonly variant?: string;
  readonly trials?: number;
  readonly seed?: number;
  readonly json?: boolean;
  readonly out?: string;
  readonly set?: string[];
}

export async function timelineCommand(path: string, flags: TimelineFlags, io: CliIo): Promise<ExitCode> {
  const loaded = await loadPlan(path, io, flags.set);
  await printWarnings(io, loaded);
  const { plan } = loaded;
  // Default: the plan's first variant (normalisation guarantees there is one).
  const variant = flags.variant ?? plan.variants[0]?.id ?? 'all';
  const progress = progressSink(io, { label: 'timeline' });
  let doc: ReturnType<typeof timeline>;
  try {
    doc = timeline(plan, {
      variant,
      scenario: flags.scenario,
      ...(flags.trials === undefined ? {} : { trials: flags.trials }),
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  const text = flags.json ? `${JSON.stringify(doc, null, 2)}\n` : renderTimeline(doc, plan);
  await emit(io, text, flags.out);
  return ExitCode.ok;
}
