import { describe, expect, it } from 'vitest';
import type { Grid } from '../../core/analyses/sensitivity/grid.js';
import type { Sensitivity } from '../../core/analyses/sensitivity/sensitivity.js';
import type { TornadoRow } from '../../core/analyses/sensitivity/tornado.js';
import { renderSensitivity } from './sensitivity.js';

function row(label: string, low: number, high: number, valueLow: number, valueHigh: number): TornadoRow {
  return {
    parameter: label,
    kind: 'setting',
    label,
    base: (low + high) / 2,
    low,
    high,
    valueLow,
    valueHigh,
    swing: Math.abs(valueHigh - valueLow),
    se: 0.002,
  };
}

const shifts = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3];
/** value = 0.7 + (x + y) / 2 on a 7 × 7 grid; target 0.8. */
const grid: Grid = {
  x: {
    name: 'USA',
    actors: ['USA'],
    values: shifts,
    reliability: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    baseReliability: 0.7,
  },
  y: { name: 'europe', actors: ['FRA', 'DEU'], values: shifts },
  rule: 'value',
  target: 0.8,
  value: shifts.map((y) => shifts.map((x) => 0.7 + (x + y) / 2)),
  scenarios: [],
  reaches: shifts.map((y) => shifts.map((x) => 0.7 + (x + y) / 2 >= 0.8 - 1e-9)),
  tipping: [
    { x: -0.3, status: 'never', yBelow: 0.3, yAbove: null, y: null },
    { x: 0.2, status: 'crosses', yBelow: -0.1, yAbove: 0, y: -0.05 },
    { x: 0.3, status: 'always', yBelow: null, yAbove: -0.3, y: null },
  ],
};

const doc: Sensitivity = {
  model: 1,
  title: 'test',
  variant: 'europe-us',
  base: 0.7,
  trials: 5000,
  seed: 1,
  target: 0.8,
  tornado: [
    row('land threat ×', 0.8, 1.2, 0.87, 0.28),
    row('USA reliability', 0.5, 0.9, 0.61, 0.79),
    { ...row('CZE reliability', 0.35, 0.75, 0.7, 0.7), swing: 0.001 },
    { ...row('tripwire τ', 0.25, 0.75, 0.7, 0.7), swing: 0, se: 0 },
  ],
  grid,
};

describe('renderSensitivity', () => {
  const text = renderSensitivity(doc);
  const lines = text.split('\n');

  it('fits 100 columns', () => {
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('ranks the tornado with stated ranges, paired errors and bars scaled to the largest swing', () => {
    expect(text).toMatch(/^Sensitivity of europe-us: value 0\.70 at the plan's assumptions \(target 80%\)$/m);
    expect(text).toMatch(/^ {2}land threat × +0\.8 → 1\.2 +0\.87 +0\.28 +0\.590 ± 0\.002 +█{20}$/m);
    expect(text).toMatch(/^ {2}USA reliability +0\.5 → 0\.9 +0\.61 +0\.79 +0\.180 ± 0\.002 +█{6}$/m);
    expect(text).toMatch(/^Swing below 0\.005: CZE reliability \(0\.35 → 0\.75\)$/m);
    expect(text).toMatch(/^No effect at all \(swing exactly 0\): tripwire τ \(0\.25 → 0\.75\)$/m);
  });

  it('prints the grid with the highest shift on top, marking the cells that reach the target', () => {
    expect(text).toMatch(/^ {2}europe \\ USA +0\.40 +0\.50 +0\.60 +0\.70 +0\.80 +0\.90 +1\.00$/m);
    expect(text).toMatch(/^ {2}\+0\.30 +0\.70 +0\.75 +0\.80\* +0\.85\* +0\.90\* +0\.95\* +1\.00\*$/m);
    expect(text).toMatch(/^ {2}0\.00 +0\.55 +0\.60 .* 0\.85\*$/m);
    const first = lines.findIndex((l) => l.startsWith('  +0.30'));
    expect(lines[first + 6]).toMatch(/^ {2}-0\.30 /);
  });

  it('states the tipping line in the axes’ own terms', () => {
    expect(text).toMatch(/^ {2}USA 0\.40: not within the grid \(above \+0\.30\)$/m);
    expect(text).toMatch(/^ {2}USA 0\.90: -0\.05 \(between -0\.10 and 0\.00\)$/m);
    expect(text).toMatch(/^ {2}USA 1\.00: reached everywhere in the grid, even at -0\.30$/m);
  });

  it('leaves the grid out when there is none', () => {
    expect(renderSensitivity({ ...doc, grid: null })).not.toMatch(/grid/i);
  });
});
