/**
 * `guarantor compare PLAN`: "is Europe alone enough, or only with the US?" — the variants side by side
 * per scenario, and the paired difference of each against the first (or of every pair), with its 95%
 * interval, as sentences or as the comparison document (--json).
 */
import { compareVariants, type Pairs } from '../../core/analyses/compare/compare-variants.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { renderComparison } from '../render/compare.js';
import { emit } from '../write-output.js';

export interface CompareFlags {
  readonly variants?: string[];
  readonly pairs?: Pairs;
  readonly trials?: number;
  readonly seed?: number;
  readonly set?: string[];
  readonly json?: boolean;
  readonly out?: string;
}

export async function compareCommand(path: string, flags: CompareFlags, io: CliIo): Promise<ExitCode> {
  const loaded = await loadPlan(path, io, flags.set);
  await printWarnings(io, loaded);
  const doc = compareVariants(loaded.plan, {
    ...(flags.variants === undefined || flags.variants.length === 0 ? {} : { variants: flags.variants }),
    ...(flags.pairs === undefined ? {} : { pairs: flags.pairs }),
    ...(flags.trials === undefined ? {} : { trials: flags.trials }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
  });
  const text = flags.json ? `${JSON.stringify(doc, null, 2)}\n` : renderComparison(doc, loaded.plan);
  await emit(io, text, flags.out);
  return ExitCode.ok;
}

/** `--variants a,b --variants c` → ['a', 'b', 'c']: comma lists, repeatable. */
export function collectVariants(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ];
}
