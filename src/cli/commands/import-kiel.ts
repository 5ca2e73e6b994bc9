/**
 * `guarantor import kiel DIR`: track records from the Kiel Ukraine Support Tracker's dashboard data
 * (release_info.csv, data_explorer.csv) — per donor, allocated and committed aid by type up to a month
 * and as % of GDP. With `--plan`, the record next to each plan actor's pledges, a PROPOSED reliability
 * prior (core/track-records/prior.ts) and, for actors without GDP, the World Bank's — written only into
 * a copy of the plan the user names (`--accept … --out`, import-kiel-accept.ts). `--save` keeps the
 * import in the team database for the server and dashboard (an import with errors stores nothing).
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
  gdpFitsPlan,
  type PlanProposal,
  proposeForPlan,
  WORLD_BANK_SOURCE,
} from '../../core/track-records/plan-proposals.js';
import {
  checkPriorMapping,
  DEFAULT_PRIOR_MAPPING,
  type PriorMapping,
} from '../../core/track-records/prior.js';
import { trackRecordDocument } from '../../core/track-records/track-record-document.js';
import { readWorldBankGdp, type WorldBankGdp } from '../../core/track-records/worldbank.js';
import { CliError } from '../errors/cli-error.js';
import { describeFsError } from '../errors/fs-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write, writeErrorLines } from '../io.js';
import { loadPlan, printWarnings } from '../load-plan.js';
import { emit } from '../write-output.js';
import { defaultWho, withStore } from './db.js';
import { acceptIntoPlanFile } from './import-kiel-accept.js';

export interface ImportKielFlags {
  readonly plan?: string;
  readonly asOf?: string;
  readonly priorFloor?: number;
  readonly priorCeiling?: number;
  /** The World Bank GDP table; default DIR/../worldbank-2024/gdp-population.csv. */
  readonly worldbank?: string;
  readonly json?: boolean;
  /** Keep the import in the database (`--db`, else DATABASE_URL, else .guarantor/), as `who`. */
  readonly save?: boolean;
  readonly db?: string;
  readonly who?: string;
  /** Accept these actors' proposals (or all) into a copy of --plan written to --out. */
  readonly accept?: 'all' | readonly string[];
  readonly acceptGdp?: boolean;
  readonly out?: string;
}

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
  checkCombination(flags);
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

  const loaded = flags.plan === undefined ? undefined : await loadPlan(flags.plan, io);
  if (loaded !== undefined) await printWarnings(io, loaded);
  // The GDP table: for plan actors without gdp, and kept with a saved import (the server proposes from it).
  const wantGdp = flags.save === true || loaded?.plan.actors.some((a) => a.gdp === undefined) === true;
  const gdpTable = wantGdp ? await worldBank(dir, flags, io) : undefined;
  const proposals =
    loaded === undefined
      ? undefined
      : proposeForPlan(loaded.plan, records, mapping, await planGdp(loaded.plan, gdpTable, io));

  if (flags.save === true) {
    const document = trackRecordDocument(imported, gdpTable);
    if (document === undefined) return ExitCode.invalidInput;
    const saved = await withStore(flags, io, async (store, target) => {
      await store.migrate();
      return {
        row: await store.saveTrackRecords({ document, importedBy: flags.who ?? defaultWho(io) }),
        target,
      };
    });
    await write(
      io.stderr,
      `saved the track records (release ${records.release} to ${records.asOf}, ${records.actors.length} donors${gdpTable === undefined ? '' : ', World Bank GDP'}) as import ${saved.row.id} in ${saved.target}\n`,
    );
  }
  // checkCombination made sure --accept comes with --plan FILE and --out.
  const { accept, plan, out } = flags;
  if (accept !== undefined && plan !== undefined && out !== undefined && proposals !== undefined) {
    await acceptIntoPlanFile(
      {
        planFile: plan,
        wanted: accept,
        withGdp: flags.acceptGdp === true,
        out,
        json: flags.json === true,
      },
      proposals,
      records,
      io,
    );
    return ExitCode.ok;
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

/** Options that only make sense together: usage errors (exit 2) before anything is read. */
function checkCombination(flags: ImportKielFlags): void {
  const usage = (message: string) => new CliError([`error: ${message}`], ExitCode.usage);
  if (flags.accept !== undefined) {
    if (flags.plan === undefined) throw usage('--accept needs --plan PLAN: the plan to accept into');
    if (flags.plan === '-') throw usage('--accept needs --plan as a file, not stdin: its text is copied');
    if (flags.out === undefined) {
      throw usage('--accept needs --out NEW.yaml: the plan is never changed in place unless --out names it');
    }
  } else {
    if (flags.acceptGdp === true) throw usage('--accept-gdp needs --accept ACTORS|all');
    if (flags.out !== undefined)
      throw usage('--out writes the plan with accepted proposals: give --accept too');
  }
  if (flags.save !== true && (flags.db !== undefined || flags.who !== undefined)) {
    throw usage('--db and --who are for --save');
  }
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

/** The World Bank GDP table; undefined (with a warning) when the default one is absent. */
async function worldBank(
  dir: string,
  flags: ImportKielFlags,
  io: CliIo,
): Promise<ReadonlyMap<string, WorldBankGdp> | undefined> {
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
  return read.gdp;
}

/** The table for proposals to this plan: none (with a warning) when the plan does not count in US dollars. */
async function planGdp(
  plan: Plan,
  gdp: ReadonlyMap<string, WorldBankGdp> | undefined,
  io: CliIo,
): Promise<ReadonlyMap<string, WorldBankGdp> | undefined> {
  if (gdp === undefined || plan.actors.every((a) => a.gdp !== undefined)) return undefined;
  if (!gdpFitsPlan(plan)) {
    await writeErrorLines(io, [
      `warning: the plan's currency is ${plan.currency}; World Bank GDP is in current US dollars: no GDP proposed`,
    ]);
    return undefined;
  }
  return gdp;
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
    'PROPOSED for the plan (not written into it; accept with --accept ACTOR,…|all --out NEW.yaml):',
    head,
    ...rows,
    '',
    `reliability proposed = ${mapping.floor} + (${mapping.ceiling} − ${mapping.floor}) × min(1, allocated ÷ committed)`,
    '(set with --prior-floor, --prior-ceiling; deliv.: allocated ÷ committed).',
    `GDP proposed for actors without one: ${WORLD_BANK_SOURCE}.`,
    '',
  ].join('\n');
}
