/**
 * Interval bars for attribution (MODEL.md §5, §7), shared by the dashboard and the briefing report: an
 * `attribute` document's Shapley values (with 95% error bars and marginal values) and Owen values by
 * bloc as bars, and the ECharts option that draws them (one chart definition, STACK.md).
 */
import type { EChartsOption } from 'echarts';
import type { ActorAttribution, VariantAttribution } from '../core/analyses/attribution/types.js';
import { percent } from './format.js';
import { hoverHtml } from './hover-html.js';

/** The normal quantile of a two-sided 95% interval (the CLI's Z95, src/core/stats/wilson.ts). */
export const Z95 = 1.96;

/** One bar of an interval chart: a value with its 95% interval, and what its hover says. */
export interface IntervalBar {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** value ∓ Z95 · se; equal to value where there is no noise. */
  readonly lo: number;
  readonly hi: number;
  readonly se: number;
  /** A second mark on the same row (the marginal value of an actor), if any. */
  readonly marker?: number;
  readonly hover: readonly string[];
}

export interface ActorBar extends IntervalBar {
  readonly bloc: string;
  readonly marginal: number;
  readonly marginalSe: number;
  readonly owen: number;
  /** φ_a / (v(N) − v(∅)), undefined when the partners add nothing. */
  readonly share: number | undefined;
}

/**
 * The noise of an actor's Shapley value: its `se` (trials and random orders, sampled method), or for the
 * exact method (whose `se` is 0 by the §7 convention) the trials' Monte Carlo error `trialSe`.
 */
export function shapleyNoise(a: ActorAttribution): number {
  return a.se > 0 ? a.se : (a.trialSe ?? 0);
}

/** Every player's Shapley value with its 95% interval and marginal value, largest Shapley first. */
export function shapleyBars(a: VariantAttribution, names: ReadonlyMap<string, string>): ActorBar[] {
  const added = a.check.vN - a.check.vEmpty;
  const bars = a.actors.map((x): ActorBar => {
    const se = shapleyNoise(x);
    const name = names.get(x.actor);
    const label = name === undefined || name === x.actor ? x.actor : `${x.actor} · ${name}`;
    const share = added > 0 ? x.shapley / added : undefined;
    return {
      id: x.actor,
      label: x.actor,
      value: x.shapley,
      lo: x.shapley - Z95 * se,
      hi: x.shapley + Z95 * se,
      se,
      marker: x.marginal,
      bloc: x.bloc,
      marginal: x.marginal,
      marginalSe: x.marginalSe,
      owen: x.owen,
      share,
      hover: [
        `${label} (bloc ${x.bloc})`,
        `Shapley ${valuePoints(x.shapley)}${se > 0 ? `, 95% ${valuePoints(x.shapley - Z95 * se)} to ${valuePoints(x.shapley + Z95 * se)}` : ''}`,
        ...(share === undefined ? [] : [`${percent(share)} of what the partners add`]),
        `marginal ${valuePoints(x.marginal)} (± ${valuePoints(Z95 * x.marginalSe)})`,
        `Owen ${valuePoints(x.owen)}`,
      ],
    };
  });
  // Array.prototype.sort is stable: equal values keep the plan's order.
  return bars.sort((p, q) => q.value - p.value);
}

/** The blocs' Owen values with their 95% intervals, largest first; members by Owen value in the hover. */
export function blocBars(a: VariantAttribution): IntervalBar[] {
  const owenOf = new Map(a.actors.map((x) => [x.actor, x.owen] as const));
  const added = a.check.vN - a.check.vEmpty;
  const bars = a.blocs.map((b): IntervalBar => {
    const members = [...b.actors].sort((x, y) => (owenOf.get(y) ?? 0) - (owenOf.get(x) ?? 0));
    return {
      id: b.bloc,
      label: b.bloc,
      value: b.owen,
      lo: b.owen - Z95 * b.se,
      hi: b.owen + Z95 * b.se,
      se: b.se,
      hover: [
        `bloc ${b.bloc}: Owen ${valuePoints(b.owen)}${b.se > 0 ? ` ± ${valuePoints(Z95 * b.se)} (95%)` : ''}`,
        ...(added > 0 ? [`${percent(b.owen / added)} of what the partners add`] : []),
        `members: ${members.join(', ')}`,
      ],
    };
  });
  return bars.sort((p, q) => q.value - p.value);
}

