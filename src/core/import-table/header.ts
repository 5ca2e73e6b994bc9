/**
 * Finding the mapping's columns in the table's header row: the header text as written (trimmed), else
 * the only header equal to it ignoring case and runs of white space. A header the table lacks, or one
 * that two columns share, is an issue at the mapping line that names it, listing the headers there are.
 */
import type { Issue } from '../errors.js';
import type { PathPart } from '../plan/locate.js';
import { createSuggester, didYouMean } from '../plan/suggest.js';
import type { ReadMapping } from './read-mapping.js';
import { cellText, type Table, type TableRow } from './table.js';

export interface HeaderRow {
  readonly row: TableRow;
  /** Trimmed header text per column index ('' for an empty header cell). */
  readonly labels: readonly string[];
}

/** The header row of `table` (row number `headerRow`), or undefined when the table has no such row. */
export function headerRow(table: Table, headerRowNumber: number): HeaderRow | undefined {
  const row = table.rows.find((r) => r.number === headerRowNumber);
  if (row === undefined) return undefined;
  return { row, labels: row.cells.map((c) => (c === undefined ? '' : cellText(c).trim())) };
}

const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** A column finder bound to one header row; issues go to `issues`. */
export function columnFinder(
  header: HeaderRow,
  read: ReadMapping,
  issues: Issue[],
): (name: string, path: readonly PathPart[]) => number | undefined {
  const suggester = createSuggester(header.labels.filter((l) => l !== ''));
  return (name, path) => {
    const exact = header.labels.flatMap((l, i) => (l === name.trim() ? [i] : []));
    const loose =
      exact.length > 0 ? exact : header.labels.flatMap((l, i) => (fold(l) === fold(name) ? [i] : []));
    if (loose.length === 1) return loose[0];
    if (loose.length > 1) {
      issues.push(
        read.issueAt(
          'MAPPING_AMBIGUOUS_COLUMN',
          path,
          `${loose.length} columns of the header row (row ${header.row.number}) read "${name}"; ` +
            'rename one of them in the table so that each mapped header is unique',
        ),
      );
      return undefined;
    }
    const listed = header.labels.filter((l) => l !== '').map((l) => `"${l}"`);
    issues.push(
      read.issueAt(
        'MAPPING_UNKNOWN_COLUMN',
        path,
        `no column "${name}" in the header row (row ${header.row.number})${didYouMean(suggester(name))}` +
          (listed.length === 0 ? '; that row is empty' : `; its headers are ${clipList(listed)}`) +
          delimiterHint(header.labels),
      ),
    );
    return undefined;
  };
}

function clipList(items: readonly string[]): string {
  return items.length <= 20
    ? items.join(', ')
    : `${items.slice(0, 20).join(', ')}, … (${items.length} in all)`;
}

/** One header holding `;` or a tab: the file is probably separated by it, not by commas. */
function delimiterHint(labels: readonly string[]): string {
  if (labels.length !== 1) return '';
  const only = labels[0] ?? '';
  const found = [';', '\t', '|'].find((d) => only.includes(d));
  return found === undefined
    ? ''
    : ` (the whole header row is one column: set \`delimiter: "${found === '\t' ? '\\t' : found}"\` in the mapping?)`;
}
