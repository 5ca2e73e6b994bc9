/**
 * A spreadsheet as the importer sees it, whatever file it came from: rows of typed cells, each row
 * knowing its number in the source so that every issue can name the cell ("row 7, column 'Posture'"
 * for CSV, "Pledges!C7" for XLSX). The readers (src/cli/tables/) build it; the core only reads it.
 */

/** A non-empty cell. Dates are ISO 8601 strings (`2026-01-06`, or a date-time when it has a time). */
export type Cell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly iso: string }
  /** A cell the reader could not turn into a value (an XLSX formula error such as #N/A). */
  | { readonly kind: 'error'; readonly text: string };

export interface TableRow {
  /** 1-based row number: the record number for CSV (the header is row 1), the sheet row for XLSX. */
  readonly number: number;
  /** CSV only: the file line the record starts on, when it differs from `number` (quoted newlines). */
  readonly line?: number;
  /** Cells by column index; undefined (or missing) is an empty cell. */
  readonly cells: readonly (Cell | undefined)[];
}

export interface Table {
  readonly kind: 'csv' | 'xlsx';
  /** XLSX: the sheet's name, used in cell references (`Pledges!C7`). */
  readonly sheet?: string;
  /** Every row of the file, header and titles included, in order; blank rows may be left out. */
  readonly rows: readonly TableRow[];
}

/** `A`, `B`, … `Z`, `AA`: the spreadsheet letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A sheet name as a formula would quote it: `Pledges`, `'My pledges'`. */
function sheetRef(sheet: string): string {
  return /^[A-Za-z_][\w.]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

/**
 * Where a cell is, in the words of the program the user opens the file with.
 *
 * @example cellLabel(csv, row7, 2, 'Posture') // "row 7, column 'Posture'"
 * @example cellLabel(xlsx, row7, 2, 'Posture') // "Pledges!C7 (column 'Posture')"
 */
export function cellLabel(table: Table, row: TableRow, column: number, header: string | undefined): string {
  const name = header === undefined || header === '' ? columnLetter(column) : `'${header}'`;
  if (table.kind === 'xlsx') {
    const ref = `${table.sheet === undefined ? '' : `${sheetRef(table.sheet)}!`}${columnLetter(column)}${row.number}`;
    return header === undefined || header === '' ? ref : `${ref} (column ${name})`;
  }
  return `${rowLabel(table, row)}, column ${name}`;
}

/** Where a row is: "row 7" (CSV, "row 7 (line 9)" after quoted newlines) or "Pledges row 7" (XLSX). */
export function rowLabel(table: Table, row: TableRow): string {
  if (table.kind === 'xlsx') {
    return table.sheet === undefined ? `row ${row.number}` : `${sheetRef(table.sheet)} row ${row.number}`;
  }
  return row.line === undefined || row.line === row.number
    ? `row ${row.number}`
    : `row ${row.number} (line ${row.line})`;
}

/** The cell's content as text, for messages and for text fields. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
    case 'error':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.iso;
    default:
      return cell satisfies never;
  }
}

/** Whether a cell holds nothing worth reading (absent, or text that is only white space). */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || (cell.kind === 'text' && cell.text.trim() === '');
}
