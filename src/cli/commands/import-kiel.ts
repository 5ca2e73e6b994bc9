/**
 * `guarantor import kiel DIR`: track records from the Kiel Ukraine Support Tracker's dashboard data
 * (release_info.csv, data_explorer.csv) — per donor, allocated and committed aid by type up to a month
 * and as % of GDP. With `--plan`, the record next to each plan actor's pledges, a PROPOSED reliability
 * prior (core/track-records/prior.ts) and, for actors without GDP, the World Bank's; never written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '@commander-js/extra-typings';
import type { Plan } from '../../core/plan/types.js';
import {
  type ActorRecord,
  type ImportIssue,
  importKiel,
  isMonth,
  KIEL_CITATION_SHORT,
  type TrackRecords,
} from '../../core/track-records/kiel.js';
import {
  checkPriorMapping,
  DEFAULT_PRIOR_MAPPING,
  type PriorMapping,
  proposePrior,
} from '../../core/track-records/prior.js';
import { readWorldBankGdp, type WorldBankGdp } from '../../core/track-records/worldbank.js';
import { CliError } from '../errors/cli-error.js';
import { describeFsError } from '../errors/fs-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, writeErrorLines } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { emit } from '../write-output.js';

export interface ImportKielFlags {
  readonly plan?: string;
  readonly asOf?: string;
  readonly priorFloor?: number;
  readonly priorCeiling?: number;
  /** The World Bank GDP table; default DIR/../worldbank-2024/gdp-population.csv. */
  readonly worldbank?: string;
  readonly json?: boolean;
}

export interface PlanProposal {
  readonly actor: string;
  readonly name: string;
  readonly pledges: number;
  readonly record: ActorRecord | null;
  readonly deliveredRatio: number | null;
  readonly proposedReliability: number | null;
  readonly currentReliability: number;
  /** Proposed only for actors without gdp: current US dollars, World Bank. */
  readonly proposedGdp: { readonly usd: number; readonly year: number; readonly source: string } | null;
}

const WORLD_BANK_SOURCE = 'World Bank WDI NY.GDP.MKTP.CD (current US$), CC BY 4.0';

/** A commander parser for --as-of YYYY-MM. */
export function parseMonth(value: string): string {
  if (!isMonth(value)) throw new InvalidArgumentError('It must be a month YYYY-MM (e.g. 2026-04).');
  return value;
}

/** A commander parser for --prior-floor and --prior-ceiling: a number in [0, 1]. */
export function parseProbability(value: string): number {
  const n = /^(0|1)(\.[0-9]+)?$|^\.[0-9]+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('It must be a number from 0 to 1.');
  return n;
}

export async function importKielCommand(dir: string, flags: ImportKielFlags, io: CliIo): Promise<ExitCode> {
  const mapping = priorMapping(flags);
  const [releaseInfo, dataExplorer] = await Promise.all([
    readText(join(dir, 'release_info.csv')),
    readText(join(dir, 'data_explorer.csv')),
  ]);
  const imported = importKiel(
    { releaseInfo, dataExplorer },
    flags.asOf === undefined ? {} : { asOf: flags.asOf },
  );
  await writeErrorLines(
    io,
    imported.issues.map((i) => formatIssue(dir, i)),
  );
  const records = imported.records;
  if (records === undefined) return ExitCode.invalidInput;

  let proposals: PlanProposal[] | undefined;
  if (flags.plan !== undefined) {
    const loaded = await loadPlan(flags.plan, io);
    await printWarnings(io, loaded);
    const gdp = await worldBank(dir, flags, loaded.plan, io);
    proposals = proposeForPlan(loaded.plan, records, mapping, gdp);
  }
  if (flags.json) {
    const doc = proposals === undefined ? records : { ...records, proposals };
    await emit(io, `${JSON.stringify(doc, null, 2)}\n`);
  } else {
    await emit(
      io,
      renderRecords(records, imported.names) + (proposals ? renderProposals(proposals, mapping) : ''),
    );
  }
  return ExitCode.ok;
}

function priorMapping(flags: ImportKielFlags): PriorMapping {
  const mapping = {
    floor: flags.priorFloor ?? DEFAULT_PRIOR_MAPPING.floor,
    ceiling: flags.priorCeiling ?? DEFAULT_PRIOR_MAPPING.ceiling,
  };
  const checked = checkPriorMapping(mapping);
  if (!checked.ok) throw new CliError([`error: ${checked.error}`], ExitCode.usage);
  return checked.value;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError([`error: cannot read ${path}: ${describeFsError(error)}`], ExitCode.invalidInput);
  }
}

function formatIssue(dir: string, issue: ImportIssue): string {
  const where = `${join(dir, issue.file)}:${issue.line}${issue.column === undefined ? '' : ` column ${issue.column}`}`;
  return `${where}: ${issue.severity}: ${issue.message}`;
}

