/**
 * A spreadsheet file → Table: `.csv` (also `.tsv`, `.txt`) or `.xlsx`, chosen by the extension and
 * checked against the file's first bytes, so that an old `.xls`, an `.xlsx` that is really CSV or a
 * renamed PDF gets a clear error instead of garbage. Files over MAX_TABLE_BYTES are refused before
 * they are read.
 */
import { extname } from 'node:path';
import type { Table } from '../../core/import-table/index.js';
import { err, type Result } from '../../core/result.js';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { readCappedFile } from '../read-capped-file.js';
import { type Delimiter, type ReadProblem, readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';

/** 20 MB: tens of thousands of pledges; a larger file is not a pledge table. */
export const MAX_TABLE_BYTES = 20_000_000;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface TableOptions {
  readonly delimiter: Delimiter;
  readonly sheet: string | undefined;
}

/** Reads and parses the table; a file that cannot be read at all is a CliError. */
export async function readTableFile(
  path: string,
  options: TableOptions,
): Promise<Result<Table, ReadProblem>> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xls') return err({ message: XLS_MESSAGE });
  if (!['.csv', '.tsv', '.txt', '.xlsx'].includes(ext)) {
    return err({
      message: `cannot import a "${ext || 'file without an extension'}": give a .csv (or .tsv, .txt) or an .xlsx file`,
    });
  }
  const bytes = await readBytes(path);
  const starts = (magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(OLE)) return err({ message: XLS_MESSAGE });
  if (ext === '.xlsx') {
    if (!starts(ZIP)) {
      return err({
        message:
          'the file is named .xlsx but is not an Excel workbook (an .xlsx file is a zip archive); ' +
          'if it is CSV text, rename it to .csv',
      });
    }
    return readXlsx(bytes, options.sheet);
  }
  if (starts(ZIP)) {
    return err({
      message: `the file is named ${ext} but is a zip archive (an .xlsx workbook?): rename it to .xlsx`,
    });
  }
  return readCsv(bytes, ext === '.tsv' && options.delimiter === ',' ? '\t' : options.delimiter);
}

const XLS_MESSAGE =
  'this is an old Excel 97-2003 workbook (.xls), which guarantor does not read: save it as ' +
  '"Excel Workbook (.xlsx)" or as "CSV UTF-8"';

function readBytes(path: string): Promise<Buffer> {
  return readCappedFile(path, MAX_TABLE_BYTES, tooLarge);
}

function tooLarge(path: string, bytes: number): CliError {
  const n = (x: number) => x.toLocaleString('en-US');
  return new CliError(
    [
      `error: cannot read ${path}: it is ${n(bytes)} bytes; tables are limited to ${n(MAX_TABLE_BYTES)} bytes ` +
        `(${MAX_TABLE_BYTES / 1e6} MB): split it, or remove the columns and sheets the mapping does not use`,
    ],
    ExitCode.invalidInput,
  );
}
