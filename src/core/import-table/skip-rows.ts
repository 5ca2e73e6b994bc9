/**
 * Rows that give no pledge by design: blank rows, rows the mapping's `skipWhen` rules name (a total
 * line, notes), and the check that a CSV row has the header's number of fields.
 */
import type { Mapping } from './mapping.js';
import { cellText, isBlank, type TableRow } from './table.js';

/** Which columns the skip rules read, by rule index (undefined where the header was not found). */
export type SkipColumns = readonly (number | undefined)[];

export function skipReason(
  row: TableRow,
  mapping: Mapping,
  skipColumns: SkipColumns,
  labels: readonly string[],
): string | undefined {
  if (row.cells.every(isBlank)) return 'blank';
  const rules = mapping.skipWhen ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const index = skipColumns[i];
    if (rule === undefined || index === undefined) continue;
    const cell = row.cells[index];
    const name = labels[index] || `column ${index + 1}`;
    if (rule.empty === true && isBlank(cell)) return `${name} is empty`;
    if (rule.equals !== undefined && cell !== undefined && !isBlank(cell)) {
      const text = cellText(cell).trim().toLowerCase();
      const options = Array.isArray(rule.equals) ? rule.equals : [rule.equals];
      const hit = options.find((o) => o.trim().toLowerCase() === text);
      if (hit !== undefined) return `${name} is "${cellText(cell).trim()}"`;
    }
  }
  return undefined;
}

/** A CSV row has the header's number of fields; extra ones are allowed only when they are empty. */
export function fitsHeader(row: TableRow, width: number): boolean {
  return row.cells.length === width || (row.cells.length > width && row.cells.slice(width).every(isBlank));
}
