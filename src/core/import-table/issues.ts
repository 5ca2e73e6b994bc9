/**
 * What can go wrong in an import, and where: at a cell or row of the table (named as the user's
 * spreadsheet program names it), at a line of the mapping file, or at a line of the base plan. Each
 * adapter prints them with its own file names (the core knows none).
 */
import type { Issue } from '../errors.js';

export type ImportIssue =
  | {
      readonly in: 'table';
      readonly code: string;
      readonly severity: 'error' | 'warning';
      /** `row 7, column 'Posture'`, `Pledges!C7 (column 'Posture')`, `row 12`; '' for the whole table. */
      readonly at: string;
      readonly message: string;
      /** The row number, to list issues in table order. */
      readonly row?: number;
    }
  | { readonly in: 'mapping' | 'plan'; readonly issue: Issue };

export function tableIssue(
  code: string,
  at: string,
  message: string,
  severity: 'error' | 'warning' = 'error',
  row?: number,
): ImportIssue {
  return { in: 'table', code, severity, at, message, ...(row === undefined ? {} : { row }) };
}

/** Mapping issues, then the base plan's, then the table's in row order (stable within a row). */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  const rank = (i: ImportIssue) => (i.in === 'mapping' ? 0 : i.in === 'plan' ? 1 : 2);
  const row = (i: ImportIssue) => (i.in === 'table' ? (i.row ?? 0) : 0);
  return [...issues].sort((a, b) => rank(a) - rank(b) || row(a) - row(b));
}

export function severityOf(issue: ImportIssue): 'error' | 'warning' {
  return issue.in === 'table' ? issue.severity : issue.issue.severity;
}

export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((i) => severityOf(i) === 'error');
}