/** The World Bank GDP table, only when some plan actor lacks gdp; undefined (with a warning) when absent. */
async function worldBank(
  dir: string,
  flags: ImportKielFlags,
  plan: Plan,
  io: CliIo,
): Promise<ReadonlyMap<string, WorldBankGdp> | undefined> {
  if (plan.actors.every((a) => a.gdp !== undefined)) return undefined;
  const path = flags.worldbank ?? join(dir, '..', 'worldbank-2024', 'gdp-population.csv');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (flags.worldbank !== undefined) {
      throw new CliError([`error: cannot read ${path}: ${describeFsError(error)}`], ExitCode.invalidInput);
    }
    await writeErrorLines(io, [
      `warning: no World Bank GDP table at ${path} (${describeFsError(error)}): no GDP proposed`,
    ]);
    return undefined;
  }
  const read = readWorldBankGdp(text, path);
  await writeErrorLines(
    io,
    read.issues.map(
      (i) => `${i.file}:${i.line}${i.column ? ` column ${i.column}` : ''}: ${i.severity}: ${i.message}`,
    ),
  );
  if (read.issues.some((i) => i.severity === 'error')) throw new CliError([], ExitCode.invalidInput);
  if (plan.currency !== undefined && plan.currency.toUpperCase() !== 'USD') {
    await writeErrorLines(io, [
      `warning: the plan's currency is ${plan.currency}; World Bank GDP is in current US dollars: no GDP proposed`,
    ]);
    return undefined;
  }
  return read.gdp;
}

export function proposeForPlan(
  plan: Plan,
  records: TrackRecords,
  mapping: PriorMapping,
  gdp: ReadonlyMap<string, WorldBankGdp> | undefined,
): PlanProposal[] {
  return plan.actors.map((actor) => {
    const record = records.actors.find((r) => r.actor === actor.id) ?? null;
    const prior = record === null ? undefined : proposePrior(record, mapping);
    const wb = actor.gdp === undefined ? gdp?.get(actor.id) : undefined;
    return {
      actor: actor.id,
      name: actor.name,
      pledges: plan.pledges.filter((p) => p.actor === actor.id && p.status !== 'withdrawn').length,
      record,
      deliveredRatio: prior?.deliveredRatio ?? null,
      proposedReliability: prior?.prior ?? null,
      currentReliability: actor.reliability,
      proposedGdp: wb === undefined ? null : { usd: wb.gdpUsd, year: wb.year, source: WORLD_BANK_SOURCE },
    };
  });
}

const bn = (x: number) => x.toFixed(3).padStart(9);

function renderRecords(records: TrackRecords, names: Readonly<Record<string, string>>): string {
  const head = `${'actor'.padEnd(5)} ${'name'.padEnd(28)} ${'allocated'.padStart(9)} ${'military'.padStart(9)} ${'financial'.padStart(9)} ${'humanit.'.padStart(9)} ${'committed'.padStart(9)} ${'% GDP'.padStart(6)}`;
  const line = (id: string, name: string, a: ActorRecord | TrackRecords['totals'], pct: string) =>
    `${id.padEnd(5)} ${name.slice(0, 28).padEnd(28)} ${bn(a.allocated)} ${bn(a.military)} ${bn(a.financial)} ${bn(a.humanitarian)} ${bn(a.committed)} ${pct.padStart(6)}`;
  const rows = records.actors.map((a) =>
    line(a.actor, names[a.actor] ?? a.actor, a, a.pctGdp === null ? '–' : a.pctGdp.toFixed(2)),
  );
  return [
    `Ukraine Support Tracker, release ${records.release}: aid allocated and committed up to ${records.asOf}, EUR billions`,
    '',
    head,
    ...rows,
    line('', 'total', records.totals, '').trimEnd(),
    '',
    '% GDP: allocated ÷ 2021 GDP (Kiel). EUI: the EU institutions, counted in the totals.',
    `Source: ${KIEL_CITATION_SHORT},`,
    `Kiel Institute for the World Economy, Release ${records.release}.`,
    '',
  ].join('\n');
}

function renderProposals(proposals: readonly PlanProposal[], mapping: PriorMapping): string {
  const head = `${'actor'.padEnd(5)} ${'pledges'.padStart(7)} ${'allocated'.padStart(9)} ${'committed'.padStart(9)} ${'deliv.'.padStart(6)} ${'reliability now → proposed'.padStart(26)}  gdp proposed (US$)`;
  const rows = proposals.map((p) => {
    const rec = p.record;
    const proposed = p.proposedReliability === null ? '–' : p.proposedReliability.toFixed(2);
    const gdp = p.proposedGdp === null ? '' : `${p.proposedGdp.usd.toExponential(3)} (${p.proposedGdp.year})`;
    return `${p.actor.padEnd(5)} ${String(p.pledges).padStart(7)} ${rec ? bn(rec.allocated) : '        –'} ${rec ? bn(rec.committed) : '        –'} ${p.deliveredRatio === null ? '     –' : p.deliveredRatio.toFixed(2).padStart(6)} ${`${p.currentReliability.toFixed(2)} → ${proposed}`.padStart(26)}  ${gdp}`.trimEnd();
  });
  return [
    '',
    'PROPOSED for the plan (not written into it; accept by editing the plan):',
    head,
    ...rows,
    '',
    `reliability proposed = ${mapping.floor} + (${mapping.ceiling} − ${mapping.floor}) × min(1, allocated ÷ committed)`,
    '(set with --prior-floor, --prior-ceiling; deliv.: allocated ÷ committed).',
    `GDP proposed for actors without one: ${WORLD_BANK_SOURCE}.`,
    '',
  ].join('\n');
}
