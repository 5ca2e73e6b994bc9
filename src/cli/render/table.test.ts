import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('aligns columns to their widest cell, right-aligning numbers, and trims line ends', () => {
    const lines = renderTable(
      [{ header: 'scenario' }, { header: 'holds', align: 'right' }, { header: 'note' }],
      [
        ['sea-odesa', '35%', ''],
        ['land-north', '100%', 'ok'],
      ],
      { indent: '  ' },
    );
    expect(lines).toEqual(['  scenario    holds  note', '  sea-odesa     35%', '  land-north   100%  ok']);
  });

  it('counts an en dash or an ellipsis as one column', () => {
    const lines = renderTable(
      [{ header: 'a' }, { header: 'b' }],
      [
        ['(21–23%)', 'x'],
        ['…', 'y'],
      ],
    );
    expect(lines[1]).toBe('(21–23%)  x');
    expect(lines[2]).toBe('…         y');
  });
});
