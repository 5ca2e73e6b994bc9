import { describe, expect, it } from 'vitest';
import type { Grid } from '../core/analyses/sensitivity/grid.js';
import type { TornadoRow } from '../core/analyses/sensitivity/tornado.js';
import {
  axisValueLabel,
  cellHover,
  gridCells,
  gridOption,
  parameterValue,
  tippingPoints,
  tippingText,
  tornadoBars,
  tornadoHover,
  tornadoOption,
} from './sensitivity-charts.js';

function row(
  label: string,
  kind: TornadoRow['kind'],
  low: number,
  high: number,
  vLow: number,
  vHigh: number,
) {
  return {
    parameter: label,
    kind,
    label,
    base: (low + high) / 2,
    low,
    high,
    valueLow: vLow,
    valueHigh: vHigh,
    swing: Math.abs(vHigh - vLow),
    se: 0.003,
  } satisfies TornadoRow;
}

const doc = {
  base: 0.7,
  tornado: [
    row('USA reliability', 'reliability', 0.5, 0.9, 0.6, 0.8),
    row('tripwire τ', 'setting', 0.25, 0.75, 0.7, 0.7),
    row('land threat ×', 'threat-scale', 0.8, 1.2, 0.86, 0.27),
    row('LUX reliability', 'reliability', 0.55, 0.95, 0.699, 0.701),
  ],
};

describe('tornado', () => {
  it('ranks the assumptions by swing, largest first', () => {
    expect(tornadoBars(doc).bars.map((b) => b.label)).toEqual(['land threat ×', 'USA reliability']);
  });

  it('lists swings below half a point and swings of exactly 0 apart from the bars', () => {
    const t = tornadoBars(doc);
    expect(t.small.map((b) => b.label)).toEqual(['LUX reliability']);
    expect(t.still.map((b) => b.label)).toEqual(['tripwire τ']);
  });

  it('starts every bar at the plan’s value', () => {
    const [land] = tornadoBars(doc).bars;
    expect(land?.deltaLow).toBeCloseTo(0.16, 12);
    expect(land?.deltaHigh).toBeCloseTo(-0.43, 12);
  });

  it('charts the bars in rank order, low and high on the same row', () => {
    const option = tornadoOption(tornadoBars(doc), 0.7);
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual([
      'land threat ×',
      'USA reliability',
    ]);
    const series = option.series as { data: number[] }[];
    expect(series[1]?.data[1]).toBeCloseTo(0.1, 12);
  });

  it('states the low and high values, the values there and the swing’s standard error on hover', () => {
    const usa = tornadoBars(doc).bars[1];
    expect(usa === undefined ? [] : tornadoHover(usa)).toEqual([
      'USA reliability (plan: 70%)',
      'low 50%: value 60% (−10 points)',
      'high 90%: value 80% (+10 points)',
      'swing 20 points, SE 0.3 points (paired, same draws)',
    ]);
  });

  it('writes each kind of parameter as people state it', () => {
    expect(parameterValue({ kind: 'reliability' }, 0.55)).toBe('55%');
    expect(parameterValue({ kind: 'threat-scale' }, 0.8)).toBe('×0.8');
    expect(parameterValue({ kind: 'setting' }, 0.175)).toBe('0.175');
  });
});

// A 3 × 3 grid: x the USA's reliability (0.6, 0.7, 0.8), y a common shift of the others (−0.1, 0, +0.1).
const grid: Grid = {
  x: {
    name: 'USA',
    actors: ['USA'],
    values: [-0.1, 0, 0.1],
    reliability: [0.6, 0.7, 0.8],
    baseReliability: 0.7,
  },
  y: { name: 'europe', actors: ['FRA', 'DEU'], values: [-0.1, 0, 0.1] },
  rule: 'value',
  target: 0.8,
  value: [
    [0.6, 0.7, 0.78],
    [0.65, 0.75, 0.82],
    [0.7, 0.79, 0.9],
  ],
  scenarios: [
    {
      id: 'north',
      pHold: [
        [0.6, 0.7, 0.78],
        [0.65, 0.75, 0.82],
        [0.7, 0.79, 0.9],
      ],
    },
  ],
  reaches: [
    [false, false, false],
    [false, false, true],
    [false, false, true],
  ],
  tipping: [
    { x: -0.1, status: 'never', yBelow: 0.1, yAbove: null, y: null },
    { x: 0, status: 'never', yBelow: 0.1, yAbove: null, y: null },
    { x: 0.1, status: 'crosses', yBelow: -0.1, yAbove: 0, y: -0.05 },
  ],
};

describe('two-way grid', () => {
  it('has one cell per (x, y) with its value and verdict, y ascending', () => {
    const cells = gridCells(grid);
    expect(cells).toHaveLength(9);
    expect(cells[5]).toEqual({ ix: 2, iy: 1, value: 0.82, reaches: true });
    expect(cells[0]).toEqual({ ix: 0, iy: 0, value: 0.6, reaches: false });
  });

  it('puts the tipping line between the cells where the verdict flips, interpolated in cell units', () => {
    expect(tippingPoints(grid)).toEqual([[2, 0.5]]);
  });

  it('says for each column where the verdict flips, or that it does not within the grid', () => {
    expect(tippingText(grid)).toEqual([
      'USA 60%: not reached within the grid',
      'USA 70%: not reached within the grid',
      'USA 80%: reached from −5 points of europe',
    ]);
  });

  it('labels a one-actor axis by reliability and a group’s by its shift', () => {
    expect(axisValueLabel(grid.x, 0)).toBe('60%');
    expect(axisValueLabel(grid.y, 1)).toBe('as planned');
    expect(axisValueLabel(grid.y, 2)).toBe('+10 points');
  });

  it('names both axis values, the verdict and each scenario on a cell’s hover', () => {
    expect(cellHover(grid, 2, 1)).toEqual([
      'USA reliability: 80%',
      'reliability of europe (2 actors), shifted together: as planned',
      'value 82%: reaches the target (value ≥ 80%)',
      'north: 82%',
    ]);
  });

  it('draws the heatmap on the category axes and the tipping line on the hidden cell-edge axes', () => {
    const option = gridOption(grid);
    const series = option.series as { type: string; data: unknown[]; xAxisIndex?: number }[];
    expect(series[0]?.type).toBe('heatmap');
    expect(series[0]?.data[5]).toEqual([2, 1, 0.82, 1]);
    expect(series[1]).toMatchObject({ type: 'line', xAxisIndex: 1, data: [[2, 0.5]] });
    expect((option.xAxis as { min?: number; max?: number }[])[1]).toMatchObject({ min: -0.5, max: 2.5 });
  });
});
