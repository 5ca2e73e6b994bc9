import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../errors/cli-error.js';
import { MAX_TABLE_BYTES, readTableFile } from './read-table-file.js';

let dir = '';
const at = (name: string) => join(dir, name);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guarantor-tables-'));
  await writeFile(at('t.csv'), 'a;b\n1;2\n');
  await writeFile(at('t.tsv'), 'a\tb\n1\t2\n');
  await writeFile(at('old.xls'), OLE);
  await writeFile(at('renamed.xlsx'), OLE);
  await writeFile(at('text.xlsx'), 'a,b\n1,2\n');
  await writeFile(at('zip.csv'), ZIP);
  await writeFile(at('report.pdf'), '%PDF-1.7');
  await writeFile(at('huge.csv'), '');
  await truncate(at('huge.csv'), MAX_TABLE_BYTES + 1);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const message = async (name: string) => {
  const read = await readTableFile(at(name), { delimiter: ',', sheet: undefined });
  return read.ok ? 'ok' : read.error.message;
};

describe('readTableFile', () => {
  it('reads CSV with the given delimiter, and TSV with tabs by default', async () => {
    const csv = await readTableFile(at('t.csv'), { delimiter: ';', sheet: undefined });
    expect(csv.ok && csv.value.rows[1]?.cells.length).toBe(2);
    const tsv = await readTableFile(at('t.tsv'), { delimiter: ',', sheet: undefined });
    expect(tsv.ok && tsv.value.rows[1]?.cells.length).toBe(2);
  });

  it('refuses an old .xls workbook, by name or by content, naming the fix', async () => {
    expect(await message('old.xls')).toMatch(
      /old Excel 97-2003 workbook \(\.xls\).*save it as "Excel Workbook \(\.xlsx\)"/,
    );
    expect(await message('renamed.xlsx')).toMatch(/\.xls\)/);
  });

  it('refuses a file whose content does not match its extension', async () => {
    expect(await message('text.xlsx')).toMatch(
      /named \.xlsx but is not an Excel workbook.*rename it to \.csv/,
    );
    expect(await message('zip.csv')).toMatch(/named \.csv but is a zip archive.*rename it to \.xlsx/);
  });

  it('refuses other file types', async () => {
    expect(await message('report.pdf')).toMatch(/cannot import a "\.pdf": give a \.csv .* or an \.xlsx file/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(readTableFile(at('huge.csv'), { delimiter: ',', sheet: undefined })).rejects.toThrow(
      /it is 20,000,001 bytes; tables are limited to 20,000,000 bytes \(20 MB\)/,
    );
  });

  it('reports a missing file as a CliError', async () => {
    const read = readTableFile(at('missing.csv'), { delimiter: ',', sheet: undefined });
    await expect(read).rejects.toBeInstanceOf(CliError);
    await expect(read).rejects.toThrow(/cannot read .*missing\.csv: no such file/);
  });
});
