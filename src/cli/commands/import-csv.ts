/**
 * `guarantor import csv FILE --map MAPPING.yaml [--plan BASE [--replace]]`: pledges from an analyst's
 * spreadsheet (CSV or XLSX) through a column mapping (core/import-table/mapping.ts documents it).
 * Without --plan, a `pledges:` document; with it, the whole plan, checked by the plan rules, with each
 * problem named at the cell it came from. Any error: every error printed, nothing written, exit 1.
 */
import { open } from 'node:fs/promises';
import { formatIssue } from '../../core/errors.js';
import {
  hasErrors,
  type ImportedPledges,
  type ImportIssue,
  importPledges,
  MAX_MAPPING_BYTES,
  mergeIntoPlan,
  PLEDGES_ONLY_NOTE,
  pledgesYaml,
  type ReadMapping,
  readMapping,
  type SkippedRow,
  severityOf,
  sortIssues,
} from '../../core/import-table/index.js';
import { MAX_PLAN_BYTES, MAX_YAML_PLAN_BYTES } from '../../core/plan/index.js';
import { CliError } from '../errors/cli-error.js';
import { describeFsError } from '../errors/fs-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, writeErrorLines } from '../io.js';
import { readTableFile } from '../tables/read-table-file.js';
import { emit } from '../write-output.js';

export interface ImportCsvFlags {
  readonly map: string;
  readonly plan?: string;
  readonly replace?: boolean;
  readonly sheet?: string;
  readonly out?: string;
  readonly json?: boolean;
}

export async function importCsvCommand(file: string, flags: ImportCsvFlags, io: CliIo): Promise<ExitCode> {
  if (flags.replace && flags.plan === undefined) {
    throw new CliError(
      ['error: --replace replaces the pledges of the --plan BASE: give --plan too'],
      ExitCode.usage,
    );
  }
  const mapping = await loadMapping(flags.map);
  const read = await readTableFile(file, {
    delimiter: mapping.mapping.delimiter ?? ',',
    sheet: flags.sheet ?? mapping.mapping.sheet,
  });
  if (!read.ok) {
    const where = read.error.line === undefined ? file : `${file}:${read.error.line}`;
    throw new CliError([`${where}: ${read.error.message}`], ExitCode.invalidInput);
  }
  const imported = importPledges(read.value, mapping);
  const issues: ImportIssue[] = [...imported.issues];
  const base = flags.plan === undefined ? undefined : await readText(flags.plan, MAX_PLAN_BYTES, 'plans');

  let output: string;
  if (flags.plan !== undefined && base !== undefined) {
    const merged = mergeIntoPlan({
      baseText: base,
      baseFile: flags.plan,
      pledges: imported.pledges,
      origins: imported.origins,
      replace: flags.replace === true,
      rejected: imported.rejected,
      format: flags.json ? 'json' : 'yaml',
    });
    issues.push(...(merged.ok ? merged.value.warnings : merged.error));
    output = merged.ok ? merged.value.text : '';
  } else {
    output = flags.json
      ? `${JSON.stringify({ pledges: imported.pledges }, null, 2)}\n`
      : pledgesYaml(imported.pledges);
  }

  const names = { table: file, mapping: flags.map, plan: flags.plan ?? '' };
  const lines = sortIssues(issues).map((issue) => formatImportIssue(names, issue));
  if (hasErrors(issues)) {
    const errors = issues.filter((i) => severityOf(i) === 'error').length;
    throw new CliError(
      [...lines, `error: ${errors} error${errors === 1 ? '' : 's'}; nothing written`],
      ExitCode.invalidInput,
    );
  }
  await emit(io, output, flags.out);
  await writeErrorLines(io, [
    ...lines,
    ...(flags.sheet !== undefined && read.value.kind === 'csv'
      ? [`warning: --sheet ${flags.sheet} is ignored: ${file} is CSV, which has one table`]
      : []),
    ...(flags.plan === undefined && !flags.json && output.length > MAX_YAML_PLAN_BYTES
      ? [
          `warning: the YAML is over ${MAX_YAML_PLAN_BYTES / 1e6} MB, more than a YAML plan may hold: ` +
            'import with --json to paste the pledges into a JSON plan',
        ]
      : []),
    summary(imported),
    ...(flags.plan === undefined ? [`note: ${PLEDGES_ONLY_NOTE}`] : []),
    ...(flags.out === undefined ? [] : [`wrote ${flags.out}`]),
  ]);
  return ExitCode.ok;
}

async function loadMapping(path: string): Promise<ReadMapping> {
  const text = await readText(path, MAX_MAPPING_BYTES, 'mappings');
  const read = readMapping(text);
  if (!read.ok) {
    throw new CliError(
      read.error.map((issue) => formatIssue(path, issue)),
      ExitCode.invalidInput,
    );
  }
  return read.value;
}

/** `pledges.csv row 7, column 'Posture': …`, `mapping.yaml:4:12 columns.actor: …`, `plan.yaml:3:1 …`. */
export function formatImportIssue(
  files: { readonly table: string; readonly mapping: string; readonly plan: string },
  issue: ImportIssue,
): string {
  switch (issue.in) {
    case 'table': {
      const prefix = issue.severity === 'warning' ? 'warning: ' : '';
      return `${files.table}${issue.at === '' ? '' : ` ${issue.at}`}: ${prefix}${issue.message}`;
    }
    case 'mapping':
      return formatIssue(files.mapping, issue.issue);
    case 'plan':
      return formatIssue(files.plan, issue.issue);
    default:
      return issue satisfies never;
  }
}

/** `read 24 rows, 22 pledges, 2 skipped (rows 12, 30: blank; row 31: Country is "Total")`. */
export function summary(imported: ImportedPledges): string {
  const n = imported.rowsRead;
  const p = imported.pledges.length;
  const head = `read ${n} row${n === 1 ? '' : 's'}, ${p} pledge${p === 1 ? '' : 's'}`;
  if (imported.skipped.length === 0) return head;
  return `${head}, ${imported.skipped.length} skipped (${skippedText(imported.skipped)})`;
}

function skippedText(skipped: readonly SkippedRow[]): string {
  const byReason = new Map<string, number[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.row]);
  return [...byReason]
    .map(([reason, rows]) => {
      const shown = rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
      return `row${rows.length === 1 ? '' : 's'} ${shown}: ${reason}`;
    })
    .join('; ');
}

async function readText(path: string, limit: number, what: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size > limit) {
      throw new CliError(
        [`error: cannot read ${path}: it is ${stat.size} bytes; ${what} are limited to ${limit / 1e6} MB`],
        ExitCode.invalidInput,
      );
    }
    const bytes = await handle.readFile();
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = error instanceof TypeError ? 'it is not UTF-8 text' : describeFsError(error);
    throw new CliError([`error: cannot read ${path}: ${reason}`], ExitCode.invalidInput);
  } finally {
    await handle?.close();
  }
}