export interface EfficiencyCheck {
  readonly sumShapley: number;
  readonly vN: number;
  readonly vEmpty: number;
  /** Σφ − (v(N) − v(∅)): zero up to rounding (MODEL.md §5). */
  readonly residual: number;
  readonly holds: boolean;
}

/** Σφ = v(N) − v(∅), as the document's check reports it. */
export function efficiencyCheck(a: VariantAttribution): EfficiencyCheck {
  const { sumShapley, vN, vEmpty } = a.check;
  const residual = sumShapley - (vN - vEmpty);
  return { sumShapley, vN, vEmpty, residual, holds: Math.abs(residual) < 1e-6 };
}

/** A value difference in points with one decimal: 0.2492 → "24.9 points", −0.0004 → "−0.04 points". */
export function valuePoints(x: number): string {
  const p = x * 100;
  const a = Math.abs(p);
  const text = a >= 1 || a === 0 ? a.toFixed(1) : a.toPrecision(1);
  return `${p < 0 && Number(text) !== 0 ? '−' : ''}${text} points`;
}

/**
 * A horizontal bar chart of values with 95% error bars (ECharts: a bar series, a custom series for the
 * error bars, and an optional scatter of markers), first bar on top.
 */
export function intervalBarOption(
  bars: readonly IntervalBar[],
  names: { readonly value: string; readonly marker?: string },
): EChartsOption {
  const categories = bars.map((b) => b.label);
  const hasMarker = names.marker !== undefined && bars.some((b) => b.marker !== undefined);
  return {
    animation: false,
    grid: { left: 8, right: 24, top: hasMarker ? 32 : 12, bottom: 28, containLabel: true },
    legend: hasMarker ? { top: 0, data: [names.value, '95% interval', names.marker ?? ''] } : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number }) : undefined;
        const bar = bars[first?.dataIndex ?? -1];
        return bar === undefined ? '' : hoverHtml(bar.hover);
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}` },
      name: 'points of value',
      nameLocation: 'middle',
      nameGap: 22,
    },
    yAxis: { type: 'category', data: categories, inverse: true, axisTick: { show: false } },
    series: [
      {
        name: names.value,
        type: 'bar',
        data: bars.map((b) => b.value),
        barMaxWidth: 18,
        itemStyle: { color: '#1f5fbf' },
      },
      {
        name: '95% interval',
        type: 'custom',
        data: bars.map((b, i) => [i, b.lo, b.hi]),
        encode: { x: [1, 2], y: 0 },
        z: 3,
        itemStyle: { color: '#1d2430' },
        renderItem: (_params, api) => {
          const y = api.value(0) as number;
          const lo = api.coord([api.value(1), y]) as number[];
          const hi = api.coord([api.value(2), y]) as number[];
          const cap = 5;
          const style = { stroke: '#1d2430', lineWidth: 1.5 };
          const [x0 = 0, y0 = 0] = lo;
          const [x1 = 0] = hi;
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: x0, y1: y0, x2: x1, y2: y0 }, style },
              { type: 'line', shape: { x1: x0, y1: y0 - cap, x2: x0, y2: y0 + cap }, style },
              { type: 'line', shape: { x1: x1, y1: y0 - cap, x2: x1, y2: y0 + cap }, style },
            ],
          };
        },
      },
      ...(hasMarker
        ? [
            {
              name: names.marker ?? '',
              type: 'scatter' as const,
              symbol: 'diamond',
              symbolSize: 9,
              z: 4,
              itemStyle: { color: '#a86500' },
              data: bars.map((b, i) => [b.marker ?? null, i]),
            },
          ]
        : []),
    ],
  };
}

/** Height in pixels for a horizontal bar chart of `n` rows. */
export function barChartHeight(n: number, legend = false): number {
  return Math.max(160, n * 22 + (legend ? 72 : 48));
}
