/**
 * A dot-and-interval chart as an ECharts option: one row per category (a scenario), one series per
 * group (a variant, or a pair of variants), each point an estimate with its 95% interval, and one
 * reference line (the target, or 0 for differences). The dots and whiskers are an ECharts custom series
 * placed through the axes (`api.coord`), so they follow the chart's own scales and resizing. Shared by
 * the dashboard and the briefing report (STACK.md: one chart definition).
 */
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, EChartsOption } from 'echarts';

export interface IntervalPoint {
  /** The category (row) it belongs to. */
  readonly row: string;
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
  /** Tooltip text (plain; escaped here). */
  readonly tip: string;
}

export interface IntervalSeries {
  readonly name: string;
  readonly points: readonly IntervalPoint[];
}

export interface IntervalChartSpec {
  /** Row labels, top to bottom. */
  readonly rows: readonly string[];
  readonly series: readonly IntervalSeries[];
  readonly reference: { readonly value: number; readonly label: string };
  readonly axisName: string;
  readonly axisFormat: (x: number) => string;
  readonly min?: number;
  readonly max?: number;
}

/** Distinct on white and for common colour-vision deficiencies (no red/green pair); the dashboard's accent first. */
export const SERIES_COLORS = ['#1f5fbf', '#e08a00', '#6a1b9a', '#00838f', '#5b6576'] as const;

/** Where series i of n sits within its row, as a share of the row's height (0 = centre). */
export function rowOffset(i: number, n: number): number {
  return n <= 1 ? 0 : (i - (n - 1) / 2) / (n + 1);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Data rows of one series for the custom renderer: [row index, lo, hi, estimate]. */
export function intervalData(
  rows: readonly string[],
  points: readonly IntervalPoint[],
): { value: [number, number, number, number]; tip: string }[] {
  return points.flatMap((p) => {
    const index = rows.indexOf(p.row);
    return index < 0 ? [] : [{ value: [index, p.lo, p.hi, p.estimate], tip: p.tip }];
  });
}

export function intervalChartOption(spec: IntervalChartSpec): EChartsOption {
  const n = spec.series.length;
  const renderer = (i: number) => (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
    const row = Number(api.value(0));
    const size = api.size?.([0, 1]);
    const height = Array.isArray(size) ? (size[1] ?? 0) : 0;
    const dy = rowOffset(i, n) * height;
    const lo = api.coord([api.value(1), row]);
    const hi = api.coord([api.value(2), row]);
    const mid = api.coord([api.value(3), row]);
    const y = (mid[1] ?? 0) + dy;
    const color = api.visual('color') as string;
    const cap = 5;
    return {
      type: 'group' as const,
      name: params.seriesName,
      children: [
        {
          type: 'line' as const,
          shape: { x1: lo[0], y1: y, x2: hi[0], y2: y },
          style: { stroke: color, lineWidth: 2 },
        },
        {
          type: 'line' as const,
          shape: { x1: lo[0], y1: y - cap, x2: lo[0], y2: y + cap },
          style: { stroke: color, lineWidth: 2 },
        },
        {
          type: 'line' as const,
          shape: { x1: hi[0], y1: y - cap, x2: hi[0], y2: y + cap },
          style: { stroke: color, lineWidth: 2 },
        },
        {
          type: 'circle' as const,
          shape: { cx: mid[0], cy: y, r: 5 },
          style: { fill: color, stroke: '#fff', lineWidth: 1 },
        },
      ],
    };
  };
  return {
    animation: false,
    color: [...SERIES_COLORS],
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    legend: { top: 0, data: spec.series.map((s) => s.name) },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { seriesName?: string; data?: { tip?: string } };
        return `<strong>${escapeHtml(item.seriesName ?? '')}</strong><br>${escapeHtml(item.data?.tip ?? '')}`;
      },
    },
    xAxis: {
      type: 'value',
      name: spec.axisName,
      nameLocation: 'middle',
      nameGap: 24,
      ...(spec.min === undefined ? {} : { min: spec.min }),
      ...(spec.max === undefined ? {} : { max: spec.max }),
      axisLabel: { formatter: (x: number) => spec.axisFormat(x) },
    },
    yAxis: { type: 'category', data: [...spec.rows], inverse: true },
    series: [
      ...spec.series.map((s, i) => ({
        type: 'custom' as const,
        name: s.name,
        renderItem: renderer(i),
        encode: { x: [1, 2, 3], y: 0 },
        data: intervalData(spec.rows, s.points),
      })),
      {
        type: 'scatter' as const,
        name: spec.reference.label,
        data: [],
        silent: true,
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#5b6576' },
          // The category axis runs top to bottom (inverse), so the line's start is at the top.
          label: { formatter: spec.reference.label, position: 'start' },
          data: [{ xAxis: spec.reference.value }],
        },
      },
    ],
  } as EChartsOption;
}
