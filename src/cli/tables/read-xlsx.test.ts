import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../core/import-table/index.js';
import { readXlsx } from './read-xlsx.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function table(bytes: Uint8Array, sheet?: string): Promise<Table> {
  const read = await readXlsx(bytes, sheet);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('readXlsx', () => {
  it('reads numbers, shared and rich text, formula results, dates, hyperlinks and empty cells', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Pledges');
      ws.addRow(['Country', 'Units', 'Total', 'Date', 'Link', 'Note', 'Flag']);
      const row = ws.addRow([]);
      row.getCell(1).value = { richText: [{ text: 'Fr', font: { bold: true } }, { text: 'ance' }] };
      row.getCell(2).value = 2.5;
      row.getCell(3).value = { formula: 'B2*2', result: 5 };
      row.getCell(4).value = new Date(Date.UTC(2025, 8, 4));
      row.getCell(5).value = { text: 'Élysée', hyperlink: 'https://elysee.fr' };
      // Column 6 left empty.
      row.getCell(7).value = true;
      const row3 = ws.addRow(['Germany']);
      row3.getCell(3).value = { formula: 'NA()', result: { error: '#N/A' } };
      row3.getCell(4).value = new Date(Date.UTC(2025, 8, 4, 12, 30));
    });
    const t = await table(bytes);
    expect(t.kind).toBe('xlsx');
    expect(t.sheet).toBe('Pledges');
    expect(t.rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(t.rows[1]?.cells).toEqual([
      { kind: 'text', text: 'France' },
      { kind: 'number', value: 2.5 },
      { kind: 'number', value: 5 },
      { kind: 'date', iso: '2025-09-04' },
      { kind: 'text', text: 'Élysée' },
      undefined,
      { kind: 'text', text: 'TRUE' },
    ]);
    expect(t.rows[2]?.cells).toEqual([
      { kind: 'text', text: 'Germany' },
      undefined,
      { kind: 'error', text: '#N/A' },
      { kind: 'date', iso: '2025-09-04T12:30:00Z' },
    ]);
  });

  it('keeps sheet row numbers when rows are empty or titles sit above the header', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.getCell('A1').value = 'Pledges of the coalition';
      ws.getCell('A3').value = 'Country';
      ws.getCell('A5').value = 'FRA';
    });
    expect((await table(bytes)).rows.map((r) => r.number)).toEqual([1, 3, 5]);
  });

  it('reads the named sheet, matching case-insensitively when no name matches exactly', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Notes').addRow(['ignore me']);
      wb.addWorksheet('Pledges').addRow(['Country']);
    });
    expect((await table(bytes, 'Pledges')).rows[0]?.cells).toEqual([{ kind: 'text', text: 'Country' }]);
    expect((await table(bytes, 'pledges')).sheet).toBe('Pledges');
    expect((await table(bytes)).sheet).toBe('Notes');
  });

  it('lists the sheets there are when the named one is missing', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Notes');
      wb.addWorksheet('Pledges 2025');
    });
    const read = await readXlsx(bytes, 'Pledges');
    expect(read.ok || read.error.message).toBe(
      'no sheet "Pledges" in the workbook; its sheets are "Notes", "Pledges 2025"',
    );
  });

  it('refuses a zip that is not a workbook', async () => {
    const read = await readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), undefined);
    expect(read.ok || read.error.message).toMatch(/not a readable XLSX workbook/);
  });
});
