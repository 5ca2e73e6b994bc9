import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.js';

describe('parseCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const r = parseCsvRecords('a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4\n');
    expect(r).toEqual({
      ok: true,
      value: [
        { line: 1, fields: ['a', 'b,c', 'say "hi"', 'two\nlines'] },
        { line: 3, fields: ['1', '2', '3', '4'] },
      ],
    });
  });

  it('reads the last record without a final newline and skips blank lines', () => {
    const r = parseCsvRecords('x,y\n\n1,2');
    expect(r).toEqual({
      ok: true,
      value: [
        { line: 1, fields: ['x', 'y'] },
        { line: 3, fields: ['1', '2'] },
      ],
    });
  });

  it('keeps empty fields', () => {
    expect(parseCsvRecords('a,,"",b\n')).toEqual({
      ok: true,
      value: [{ line: 1, fields: ['a', '', '', 'b'] }],
    });
  });

  it('ignores a byte-order mark', () => {
    expect(parseCsvRecords('\uFEFF"a"\n')).toEqual({ ok: true, value: [{ line: 1, fields: ['a'] }] });
  });

  it('rejects a quote that is never closed, naming its line', () => {
    expect(parseCsvRecords('a\n"b,c\n')).toEqual({
      ok: false,
      error: { line: 2, message: 'a quoted field is never closed' },
    });
  });
});

describe('parseCsv', () => {
  it('splits the header from the rows', () => {
    const r = parseCsv('"x","y"\n1,2\n');
    expect(r).toEqual({ ok: true, value: { header: ['x', 'y'], rows: [{ line: 2, fields: ['1', '2'] }] } });
  });

  it('rejects a row with a different number of fields, naming its line', () => {
    expect(parseCsv('x,y\n1,2\n3\n')).toEqual({
      ok: false,
      error: { line: 3, message: 'the row has 1 fields, the header 2' },
    });
  });

  it('rejects an empty file', () => {
    expect(parseCsv('')).toMatchObject({ ok: false, error: { line: 1 } });
  });
});
