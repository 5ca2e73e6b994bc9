/** `guarantor validate PLAN`: is the plan well-formed? A one-line summary, or every error located. */
import type { Plan } from '../../core/plan/index.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { plural } from '../render/format.js';

export async function validateCommand(path: string, io: CliIo): Promise<ExitCode> {
  const loaded = await loadPlan(path, io);
  const warnings = loaded.warnings.length === 0 ? '' : ` (${plural(loaded.warnings.length, 'warning')})`;
  await write(io.stdout, `${loaded.file}: valid — ${planSummary(loaded.plan)}${warnings}\n`);
  await printWarnings(io, loaded);
  return ExitCode.ok;
}

/** `27 actors, 14 capabilities, 63 pledges, 4 scenarios, 3 variants`. */
export function planSummary(plan: Plan): string {
  return [
    plural(plan.actors.length, 'actor'),
    plural(plan.capabilities.length, 'capability', 'capabilities'),
    plural(plan.pledges.length, 'pledge'),
    plural(plan.scenarios.length, 'scenario'),
    plural(plan.variants.length, 'variant'),
  ].join(', ');
}
