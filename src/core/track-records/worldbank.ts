/**
 * The World Bank's GDP table (WDI NY.GDP.MKTP.CD: GDP in current US dollars; CC BY 4.0) as an
 * iso3 → GDP lookup, to propose the GDP of plan actors that have none. Text in, no I/O.
 */
import { parseCsv } from './csv.js';
import { hasColumns, type ImportIssue } from './kiel.js';

export interface WorldBankGdp {
  /** GDP in current US dollars (not billions). */
  readonly gdpUsd: number;
  readonly year: number;
  readonly country: string;
}

export interface WorldBankImport {
  readonly gdp: ReadonlyMap<string, WorldBankGdp>;
  readonly issues: readonly ImportIssue[];
}

const COLUMNS = ['iso3', 'country', 'gdp_usd', 'gdp_year'] as const;

export function readWorldBankGdp(text: string, file = 'gdp-population.csv'): WorldBankImport {
  const issues: ImportIssue[] = [];
  const gdp = new Map<string, WorldBankGdp>();
  const table = parseCsv(text);
  if (!table.ok) {
    issues.push({
      severity: 'error',
      code: 'TRACK_BAD_CSV',
      file,
      line: table.error.line,
      message: table.error.message,
    });
    return { gdp, issues };
  }
  const { header, rows } = table.value;
  if (!hasColumns(file, header, COLUMNS, issues)) return { gdp, issues };
  for (const { line, fields } of rows) {
    const field = (name: string) => (fields[header.indexOf(name)] ?? '').trim();
    const gdpUsd = Number(field('gdp_usd'));
    const year = Number(field('gdp_year'));
    if (field('gdp_usd') === '' || !Number.isFinite(gdpUsd) || gdpUsd <= 0) {
      issues.push({
        severity: 'error',
        code: 'TRACK_NOT_A_NUMBER',
        file,
        line,
        column: 'gdp_usd',
        message: `"${field('gdp_usd')}" is not a positive number`,
      });
      continue;
    }
    if (field('gdp_year') === '' || !Number.isInteger(year)) {
      issues.push({
        severity: 'error',
        code: 'TRACK_NOT_A_NUMBER',
        file,
        line,
        column: 'gdp_year',
        message: `"${field('gdp_year')}" is not a year`,
      });
      continue;
    }
    gdp.set(field('iso3'), { gdpUsd, year, country: field('country') });
  }
  return { gdp, issues };
}
