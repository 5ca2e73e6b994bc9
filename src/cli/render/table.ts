/** A small aligned-column renderer: plain text, no borders, two spaces between columns. */
import { width } from './format.js';

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export interface TableOptions {
  /** Prefix of every line. */
  readonly indent?: string;
  /** Space between columns; default two spaces. */
  readonly gap?: string;
}

/**
 * Lines of a table: the header then one line per row, each column as wide as its widest cell. Trailing
 * white space is trimmed, so a last column left empty costs nothing.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string[] {
  const indent = options.indent ?? '';
  const gap = options.gap ?? '  ';
  const widths = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    (
      indent +
      columns
        .map((c, i) => {
          const cell = cells[i] ?? '';
          const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
          return c.align === 'right' ? pad + cell : cell + pad;
        })
        .join(gap)
    ).trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}
