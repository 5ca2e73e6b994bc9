import { describe, expect, it } from 'vitest';
import { escapeHtml, intervalChartOption, intervalData, rowOffset } from './interval-chart.js';

describe('the dot-and-interval chart', () => {
  it('spreads the series of a row evenly around its centre', () => {
    expect(rowOffset(0, 1)).toBe(0);
    expect([0, 1, 2].map((i) => rowOffset(i, 3))).toEqual([-0.25, 0, 0.25]);
  });

  it('places each point on its row and drops points of unknown rows', () => {
    const data = intervalData(
      ['sea', 'land'],
      [
        { row: 'land', estimate: 0.5, lo: 0.4, hi: 0.6, tip: 'land' },
        { row: 'air', estimate: 0.5, lo: 0.4, hi: 0.6, tip: 'air' },
      ],
    );
    expect(data).toEqual([{ value: [1, 0.4, 0.6, 0.5], tip: 'land' }]);
  });

  it('escapes text that reaches the tooltip as HTML', () => {
    expect(escapeHtml('<b>"A&B"</b>')).toBe('&#60;b&#62;&#34;A&#38;B&#34;&#60;/b&#62;');
  });

  it('draws the reference line and lists only the real series in the legend', () => {
    const option = intervalChartOption({
      rows: ['sea'],
      series: [{ name: 'europe-us', points: [] }],
      reference: { value: 0.8, label: 'target 80%' },
      axisName: 'share',
      axisFormat: String,
    }) as { legend: { data: string[] }; series: { name: string; markLine?: { data: unknown[] } }[] };
    expect(option.legend.data).toEqual(['europe-us']);
    expect(option.series.at(-1)?.markLine?.data).toEqual([{ xAxis: 0.8 }]);
  });
});
