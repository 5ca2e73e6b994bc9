/**
 * `guarantor assess PLAN`: "is it enough?" — runs the Monte Carlo assessment on worker threads and
 * prints the verdict per variant with holds, shortfalls and gaps, or the Assessment document (--json).
 */
import type { AssessOptions } from '../../core/engine/assess.js';
import { runnerFor } from '../../runner/runner-for.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { progressSink } from '../progress.js';
import { renderAssessment } from '../render/assessment.js';
import { emit } from '../write-output.js';

export interface AssessFlags {
  readonly variant?: string[];
  readonly scenario?: string[];
  readonly trials?: number;
  readonly seed?: number;
  readonly threads?: number;
  readonly json?: boolean;
  readonly out?: string;
  readonly set?: string[];
}

export async function assessCommand(path: string, flags: AssessFlags, io: CliIo): Promise<ExitCode> {
  const loaded = await loadPlan(path, io, flags.set);
  await printWarnings(io, loaded);
  const runner = runnerFor(flags.threads);
  const progress = progressSink(io, { label: 'assess' });
  const options: AssessOptions = {
    ...(flags.variant === undefined || flags.variant.length === 0 ? {} : { variants: flags.variant }),
    ...(flags.scenario === undefined || flags.scenario.length === 0 ? {} : { scenarios: flags.scenario }),
    ...(flags.trials === undefined ? {} : { trials: flags.trials }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    onProgress: progress.onProgress,
  };
  let doc: Awaited<ReturnType<typeof runner.assess>>;
  try {
    doc = await runner.assess(loaded.plan, options);
  } finally {
    progress.stop();
  }
  const text = flags.json ? `${JSON.stringify(doc, null, 2)}\n` : renderAssessment(doc, loaded.plan);
  await emit(io, text, flags.out);
  return ExitCode.ok;
}
