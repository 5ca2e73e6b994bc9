/**
 * CSV bytes → Table (core/import-table/table.ts) with csv-parse: UTF-8 with or without a byte order
 * mark, quoted fields (newlines inside quotes included), `,` `;` tab or `|` between fields. Rows are
 * numbered as a spreadsheet program shows them (an empty line is a row; a quoted newline is not), and
 * each remembers the file line it starts on. Rows of different lengths are left for the core to judge
 * against the header row.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { Table, TableRow } from '../../core/import-table/index.js';
import { err, ok, type Result } from '../../core/result.js';

export type Delimiter = ',' | ';' | '\t' | '|';

/** A problem with the file as a whole, or at a line of it. */
export interface ReadProblem {
  readonly line?: number;
  readonly message: string;
}

export function readCsv(bytes: Uint8Array, delimiter: Delimiter): Result<Table, ReadProblem> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err({
      message:
        'the file is not UTF-8 text; save it as "CSV UTF-8" (Excel) or re-encode it (iconv -f WINDOWS-1252 -t UTF-8)',
    });
  }
  if (text.includes('\u0000')) return err({ message: 'the file holds NUL bytes: it is not a CSV text file' });
  let records: { record: string[]; info: { bytes: number; records: number; empty_lines: number } }[];
  try {
    // The bytes, not the text: info.bytes (where each record ends) then counts in the same units.
    records = parse(Buffer.from(bytes), {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      return err({ ...(typeof line === 'number' ? { line } : {}), message: csvMessage(error) });
    }
    throw error;
  }
  const rows: TableRow[] = [];
  // Start lines are counted here: csv-parse's info.lines counts a quoted CRLF as two lines.
  let offset = 0;
  let line = 1;
  for (const { record, info } of records) {
    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) {
      if (bytes[offset] === 0x0a) line++;
      offset++;
    }
    const startLine = line;
    for (; offset < info.bytes; offset++) if (bytes[offset] === 0x0a) line++;
    // A spreadsheet shows an empty line as a row, and a record with quoted newlines as one.
    const number = info.records + info.empty_lines;
    rows.push({
      number,
      ...(startLine === number ? {} : { line: startLine }),
      cells: record.map((text) => (text === '' ? undefined : { kind: 'text' as const, text })),
    });
  }
  return ok({ kind: 'csv', rows });
}

function csvMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed: a " is missing (a quote inside a field is written "")';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside a field that is not quoted: quote the whole field and double the quote (5" gun → "5"" gun")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote closes a field but more text follows before the delimiter (a quote inside a field is written "")';
    default:
      return error.message.replace(/^[^:]*: /, '');
  }
}
