import { describe, expect, it } from 'vitest';
import type { Table } from '../../core/import-table/index.js';
import { readCsv } from './read-csv.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function table(text: string, delimiter: ',' | ';' | '\t' = ','): Table {
  const read = readCsv(bytes(text), delimiter);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

const texts = (t: Table) =>
  t.rows.map((r) => r.cells.map((c) => (c === undefined ? '' : c.kind === 'text' ? c.text : '?')));

describe('readCsv', () => {
  it('drops a byte order mark, so the first header reads clean', () => {
    expect(texts(table('\uFEFFCountry,Units\nFRA,1\n'))).toEqual([
      ['Country', 'Units'],
      ['FRA', '1'],
    ]);
  });

  it('keeps newlines inside quotes and numbers rows as a spreadsheet does, with the start line', () => {
    const t = table('a,b\r\n"x\r\ny",2\r\n\r\nz,3\r\n');
    expect(texts(t)).toEqual([
      ['a', 'b'],
      ['x\r\ny', '2'],
      ['z', '3'],
    ]);
    expect(t.rows.map((r) => [r.number, r.line])).toEqual([
      [1, undefined],
      [2, undefined],
      // The empty line is row 3 in a spreadsheet; the record starts on line 5.
      [4, 5],
    ]);
  });

  it('reads ; and tab delimited files when told', () => {
    expect(texts(table('a;b\n"1,5";2\n', ';'))).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(texts(table('a\tb\n1\t2\n', '\t'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps ragged rows as they are, for the importer to report against the header', () => {
    expect(texts(table('a,b,c\n1,2\n1,2,3,4\n')).map((r) => r.length)).toEqual([3, 2, 4]);
  });

  it('reports a quote that is never closed with its line', () => {
    const read = readCsv(bytes('a,b\n1,2\n"x,3\n'), ',');
    expect(read).toEqual({
      ok: false,
      error: { line: 3, message: expect.stringMatching(/a quoted field is never closed/) },
    });
  });

  it('explains a stray quote inside an unquoted field', () => {
    const read = readCsv(bytes('a,b\n1,5" gun\n'), ',');
    expect(read).toEqual({
      ok: false,
      error: { line: 2, message: expect.stringMatching(/quote the whole field and double the quote/) },
    });
  });

  it('refuses text that is not UTF-8, naming the fix', () => {
    const read = readCsv(new Uint8Array([0x61, 0x2c, 0xe9, 0x0a]), ',');
    expect(read.ok || read.error.message).toMatch(/not UTF-8 text; save it as "CSV UTF-8"/);
  });

  it('refuses binary content', () => {
    const read = readCsv(new Uint8Array([0x61, 0x00, 0x62]), ',');
    expect(read.ok || read.error.message).toMatch(/NUL bytes/);
  });
});
