/**
 * A small RFC 4180 reader: CSV text in, rows of fields out (quoted fields, doubled quotes, commas and
 * line breaks inside quotes, CRLF or LF). Enough for the Kiel and World Bank exports; no I/O.
 */
import { err, ok, type Result } from '../result.js';

export interface CsvTable {
  readonly header: readonly string[];
  /** Data rows; `line` is the 1-based line of the file where the row starts (the header is line 1). */
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
}

export interface CsvError {
  readonly line: number;
  readonly message: string;
}

/** Splits CSV text into records; a quote left open at the end of the text is an error. */
export function parseCsvRecords(text: string): Result<{ line: number; fields: string[] }[], CsvError> {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inQuotes) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      inQuotes = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) return err({ line: quoteLine, message: 'a quoted field is never closed' });
  if (field !== '' || fields.length > 0) endRecord();
  return ok(records);
}

/** Parses CSV text whose first record is the header; every row must have the header's field count. */
export function parseCsv(text: string): Result<CsvTable, CsvError> {
  const parsed = parseCsvRecords(text);
  if (!parsed.ok) return parsed;
  const [head, ...rows] = parsed.value;
  if (head === undefined) return err({ line: 1, message: 'the file is empty (no header row)' });
  for (const row of rows) {
    if (row.fields.length !== head.fields.length) {
      return err({
        line: row.line,
        message: `the row has ${row.fields.length} fields, the header ${head.fields.length}`,
      });
    }
  }
  return ok({ header: head.fields.map((h) => h.trim()), rows });
}
