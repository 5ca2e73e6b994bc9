/**
 * The human form of `guarantor sensitivity`: the tornado as a ranked table with bars, the
 * parameters without effect on one line, then the two-way grid with its tipping line.
 */
import type { Grid, GridAxis } from '../../core/analyses/sensitivity/grid.js';
import type { Sensitivity } from '../../core/analyses/sensitivity/sensitivity.js';
import type { TippingPoint } from '../../core/analyses/sensitivity/tipping-line.js';
import type { TornadoRow } from '../../core/analyses/sensitivity/tornado.js';
import { formatCount, formatPercent } from './format.js';
import { renderTable } from './table.js';
import { joinWrapped, wrapText } from './wrap.js';

const BAR_WIDTH = 20;
/** Swings below half a point of value are listed, not tabled. */
const SMALL_SWING = 0.005;

export function renderSensitivity(doc: Sensitivity, maxWidth = 100): string {
  const lines = [
    ...wrapText(
      `Sensitivity of ${doc.variant}: value ${doc.base.toFixed(2)} at the plan's assumptions ` +
        `(target ${formatPercent(doc.target)})`,
      '',
      '  ',
      maxWidth,
    ),
    `${formatCount(doc.trials)} trials · seed ${doc.seed} · every run on the same draws, so swings are ` +
      'paired (± 1 s.e.)',
    '',
    ...tornadoLines(doc.tornado, maxWidth),
    ...(doc.grid === null ? [] : ['', ...gridLines(doc.grid, doc.variant, maxWidth)]),
  ];
  return `${lines.join('\n')}\n`;
}

function tornadoLines(rows: readonly TornadoRow[], maxWidth: number): string[] {
  const moving = rows.filter((r) => r.swing >= SMALL_SWING);
  const small = rows.filter((r) => r.swing > 0 && r.swing < SMALL_SWING);
  const still = rows.filter((r) => r.swing === 0);
  const top = moving[0]?.swing ?? 0;
  const table = renderTable(
    [
      { header: 'assumption' },
      { header: 'low → high' },
      { header: 'value at low', align: 'right' },
      { header: 'at high', align: 'right' },
      { header: 'swing', align: 'right' },
      { header: '' },
    ],
    moving.map((r) => [
      r.label,
      `${formatSetting(r.low)} → ${formatSetting(r.high)}`,
      r.valueLow.toFixed(2),
      r.valueHigh.toFixed(2),
      `${r.swing.toFixed(3)} ± ${r.se.toFixed(3)}`,
      bar(r.swing, top),
    ]),
    { indent: '  ' },
  );
  const out = [
    'Tornado: each assumption moved to a low and a high value, the others kept; largest swing first',
    ...table,
  ];
  out.push(...listLine(`Swing below ${SMALL_SWING}:`, small, maxWidth));
  out.push(...listLine('No effect at all (swing exactly 0):', still, maxWidth));
  return out;
}

/** `title A (lo → hi), B (lo → hi), …` wrapped, continuation lines indented. */
function listLine(title: string, rows: readonly TornadoRow[], maxWidth: number): string[] {
  if (rows.length === 0) return [];
  const parts = rows.map((r) => `${r.label} (${formatSetting(r.low)} → ${formatSetting(r.high)})`);
  return joinWrapped(
    [title, ...parts.map((p, i) => (i < parts.length - 1 ? `${p},` : p))],
    ' ',
    '  ',
    maxWidth,
  ).map((line, i) => (i === 0 ? line.trimStart() : line));
}

function gridLines(grid: Grid, variant: string, maxWidth: number): string[] {
  const { x, y } = grid;
  const rule =
    grid.rule === 'value'
      ? `value ≥ ${grid.target.toFixed(2)} (the target)`
      : `every scenario holds in ≥ ${formatPercent(grid.target)} of trials (the target)`;
  const columns = [
    { header: `${y.name} \\ ${x.name}` },
    ...x.values.map((_, ix) => ({ header: axisLabel(x, ix), align: 'right' as const })),
  ];
  const rows = y.values
    .map((_, iy) => [
      axisLabel(y, iy),
      ...x.values.map(
        (_, ix) => `${(grid.value[iy]?.[ix] ?? 0).toFixed(2)}${grid.reaches[iy]?.[ix] === true ? '*' : ' '}`,
      ),
    ])
    .reverse();
  return [
    ...wrapText(
      `Two-way grid: value of ${variant} by ${axisTitle(x)} (columns) and ${axisTitle(y)} (rows); ` +
        `* = ${rule}`,
      '',
      '  ',
      maxWidth,
    ),
    ...renderTable(columns, rows, { indent: '  ' }),
    ...wrapText(
      `Tipping line, where ${rule}: for each ${axisNoun(x)}, the least ${axisNoun(y)} that reaches it`,
      '',
      '  ',
      maxWidth,
    ),
    ...tippingRows(grid),
  ];
}

function tippingRows(grid: Grid): string[] {
  const { x, y } = grid;
  return grid.tipping.map((t: TippingPoint) => {
    const at = `  ${x.name} ${valueLabel(x, t.x)}:`;
    switch (t.status) {
      case 'always':
        return `${at} reached everywhere in the grid, even at ${axisLabel(y, 0)}`;
      case 'never':
        return `${at} not within the grid (above ${axisLabel(y, y.values.length - 1)})`;
      case 'crosses':
        return `${at} ${valueLabel(y, t.y ?? 0)} (between ${valueLabel(y, t.yBelow ?? 0)} and ${valueLabel(y, t.yAbove ?? 0)})`;
      default:
        return t.status satisfies never;
    }
  });
}

/** `USA reliability` for a one-actor axis, else `shift of europe`. */
function axisNoun(a: GridAxis): string {
  return a.baseReliability === undefined ? `shift of ${a.name}` : `${a.name} reliability`;
}

function axisTitle(a: GridAxis): string {
  if (a.baseReliability !== undefined) return `${a.name} reliability`;
  const n = a.actors.length;
  return `a common shift of the reliability of ${a.name} (${n} ${n === 1 ? 'actor' : 'actors'})`;
}

/** A grid axis value: the reliability for a one-actor axis, else the shift (+0.1). */
function axisLabel(a: GridAxis, i: number): string {
  return valueLabel(a, a.values[i] ?? 0);
}

function valueLabel(a: GridAxis, shift: number): string {
  if (a.baseReliability !== undefined) return Math.min(1, Math.max(0, a.baseReliability + shift)).toFixed(2);
  const s = Math.round(shift * 100) / 100;
  return `${s > 0 ? '+' : s < 0 ? '-' : ''}${Math.abs(s).toFixed(2)}`;
}

/** Settings as written: 0.35, 0.175, 1, 3 (no trailing zeros, at most 3 decimals). */
function formatSetting(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

function bar(swing: number, top: number): string {
  if (top <= 0) return '';
  const n = Math.round((swing / top) * BAR_WIDTH);
  return n === 0 ? '▏' : '█'.repeat(n);
}
