/**
 * `guarantor sensitivity PLAN --variant ID`: which assumptions move the verdict? A tornado of every
 * partner's reliability, the model's settings and the threat per domain, and a two-way grid of
 * reliabilities with its tipping line — all on the same draws (see core/analyses/sensitivity).
 */
import type { GridRule } from '../../core/analyses/sensitivity/grid.js';
import { type Sensitivity, sensitivity } from '../../core/analyses/sensitivity/sensitivity.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { progressSink } from '../progress.js';
import { renderSensitivity } from '../render/sensitivity.js';
import { emit } from '../write-output.js';

export interface SensitivityFlags {
  readonly variant: string;
  readonly trials?: number;
  readonly seed?: number;
  /** `x,y`, or false for --no-grid. */
  readonly grid?: string | boolean;
  readonly rule?: GridRule;
  /** `--set path=value` overrides (set-option.ts). */
  readonly set?: string[];
  readonly json?: boolean;
  readonly out?: string;
}

export async function sensitivityCommand(
  path: string,
  flags: SensitivityFlags,
  io: CliIo,
): Promise<ExitCode> {
  const loaded = await loadPlan(path, io, flags.set);
  await printWarnings(io, loaded);
  const progress = progressSink(io, { label: 'sensitivity' });
  let doc: Sensitivity;
  try {
    doc = sensitivity(loaded.plan, {
      variant: flags.variant,
      ...(flags.trials === undefined ? {} : { trials: flags.trials }),
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      ...(typeof flags.grid === 'string'
        ? { grid: flags.grid }
        : flags.grid === false
          ? { grid: false }
          : {}),
      ...(flags.rule === undefined ? {} : { rule: flags.rule }),
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  const text = flags.json ? `${JSON.stringify(doc, null, 2)}\n` : renderSensitivity(doc);
  await emit(io, text, flags.out);
  return ExitCode.ok;
}
