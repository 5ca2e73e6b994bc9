/**
 * `guarantor pledges PLAN`: "what exactly is each partner ready to do on our land, in our seas, in our
 * sky; what planes can they mobilise?" — the pledge matrix by actor and domain, with filters.
 */
import { suggest } from '../../core/plan/index.js';
import type { Plan, Posture } from '../../core/plan/types.js';
import { type PledgeFilter, planDomains, pledgeTable } from '../../core/views/pledge-table.js';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { renderPledges } from '../render/pledges.js';
import { emit } from '../write-output.js';

export interface PledgesFlags {
  readonly domain?: string;
  readonly actor?: string;
  readonly posture?: Posture;
  readonly json?: boolean;
}

export async function pledgesCommand(path: string, flags: PledgesFlags, io: CliIo): Promise<ExitCode> {
  const loaded = await loadPlan(path, io);
  await printWarnings(io, loaded);
  const { plan } = loaded;
  const filter: PledgeFilter = {
    ...(flags.domain === undefined ? {} : { domain: known('domain', flags.domain, planDomains(plan)) }),
    ...(flags.actor === undefined ? {} : { actor: knownActor(plan, flags.actor) }),
    ...(flags.posture === undefined ? {} : { posture: flags.posture }),
  };
  const table = pledgeTable(plan, filter);
  if (flags.json) {
    await emit(io, `${JSON.stringify({ filter, rows: table.rows, totals: table.totals }, null, 2)}\n`);
  } else if (table.rows.length === 0) {
    await emit(io, 'No pledges match these filters.\n');
  } else {
    await emit(io, renderPledges(table, plan));
  }
  return ExitCode.ok;
}

function knownActor(plan: Plan, id: string): string {
  // Actor ids are usually upper-case codes: accept `fra` for `FRA` when that is unambiguous.
  const exact = plan.actors.find((a) => a.id === id);
  if (exact !== undefined) return exact.id;
  const folded = plan.actors.filter((a) => a.id.toLowerCase() === id.toLowerCase());
  if (folded.length === 1 && folded[0] !== undefined) return folded[0].id;
  return known(
    'actor',
    id,
    plan.actors.map((a) => a.id),
  );
}

function known(kind: string, value: string, candidates: readonly string[]): string {
  if (candidates.includes(value)) return value;
  const guess = suggest(value, candidates);
  const hint =
    guess !== undefined
      ? `did you mean "${guess}"?`
      : candidates.length <= 8
        ? `the plan has ${candidates.map((c) => `"${c}"`).join(', ')}`
        : `the plan has ${candidates.length} ${kind}s`;
  throw new CliError([`error: unknown ${kind} "${value}"; ${hint}`], ExitCode.invalidInput);
}
