/**
 * Pledge ids from a table: generated where the table has none (deterministic, from the mapping's
 * template), and unique among the pledges imported, a duplicate named at both rows.
 */
import type { RawPledge } from '../plan/schema.js';
import type { PledgeOrigin } from './import-pledges.js';
import { type ImportIssue, tableIssue } from './issues.js';
import type { TableRow } from './table.js';

/**
 * Generated ids for pledges without one: the template with its placeholders filled; `{n}` numbers the
 * pledges whose ids would otherwise be the same, 1, 2, … in table order. White space becomes `-`.
 */
export function assignIds(
  rows: readonly { pledge: Partial<RawPledge>; row: TableRow }[],
  template: string,
): void {
  const counts = new Map<string, number>();
  for (const { pledge, row } of rows) {
    if (pledge.id !== undefined) continue;
    const fill = (n: string) =>
      template
        .replace(/\{(actor|capability|posture|row|n)\}/g, (_, name: string) => {
          switch (name) {
            case 'row':
              return String(row.number);
            case 'n':
              return n;
            default:
              return String(pledge[name as 'actor' | 'capability' | 'posture'] ?? '');
          }
        })
        .trim()
        .replace(/\s+/g, '-');
    const key = fill('\u0000');
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    pledge.id = fill(String(n));
  }
}

/** Ids must be unique among the imported pledges: a duplicate is reported at both rows. */
export function duplicateIds(
  rows: readonly { pledge: Partial<RawPledge>; origin: PledgeOrigin }[],
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const first = new Map<string, PledgeOrigin>();
  const reported = new Set<PledgeOrigin>();
  for (const { pledge, origin } of rows) {
    const id = pledge.id as string;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, origin);
      continue;
    }
    const where = (o: PledgeOrigin) => o.cells.id ?? o.row;
    if (!reported.has(earlier)) {
      reported.add(earlier);
      issues.push(
        tableIssue(
          'IMPORT_DUPLICATE_ID',
          where(earlier),
          `duplicate pledge id "${id}": also at ${origin.row}`,
        ),
      );
    }
    issues.push(
      tableIssue(
        'IMPORT_DUPLICATE_ID',
        where(origin),
        `duplicate pledge id "${id}": first at ${earlier.row}` +
          (origin.cells.id === undefined
            ? ' (generated: add {n} to the `ids` template, or an id column)'
            : ''),
      ),
    );
  }
  return issues;
}
