/**
 * XLSX bytes → Table (core/import-table/table.ts) with exceljs. Every kind of cell value exceljs
 * gives becomes text, a number, a date or an error: shared strings and rich text as their text,
 * hyperlinks as their displayed text, formulas as their cached result (a formula without one, never
 * calculated, is an error), dates as ISO 8601 (`2026-01-06` at midnight, a date-time otherwise).
 */
import ExcelJS from 'exceljs';
import type { Cell, Table, TableRow } from '../../core/import-table/index.js';
import { err, ok, type Result } from '../../core/result.js';
import type { ReadProblem } from './read-csv.js';

/** Reads one sheet: `sheet` by name (case-insensitive when no exact match), else the first. */
export async function readXlsx(
  bytes: Uint8Array,
  sheet: string | undefined,
): Promise<Result<Table, ReadProblem>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return err({
      message: `not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)}); save it again from the spreadsheet program as "Excel Workbook (.xlsx)"`,
    });
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return err({ message: 'the workbook has no sheets' });
  const names = sheets.map((s) => s.name);
  const worksheet =
    sheet === undefined
      ? sheets[0]
      : (sheets.find((s) => s.name === sheet) ??
        sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase()));
  if (worksheet === undefined) {
    return err({
      message: `no sheet "${sheet}" in the workbook; its sheets are ${names.map((n) => `"${n}"`).join(', ')}`,
    });
  }
  const rows: TableRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = toCell(cell.value);
    });
    rows.push({ number, cells: Array.from(cells) });
  });
  return ok({ kind: 'xlsx', sheet: worksheet.name, rows });
}

/** One exceljs cell value as a table cell; undefined for an empty one. */
export function toCell(value: ExcelJS.CellValue): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value === '' ? undefined : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'date', iso: isoDate(value) };
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('richText' in value) return textCell(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) {
    // The displayed text may itself be rich text.
    const text = value.text as unknown;
    if (typeof text === 'string') return textCell(text);
    if (typeof text === 'object' && text !== null && 'richText' in text) {
      return textCell((text as { richText: { text: string }[] }).richText.map((r) => r.text).join(''));
    }
    return textCell(value.hyperlink);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) {
      return {
        kind: 'error',
        text: 'a formula without a calculated result (open and save the file in a spreadsheet program)',
      };
    }
    return toCell(result as ExcelJS.CellValue);
  }
  return { kind: 'error', text: 'a cell value guarantor cannot read' };
}

function textCell(text: string): Cell | undefined {
  return text === '' ? undefined : { kind: 'text', text };
}

/** exceljs dates are the sheet's wall-clock time in UTC: midnight is a date, anything else a date-time. */
function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
