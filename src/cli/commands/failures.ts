/**
 * `guarantor failures PLAN --variant ID --scenario ID`: when does the guarantee fail? The few
 * conditions (who did not honour, which pledge was missing or late, whether a backstop was called)
 * that explain most failing trials (see core/analyses/failures).
 */
import { type Failures, failures } from '../../core/analyses/failures/failures.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { renderFailures } from '../render/failures.js';
import { emit } from '../write-output.js';

export interface FailuresFlags {
  readonly variant: string;
  readonly scenario: string;
  readonly trials?: number;
  readonly seed?: number;
  /** `--set path=value` overrides (set-option.ts). */
  readonly set?: string[];
  readonly json?: boolean;
  readonly out?: string;
}

export async function failuresCommand(path: string, flags: FailuresFlags, io: CliIo): Promise<ExitCode> {
  const loaded = await loadPlan(path, io, flags.set);
  await printWarnings(io, loaded);
  const doc: Failures = failures(loaded.plan, {
    variant: flags.variant,
    scenario: flags.scenario,
    ...(flags.trials === undefined ? {} : { trials: flags.trials }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
  });
  const text = flags.json ? `${JSON.stringify(doc, null, 2)}\n` : renderFailures(doc);
  await emit(io, text, flags.out);
  return ExitCode.ok;
}
