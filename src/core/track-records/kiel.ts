/**
 * Track records from the Kiel Institute's Ukraine Support Tracker (Trebesch et al., Kiel Working Paper
 * 2218): reads the dashboard's `release_info.csv` and `data_explorer.csv` (text in, no I/O) and sums,
 * per donor, what was allocated (by type) and committed up to a month, in EUR billions.
 *
 * Which rows make the totals: every donor row, the EU institutions ("EU (Commission and Council)", id
 * EUI) included — Kiel's published totals (€358.4bn allocated, €548.0bn committed, release 29) are the
 * sum over all donors including the EU institutions, and the files reproduce them only that way.
 */

import { KIEL_AGGREGATE_IDS, kielActorId } from './countries.js';
import { parseCsv } from './csv.js';

/** The release the importer was written against; another one is read with a warning. */
export const KIEL_EXPECTED_RELEASE = 29;
/** The citation without the institute, for a line of 100 columns. */
export const KIEL_CITATION_SHORT = 'Trebesch et al., "The Ukraine Support Tracker", Kiel Working Paper 2218';
export const KIEL_CITATION =
  'Trebesch et al., "The Ukraine Support Tracker", Kiel Working Paper 2218, Kiel Institute for the World Economy';

export interface ImportIssue {
  readonly severity: 'error' | 'warning';
  /** A stable code for scripts, e.g. KIEL_UNKNOWN_COUNTRY. */
  readonly code: string;
  readonly file: string;
  /** 1-based line in the file (the header is line 1); 0 for the file as a whole. */
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export interface KielRelease {
  readonly release: number;
  /** The last month covered, YYYY-MM. */
  readonly lastMonth: string;
  readonly date: string;
  readonly label: string;
}

export interface KielRow {
  readonly line: number;
  readonly actor: string;
  readonly name: string;
  /** YYYY-MM. */
  readonly month: string;
  readonly allocated: number;
  readonly military: number;
  readonly financial: number;
  readonly humanitarian: number;
  readonly committed: number;
  /** 2021 GDP in EUR billions; 0 when Kiel gives none (the EU institutions). */
  readonly gdp: number;
}

export interface Amounts {
  readonly allocated: number;
  readonly military: number;
  readonly financial: number;
  readonly humanitarian: number;
  readonly committed: number;
}

export interface ActorRecord extends Amounts {
  readonly actor: string;
  /** allocated ÷ 2021 GDP × 100; null when Kiel gives no GDP. */
  readonly pctGdp: number | null;
}

export interface TrackRecords {
  readonly release: number;
  readonly asOf: string;
  readonly totals: Amounts;
  /** Largest allocation first. */
  readonly actors: readonly ActorRecord[];
}

export interface KielFiles {
  readonly releaseInfo: string;
  readonly dataExplorer: string;
}

export interface KielImport {
  /** Undefined when there is any error. */
  readonly records?: TrackRecords;
  readonly names: Readonly<Record<string, string>>;
  /** The release as release_info.csv gives it (number, last month, date, label), for citations. */
  readonly release?: KielRelease;
  readonly issues: readonly ImportIssue[];
}

const RELEASE_FILE = 'release_info.csv';
const DATA_FILE = 'data_explorer.csv';
const RELEASE_COLUMNS = ['release', 'period', 'date', 'label'] as const;
const DATA_COLUMNS = [
  'country',
  'year',
  'month',
  'total',
  'financial',
  'humanitarian',
  'military',
  'commitments',
  'to_be_allocated',
  'gdp',
] as const;
/** Columns that may be negative (allocated from stocks beyond commitments). */
const SIGNED_COLUMNS = new Set(['to_be_allocated']);
/** Kiel's figures carry 6 decimals; sums may disagree by rounding. */
const TOLERANCE = 1e-5;

export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** Reads both files and sums up to `asOf` (YYYY-MM; default: the release's last month). */
export function importKiel(files: KielFiles, options: { asOf?: string } = {}): KielImport {
  const issues: ImportIssue[] = [];
  const release = readRelease(files.releaseInfo, issues);
  const rows = readRows(files.dataExplorer, issues);
  const names: Record<string, string> = {};
  for (const row of rows) names[row.actor] = row.name;
  if (release === undefined || issues.some((i) => i.severity === 'error')) return { names, issues };
  const asOf = options.asOf ?? release.lastMonth;
  if (asOf > release.lastMonth) {
    issues.push({
      severity: 'warning',
      code: 'KIEL_AS_OF_AFTER_RELEASE',
      file: RELEASE_FILE,
      line: 2,
      column: 'period',
      message: `--as-of ${asOf} is after the release's last month ${release.lastMonth}: figures stop there`,
    });
  }
  return { records: aggregate(release.release, asOf, rows), names, release, issues };
}

function readRelease(text: string, issues: ImportIssue[]): KielRelease | undefined {
  const table = parseCsv(text);
  if (!table.ok) {
    issues.push({
      severity: 'error',
      code: 'KIEL_BAD_RELEASE',
      file: RELEASE_FILE,
      line: table.error.line,
      message: table.error.message,
    });
    return undefined;
  }
  const { header, rows } = table.value;
  if (!hasColumns(RELEASE_FILE, header, RELEASE_COLUMNS, issues)) return undefined;
  const row = rows[0];
  if (row === undefined) {
    issues.push({
      severity: 'error',
      code: 'KIEL_BAD_RELEASE',
      file: RELEASE_FILE,
      line: 2,
      message: 'no release row',
    });
    return undefined;
  }
  const field = (name: string) => (row.fields[header.indexOf(name)] ?? '').trim();
  const release = Number(field('release'));
  if (!Number.isInteger(release) || release <= 0) {
    issues.push({
      severity: 'error',
      code: 'KIEL_BAD_RELEASE',
      file: RELEASE_FILE,
      line: row.line,
      column: 'release',
      message: `"${field('release')}" is not a release number`,
    });
    return undefined;
  }
  const period = /^(\d{2})\/(\d{4})$/.exec(field('period'));
  if (period === null || !isMonth(`${period[2]}-${period[1]}`)) {
    issues.push({
      severity: 'error',
      code: 'KIEL_BAD_RELEASE',
      file: RELEASE_FILE,
      line: row.line,
      column: 'period',
      message: `"${field('period')}" is not a month MM/YYYY`,
    });
    return undefined;
  }
  if (release !== KIEL_EXPECTED_RELEASE) {
    issues.push({
      severity: 'warning',
      code: 'KIEL_OTHER_RELEASE',
      file: RELEASE_FILE,
      line: row.line,
      column: 'release',
      message: `release ${release}, not ${KIEL_EXPECTED_RELEASE}: the columns match, but the figures were checked against release ${KIEL_EXPECTED_RELEASE} only`,
    });
  }
  return { release, lastMonth: `${period[2]}-${period[1]}`, date: field('date'), label: field('label') };
}

/** Whether `header` has every `wanted` column; an error per missing one (on line 1, naming it). */
export function hasColumns(
  file: string,
  header: readonly string[],
  wanted: readonly string[],
  issues: ImportIssue[],
): boolean {
  const missing = wanted.filter((c) => !header.includes(c));
  for (const column of missing) {
    issues.push({
      severity: 'error',
      code: 'TRACK_MISSING_COLUMN',
      file,
      line: 1,
      column,
      message: `the column "${column}" is missing`,
    });
  }
  return missing.length === 0;
}

function readRows(text: string, issues: ImportIssue[]): KielRow[] {
  const table = parseCsv(text);
  if (!table.ok) {
    issues.push({
      severity: 'error',
      code: 'TRACK_BAD_CSV',
      file: DATA_FILE,
      line: table.error.line,
      message: table.error.message,
    });
    return [];
  }
  const { header, rows } = table.value;
  if (!hasColumns(DATA_FILE, header, DATA_COLUMNS, issues)) return [];
  const out: KielRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    const field = (name: string) => (fields[header.indexOf(name)] ?? '').trim();
    const fail = (code: string, column: string, message: string) =>
      issues.push({ severity: 'error', code, file: DATA_FILE, line, column, message });
    const name = field('country');
    const actor = kielActorId(name);
    if (actor === undefined)
      fail(
        'KIEL_UNKNOWN_COUNTRY',
        'country',
        `unknown country "${name}" (add it to core/track-records/countries.ts)`,
      );
    const numbers: Record<string, number> = {};
    let good = actor !== undefined;
    for (const column of DATA_COLUMNS.slice(1)) {
      const raw = field(column);
      const value = raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(value)) {
        fail('TRACK_NOT_A_NUMBER', column, `"${raw}" is not a number`);
        good = false;
      } else if (value < 0 && !SIGNED_COLUMNS.has(column)) {
        fail('TRACK_NEGATIVE', column, `${raw} is negative`);
        good = false;
      }
      numbers[column] = value;
    }
    if (!good || actor === undefined) continue;
    const n = (c: string) => numbers[c] ?? 0;
    const month = n('month');
    if (!Number.isInteger(n('year')) || !Number.isInteger(month) || month < 1 || month > 12) {
      fail('KIEL_BAD_MONTH', 'month', `${n('year')}-${month} is not a month`);
      continue;
    }
    const key = `${actor} ${n('year')}-${String(month).padStart(2, '0')}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail(
        'KIEL_DUPLICATE_MONTH',
        'month',
        `${name} ${key.slice(actor.length + 1)} appears twice (also on line ${earlier}): it would count twice`,
      );
      continue;
    }
    seen.set(key, line);
    checkIso(line, name, actor, header.includes('iso') ? field('iso') : undefined, issues);
    checkSums(line, n, issues);
    out.push({
      line,
      actor,
      name,
      month: `${n('year')}-${String(month).padStart(2, '0')}`,
      allocated: n('total'),
      military: n('military'),
      financial: n('financial'),
      humanitarian: n('humanitarian'),
      committed: n('commitments'),
      gdp: n('gdp'),
    });
  }
  return out;
}

/** Kiel's own iso column, where present, should agree with the name table (EU → EUI is expected). */
function checkIso(
  line: number,
  name: string,
  actor: string,
  iso: string | undefined,
  issues: ImportIssue[],
): void {
  if (iso === undefined || iso === actor || KIEL_AGGREGATE_IDS[name] !== undefined) return;
  issues.push({
    severity: 'warning',
    code: 'KIEL_ISO_MISMATCH',
    file: DATA_FILE,
    line,
    column: 'iso',
    message: `"${name}" has iso "${iso}" in the file, but is imported as ${actor}`,
  });
}

/** total = financial + humanitarian + military and commitments = total + to_be_allocated (README). */
function checkSums(line: number, n: (c: string) => number, issues: ImportIssue[]): void {
  const parts = n('financial') + n('humanitarian') + n('military');
  if (Math.abs(n('total') - parts) > TOLERANCE) {
    issues.push({
      severity: 'warning',
      code: 'KIEL_SUM_MISMATCH',
      file: DATA_FILE,
      line,
      column: 'total',
      message: `total ${n('total')} ≠ financial + humanitarian + military = ${round(parts)}`,
    });
  }
  if (Math.abs(n('commitments') - n('total') - n('to_be_allocated')) > TOLERANCE) {
    issues.push({
      severity: 'warning',
      code: 'KIEL_SUM_MISMATCH',
      file: DATA_FILE,
      line,
      column: 'commitments',
      message: `commitments ${n('commitments')} ≠ total + to_be_allocated = ${round(n('total') + n('to_be_allocated'))}`,
    });
  }
}

function aggregate(release: number, asOf: string, rows: readonly KielRow[]): TrackRecords {
  const byActor = new Map<string, { sums: Mutable<Amounts>; gdp: number }>();
  const totals = zero();
  for (const row of rows) {
    if (row.month > asOf) continue;
    const entry = byActor.get(row.actor) ?? { sums: zero(), gdp: row.gdp };
    add(entry.sums, row);
    add(totals, row);
    entry.gdp = Math.max(entry.gdp, row.gdp);
    byActor.set(row.actor, entry);
  }
  const actors = [...byActor.entries()]
    .map(([actor, { sums, gdp }]) => ({
      actor,
      ...roundAmounts(sums),
      pctGdp: gdp > 0 ? round((sums.allocated / gdp) * 100) : null,
    }))
    .sort((a, b) => b.allocated - a.allocated || a.actor.localeCompare(b.actor));
  return { release, asOf, totals: roundAmounts(totals), actors };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function zero(): Mutable<Amounts> {
  return { allocated: 0, military: 0, financial: 0, humanitarian: 0, committed: 0 };
}

function add(sums: Mutable<Amounts>, row: Amounts): void {
  sums.allocated += row.allocated;
  sums.military += row.military;
  sums.financial += row.financial;
  sums.humanitarian += row.humanitarian;
  sums.committed += row.committed;
}

function roundAmounts(a: Amounts): Amounts {
  return {
    allocated: round(a.allocated),
    military: round(a.military),
    financial: round(a.financial),
    humanitarian: round(a.humanitarian),
    committed: round(a.committed),
  };
}

/** To Kiel's 6 decimals (EUR thousands), dropping float noise from the sums. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
