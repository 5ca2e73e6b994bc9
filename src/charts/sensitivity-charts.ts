/**
 * The sensitivity charts of the dashboard and the briefing report, as pure functions (tested in
 * sensitivity-charts.test.ts): the `sensitivity` document's tornado into ranked horizontal bars around
 * the plan's value, and its two-way grid into heatmap cells with the tipping line in the grid's cell
 * coordinates, each with its ECharts option.
 */

import type { EChartsOption as EChartOption } from 'echarts';
import type { Grid, GridAxis } from '../core/analyses/sensitivity/grid.js';
import type { Sensitivity } from '../core/analyses/sensitivity/sensitivity.js';
import type { TornadoRow } from '../core/analyses/sensitivity/tornado.js';
import { percent, points } from './format.js';
import { hoverHtml } from './hover-html.js';

/** Swings below half a point of value are listed, not charted (as the CLI's table). */
export const SMALL_SWING = 0.005;

export interface TornadoBar {
  readonly parameter: string;
  readonly label: string;
  /** The stated low and high values, as people read them ("50%", "×0.8", "1"). */
  readonly lowText: string;
  readonly highText: string;
  readonly baseText: string;
  readonly valueLow: number;
  readonly valueHigh: number;
  /** valueLow − base and valueHigh − base: the bars start at the plan's value. */
  readonly deltaLow: number;
  readonly deltaHigh: number;
  readonly swing: number;
  readonly se: number;
}

export interface Tornado {
  /** Swing ≥ SMALL_SWING, largest first. */
  readonly bars: readonly TornadoBar[];
  /** 0 < swing < SMALL_SWING. */
  readonly small: readonly TornadoBar[];
  /** Swing exactly 0: the assumption cannot matter here. */
  readonly still: readonly TornadoBar[];
}

/** The tornado's rows ranked by swing (ties keep the document's order), split by size of swing. */
export function tornadoBars(doc: Pick<Sensitivity, 'base' | 'tornado'>): Tornado {
  const ranked = [...doc.tornado].sort((a, b) => b.swing - a.swing).map((r) => tornadoBar(r, doc.base));
  return {
    bars: ranked.filter((b) => b.swing >= SMALL_SWING),
    small: ranked.filter((b) => b.swing > 0 && b.swing < SMALL_SWING),
    still: ranked.filter((b) => b.swing === 0),
  };
}

function tornadoBar(r: TornadoRow, base: number): TornadoBar {
  return {
    parameter: r.parameter,
    label: r.label,
    lowText: parameterValue(r, r.low),
    highText: parameterValue(r, r.high),
    baseText: parameterValue(r, r.base),
    valueLow: r.valueLow,
    valueHigh: r.valueHigh,
    deltaLow: r.valueLow - base,
    deltaHigh: r.valueHigh - base,
    swing: r.swing,
    se: r.se,
  };
}

/**
 * A parameter's value as stated: a reliability as a percentage, a threat scale as a factor, a setting
 * as written (at most three decimals: 0.175, 1, 3).
 */
export function parameterValue(r: Pick<TornadoRow, 'kind'>, x: number): string {
  switch (r.kind) {
    case 'reliability':
      return percent(x);
    case 'threat-scale':
      return `×${String(Math.round(x * 1000) / 1000)}`;
    case 'setting':
      return String(Math.round(x * 1000) / 1000);
    default:
      return r.kind satisfies never;
  }
}

/** A standard error of a value difference in points, one decimal: 0.0030 → "0.3 points". */
export function sePoints(se: number): string {
  return `${(se * 100).toFixed(1)} points`;
}

/** The hover of one tornado row: the stated low and high, the values there, the swing and its SE. */
export function tornadoHover(b: TornadoBar): string[] {
  return [
    `${b.label} (plan: ${b.baseText})`,
    `low ${b.lowText}: value ${percent(b.valueLow)} (${points(b.deltaLow)})`,
    `high ${b.highText}: value ${percent(b.valueHigh)} (${points(b.deltaHigh)})`,
    `swing ${points(b.swing).replace('+', '')}, SE ${sePoints(b.se)} (paired, same draws)`,
  ];
}

