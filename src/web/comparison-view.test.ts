import { describe, expect, it } from 'vitest';
import type { Comparison } from '../core/analyses/compare/comparison';
import { compareTable, differenceSeries, pointsInterval, pointsText } from './comparison-view';

const doc: Comparison = {
  model: 1,
  title: 'Test plan',
  trials: 4000,
  seed: 1,
  target: 0.8,
  intervals: { pHold: 'wilson', difference: 'paired-normal' },
  variants: [
    {
      id: 'europe-only',
      value: 0.5,
      actors: ['UKR', 'FRA'],
      scenarios: [
        { id: 'sea', pHold: 0.41, ci95: [0.38, 0.44] },
        { id: 'land', pHold: 0.59, ci95: [0.56, 0.62] },
      ],
    },
    {
      id: 'europe-us',
      value: 0.7,
      actors: ['UKR', 'USA', 'FRA'],
      scenarios: [
        { id: 'sea', pHold: 0.83, ci95: [0.8, 0.86] },
        { id: 'land', pHold: 0.57, ci95: [0.54, 0.6] },
      ],
    },
  ],
  differences: [
    {
      from: 'europe-only',
      to: 'europe-us',
      value: { diff: 0.2, se: 0.001, ci95: [0.198, 0.202], significant: true },
      scenarios: [
        { id: 'sea', diff: 0.42, se: 0.01, ci95: [0.4004, 0.4396], significant: true },
        { id: 'land', diff: -0.02, se: 0.012, ci95: [-0.0435, 0.0035], significant: false },
      ],
    },
  ],
};

describe('the comparison table', () => {
  it('has a row per scenario and one for the value, with every variant and pair', () => {
    const table = compareTable(doc);
    expect(table.variants).toEqual(['europe-only', 'europe-us']);
    expect(table.pairs).toEqual([{ from: 'europe-only', to: 'europe-us' }]);
    expect(table.rows.map((r) => [r.id, r.isValue, r.holds.map((h) => h.text)])).toEqual([
      ['sea', false, ['41% (38–44%)', '83% (80–86%)']],
      ['land', false, ['59% (56–62%)', '57% (54–60%)']],
      ['value', true, ['50%', '70%']],
    ]);
  });

  it('gives each paired difference in points with its interval and significance', () => {
    const [sea, land, value] = compareTable(doc).rows;
    expect(sea?.differences[0]).toMatchObject({
      text: '+42 points',
      interval: '+40 to +44 points',
      significant: true,
    });
    expect(land?.differences[0]).toMatchObject({
      text: '−2 points',
      interval: '−5 to +1 points',
      significant: false,
    });
    // Narrower than ±½ point: tenths, so the interval is not one number.
    expect(value?.differences[0]).toMatchObject({ text: '+20.0 points', interval: '+19.8 to +20.2 points' });
  });

  it('rounds the interval outwards and keeps the sign of a tiny difference honest', () => {
    expect(pointsInterval([0.3851, 0.4149])).toBe('+38 to +42 points');
    expect(pointsText({ diff: 0.001, ci95: [-0.02, 0.022] })).toBe('0 points');
    expect(pointsText({ diff: -0.01, ci95: [-0.03, 0.01] })).toBe('−1 point');
  });

  it('turns each pair into chart points in percentage points, rows in table order', () => {
    const [series] = differenceSeries(compareTable(doc));
    expect(series?.name).toBe('europe-us − europe-only');
    expect(series?.points.map((p) => p.row)).toEqual(['sea', 'land', 'value']);
    expect(series?.points[0]?.diff).toBeCloseTo(42, 9);
    expect(series?.points[1]?.lo).toBeCloseTo(-4.35, 9);
    expect(series?.points[1]?.hi).toBeCloseTo(0.35, 9);
    expect(series?.points[1]?.text).toBe('−2 points (95% CI −5 to +1 points), not significant');
  });
});
