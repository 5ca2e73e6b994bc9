/**
 * The shared chart definitions rendered on the server: the SVG holds the bars, error bars, labels and
 * lines that the option describes (checked by content, not byte for byte: ECharts' path rounding may
 * change between versions).
 */
import { describe, expect, it } from 'vitest';
import { intervalBarOption } from '../charts/interval-bars.js';
import { domainBands, timelineOption } from '../charts/timeline-chart.js';
import { chartSvg, stableNames } from './charts.js';

const barCount = (svg: string) => (svg.match(/<path d="M[^"]*Z" [^>]*fill="#1f5fbf"/g) ?? []).length;

describe('server-side chart rendering', () => {
  it('draws one bar per actor with its label, and error bars', () => {
    const svg = chartSvg({
      option: intervalBarOption(
        [
          { id: 'USA', label: 'USA', value: 0.3, lo: 0.26, hi: 0.34, se: 0.02, hover: [] },
          { id: 'FRA', label: 'FRA', value: 0.1, lo: 0.08, hi: 0.12, se: 0.01, hover: [] },
          { id: 'DEU', label: 'DEU', value: 0.05, lo: 0.05, hi: 0.05, se: 0, hover: [] },
        ],
        { value: 'Shapley value' },
      ),
      width: 600,
      height: 200,
    });
    expect(svg).toMatch(/^<svg width="600" height="200"/);
    for (const label of ['USA', 'FRA', 'DEU', 'points of value']) expect(svg).toContain(`>${label}</text>`);
    expect(barCount(svg)).toBe(3);
    // Error bars: a whisker and two caps per bar, in the error-bar colour.
    expect((svg.match(/stroke="#1d2430"/g) ?? []).length).toBeGreaterThanOrEqual(9);
  });

  it('draws the timeline: band, median and the dashed requirement, days on the axis', () => {
    const svg = chartSvg({
      option: timelineOption(
        domainBands({
          domain: 'land',
          pHold: 0.5,
          meanShortfall: 0,
          gap: { power: 0, units: {} },
          threatened: true,
          requirement: [10, 10, 12, 12],
          bands: { p10: [5, 6, 7, 8], p50: [8, 9, 11, 13], p90: [10, 12, 14, 16] },
        }),
      ),
      width: 600,
      height: 260,
    });
    for (const text of ['p10–p90', 'median (p50)', 'requirement', 'land power', 'day']) {
      expect(svg).toContain(`>${text}</text>`);
    }
    expect(svg).toContain('stroke="#b3261e"');
    expect(svg).toMatch(/stroke-dasharray/);
  });

  it('escapes text from the plan inside the SVG', () => {
    const svg = chartSvg({
      option: intervalBarOption(
        [{ id: 'x', label: '<script>x</script>', value: 0.1, lo: 0.1, hi: 0.1, se: 0, hover: [] }],
        { value: 'v' },
      ),
      width: 300,
      height: 120,
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('chart names', () => {
  const option = intervalBarOption(
    [{ id: 'USA', label: 'USA', value: 0.3, lo: 0.26, hi: 0.34, se: 0.02, hover: [] }],
    { value: 'Shapley value' },
  );

  it('gives the same chart the same bytes however many charts the process drew before', () => {
    const first = chartSvg({ option, width: 600, height: 200 });
    chartSvg({ option, width: 300, height: 100 });
    expect(chartSvg({ option, width: 600, height: 200 })).toBe(first);
    expect(first).not.toMatch(/zr\d+-/);
  });

  it('keeps different names for different charts, and renames every use of a name alike', () => {
    const a = chartSvg({ option, width: 600, height: 200 });
    const b = chartSvg({ option, width: 300, height: 100 });
    const names = (svg: string) => new Set(svg.match(/g[0-9a-f]{8}-\d+/g));
    expect([...names(a)].some((n) => names(b).has(n))).toBe(false);
    expect(
      stableNames('<g class="zr4-cls-9"/><style>.zr4-cls-9{}</style><g clip-path="url(#zr4-c0)"/>'),
    ).toMatch(/^<g class="(g[0-9a-f]{8})-0"\/><style>\.\1-0\{\}<\/style><g clip-path="url\(#\1-1\)"\/>$/);
  });

  it('renames only the names zrender makes, not a label that looks like one', () => {
    const svg = chartSvg({
      option: {
        xAxis: { type: 'category', data: ['zr1-abc'] },
        yAxis: {},
        series: [{ type: 'bar', data: [1] }],
      },
      width: 300,
      height: 150,
    });
    expect(svg).toContain('zr1-abc');
    expect(svg).not.toMatch(/zr\d+-(cls|c\d)/);
  });
});