/** The tornado as ECharts horizontal bars: value at low and at high, as change from the plan's value. */
export function tornadoOption(tornado: Tornado, base: number): EChartOption {
  const bars = tornado.bars;
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 36, containLabel: true },
    legend: { top: 0, data: ['at the low value', 'at the high value'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number }) : undefined;
        const bar = bars[first?.dataIndex ?? -1];
        return bar === undefined ? '' : hoverHtml(tornadoHover(bar));
      },
    },
    xAxis: {
      type: 'value',
      name: `change of the value from ${percent(base)} (points)`,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: {
        formatter: (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(Math.round(v * 100))}`,
      },
    },
    yAxis: { type: 'category', data: bars.map((b) => b.label), inverse: true, axisTick: { show: false } },
    series: [
      {
        name: 'at the low value',
        type: 'bar',
        barGap: '-100%',
        barMaxWidth: 18,
        data: bars.map((b) => b.deltaLow),
        itemStyle: { color: '#b3261e', opacity: 0.85 },
      },
      {
        name: 'at the high value',
        type: 'bar',
        barGap: '-100%',
        barMaxWidth: 18,
        data: bars.map((b) => b.deltaHigh),
        itemStyle: { color: '#1b7a3d', opacity: 0.85 },
      },
    ],
  };
}

export interface GridCell {
  readonly ix: number;
  readonly iy: number;
  readonly value: number;
  readonly reaches: boolean;
}

/** An axis value for people: a one-actor axis as its reliability ("70%"), a group's as the shift ("+10 points"). */
export function axisValueLabel(a: GridAxis, i: number): string {
  const reliability = a.reliability?.[i];
  if (reliability !== undefined) return percent(reliability);
  const shift = a.values[i] ?? 0;
  return Math.abs(shift) < 1e-9 ? 'as planned' : points(shift);
}

/** What an axis moves: "USA reliability", or "reliability of europe (25 actors), shifted together". */
export function axisTitle(a: GridAxis): string {
  if (a.baseReliability !== undefined) return `${a.name} reliability`;
  const n = a.actors.length;
  return `reliability of ${a.name} (${n} ${n === 1 ? 'actor' : 'actors'}), shifted together`;
}

/** Every cell of the grid: x index, y index (ascending values), the value and the verdict. */
export function gridCells(grid: Grid): GridCell[] {
  return grid.y.values.flatMap((_, iy) =>
    grid.x.values.map(
      (_, ix): GridCell => ({
        ix,
        iy,
        value: grid.value[iy]?.[ix] ?? Number.NaN,
        reaches: grid.reaches[iy]?.[ix] === true,
      }),
    ),
  );
}

/**
 * The tipping line in cell coordinates (x index, fractional y index) for the columns where the verdict
 * flips inside the grid: between the cells of yBelow and yAbove, at the interpolated y. Columns that
 * reach everywhere or nowhere have no point (they are named in the text).
 */
export function tippingPoints(grid: Grid): [number, number][] {
  const ys = grid.y.values;
  const indexOf = (y: number) => ys.findIndex((v) => Math.abs(v - y) < 1e-9);
  const out: [number, number][] = [];
  grid.tipping.forEach((t, ix) => {
    if (t.status !== 'crosses' || t.y === null || t.yBelow === null || t.yAbove === null) return;
    const below = indexOf(t.yBelow);
    const above = indexOf(t.yAbove);
    if (below < 0 || above < 0) return;
    out.push([ix, below + ((t.y - t.yBelow) / (t.yAbove - t.yBelow)) * (above - below)]);
  });
  return out;
}

/** The tipping line in words, per x value: where the verdict flips, or that it does not in the grid. */
export function tippingText(grid: Grid): string[] {
  return grid.tipping.map((t, ix) => {
    const at = `${grid.x.name} ${axisValueLabel(grid.x, ix)}`;
    switch (t.status) {
      case 'always':
        return `${at}: reached everywhere in the grid`;
      case 'never':
        return `${at}: not reached within the grid`;
      case 'crosses':
        return `${at}: reached from ${yLabel(grid.y, t.y ?? 0)} of ${grid.y.name}`;
      default:
        return t.status satisfies never;
    }
  });
}

/** A y value between the grid's rows: the reliability for one actor, else the shift. */
function yLabel(a: GridAxis, shift: number): string {
  if (a.baseReliability !== undefined) return percent(Math.min(1, Math.max(0, a.baseReliability + shift)));
  return points(shift);
}

/** The hover of a cell: both axis values, the value, the verdict, each scenario's pHold. */
export function cellHover(grid: Grid, ix: number, iy: number): string[] {
  const value = grid.value[iy]?.[ix] ?? Number.NaN;
  const reaches = grid.reaches[iy]?.[ix] === true;
  const rule =
    grid.rule === 'value'
      ? `value ≥ ${percent(grid.target)}`
      : `every scenario holds in ≥ ${percent(grid.target)} of trials`;
  return [
    `${axisTitle(grid.x)}: ${axisValueLabel(grid.x, ix)}`,
    `${axisTitle(grid.y)}: ${axisValueLabel(grid.y, iy)}`,
    `value ${percent(value)}: ${reaches ? 'reaches' : 'falls short of'} the target (${rule})`,
    ...grid.scenarios.map((s) => `${s.id}: ${percent(s.pHold[iy]?.[ix] ?? Number.NaN)}`),
  ];
}

/**
 * The grid as an ECharts heatmap (value colour, a ✓ where the verdict is reached) with the tipping line
 * drawn on hidden value axes laid over the cells (index −0.5 … n − 0.5, the cells' edges).
 */
export function gridOption(grid: Grid): EChartOption {
  const cells = gridCells(grid);
  const nx = grid.x.values.length;
  const ny = grid.y.values.length;
  const values = cells.map((c) => c.value).filter(Number.isFinite);
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 88, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesType?: string; data?: readonly number[] };
        if (p.seriesType !== 'heatmap' || p.data === undefined) return '';
        return hoverHtml(cellHover(grid, p.data[0] ?? 0, p.data[1] ?? 0));
      },
    },
    visualMap: {
      type: 'continuous',
      min: Math.min(...values, grid.target),
      max: Math.max(...values, grid.target),
      dimension: 2,
      seriesIndex: 0,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 200,
      text: ['high value', 'low value'],
      formatter: (v: unknown) => percent(Number(v)),
      inRange: { color: ['#e8a39c', '#f4f1de', '#8cc5a0'] },
    },
    xAxis: [
      {
        type: 'category',
        data: grid.x.values.map((_, i) => axisValueLabel(grid.x, i)),
        name: axisTitle(grid.x),
        nameLocation: 'middle',
        nameGap: 28,
        splitArea: { show: false },
      },
      { type: 'value', min: -0.5, max: nx - 0.5, show: false },
    ],
    yAxis: [
      {
        type: 'category',
        data: grid.y.values.map((_, i) => axisValueLabel(grid.y, i)),
        name: grid.y.name,
        splitArea: { show: false },
      },
      { type: 'value', min: -0.5, max: ny - 0.5, show: false },
    ],
    series: [
      {
        name: 'value',
        type: 'heatmap',
        data: cells.map((c) => [c.ix, c.iy, c.value, c.reaches ? 1 : 0]),
        label: {
          show: true,
          formatter: (p: unknown) => {
            const d = (p as { data?: readonly number[] }).data ?? [];
            return `${percent(d[2] ?? Number.NaN)}${d[3] === 1 ? ' ✓' : ''}`;
          },
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
      {
        name: 'tipping line',
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: tippingPoints(grid),
        symbol: 'circle',
        symbolSize: 6,
        z: 5,
        lineStyle: { color: '#1d2430', width: 2.5, type: 'dashed' },
        itemStyle: { color: '#1d2430' },
        tooltip: { show: false },
      },
    ],
  };
}
