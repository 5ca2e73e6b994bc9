/** The side-by-side table of pHold per scenario and variant, shared by `assess` and `compare`. */
import { formatProbability, width } from './format.js';
import { renderTable } from './table.js';

/** What the table needs of a variant's result (an assessment's or a comparison's). */
export interface VariantHolds {
  readonly id: string;
  readonly value: number;
  readonly scenarios: readonly {
    readonly id: string;
    readonly pHold: number;
    readonly ci95: readonly [number, number];
  }[];
}

/** Scenarios down, variants across; split into several blocks when the variants do not fit. */
export function holdsSideBySide(variants: readonly VariantHolds[], maxWidth: number): string[] {
  const scenarios = variants[0]?.scenarios.map((s) => s.id) ?? [];
  const label = Math.max(5, ...scenarios.map(width));
  const cell = (v: VariantHolds, id: string) => {
    const s = v.scenarios.find((x) => x.id === id);
    return s === undefined ? '—' : formatProbability(s.pHold, s.ci95);
  };
  const columnWidth = Math.max(15, ...variants.map((v) => width(v.id))) + 2;
  const perBlock = Math.max(1, Math.floor((maxWidth - 2 - label - 2) / columnWidth));
  const out: string[] = [];
  for (let i = 0; i < variants.length; i += perBlock) {
    const block = variants.slice(i, i + perBlock);
    const rows = [
      ['value', ...block.map((v) => v.value.toFixed(2))],
      ...scenarios.map((id) => [id, ...block.map((v) => cell(v, id))]),
    ];
    if (i > 0) out.push('');
    out.push(
      ...renderTable([{ header: '' }, ...block.map((v) => ({ header: v.id }))], rows, { indent: '  ' }),
    );
  }
  return out;
}
