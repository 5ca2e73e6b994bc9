import { describe, expect, it } from 'vitest';
import type { VariantResult } from '../core/engine/result-types.js';
import { scenarioResult } from '../core/views/testing/results.js';
import { holdsChartOption } from './holds-chart.js';

const variant = (id: string, pHolds: [number, number]): VariantResult => ({
  id,
  value: (pHolds[0] + pHolds[1]) / 2,
  actors: [],
  scenarios: [
    scenarioResult('sea', pHolds[0], [pHolds[0] - 0.02, pHolds[0] + 0.02]),
    scenarioResult('land', pHolds[1], [pHolds[1] - 0.02, pHolds[1] + 0.02]),
  ],
});

describe('the holds chart', () => {
  const option = holdsChartOption([variant('alone', [0.3, 0.5]), variant('all', [0.7, 0.9])], 0.8);
  const series = option.series as { name: string; data: { value: number[] }[]; markLine?: unknown }[];

  it('has a row per scenario and a series per variant, each point with its 95% interval', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['sea', 'land']);
    expect(series.slice(0, 2).map((s) => s.name)).toEqual(['alone', 'all']);
    expect(series[1]?.data.map((d) => d.value.map((x) => Math.round(x * 1e9) / 1e9))).toEqual([
      [0, 0.68, 0.72, 0.7],
      [1, 0.88, 0.92, 0.9],
    ]);
  });

  it('draws the target as the reference line, on a 0–100% axis', () => {
    expect(series[2]?.name).toBe('target 80%');
    expect(JSON.stringify(series[2]?.markLine)).toContain('{"xAxis":0.8}');
    expect(option.xAxis).toMatchObject({ min: 0, max: 1 });
  });
});
