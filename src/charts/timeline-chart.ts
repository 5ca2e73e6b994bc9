/**
 * The scenario timeline chart (DESIGN.md question 2, "what happens, day by day, if they come by sea?"),
 * shared by the dashboard and the briefing report: per domain of one scenario under one variant, the
 * power bands p10/p50/p90 against the requirement over the days (the assess document's bands, MODEL.md
 * §4), with pledge arrival markers on their median day (placed by pledge-arrivals.ts).
 */
import type { EChartsOption } from 'echarts';
import type { DomainResult } from '../core/engine/result-types.js';
import { day, units } from './format.js';
import { escapeHtml } from './interval-chart.js';

export interface DomainBands {
  readonly domain: string;
  readonly threatened: boolean;
  readonly days: readonly number[];
  readonly p10: readonly number[];
  readonly p50: readonly number[];
  readonly p90: readonly number[];
  /** p90 − p10 per day: the band's height when stacked on p10. */
  readonly spread: readonly number[];
  readonly requirement: readonly number[];
}

export function domainBands(d: DomainResult): DomainBands {
  const { p10, p50, p90 } = d.bands;
  return {
    domain: d.domain,
    threatened: d.threatened,
    days: p50.map((_, t) => t),
    p10,
    p50,
    p90,
    spread: p90.map((hi, t) => hi - (p10[t] ?? 0)),
    requirement: d.requirement,
  };
}

export interface ArrivingPledge {
  readonly id: string;
  readonly actor: string;
  readonly actorName: string;
  readonly capability: string;
  readonly capabilityName: string;
  readonly unit?: string;
  /** Undefined for production pledges (their units come from funding). */
  readonly quantity?: number;
  readonly posture: string;
  readonly readinessDays: number;
  /** Median arrival day; undefined for a backstop the median path never calls. */
  readonly day?: number;
  /** True for a backstop: the day is an estimate from the median path. */
  readonly estimated: boolean;
}

export interface ArrivalMarker {
  readonly day: number;
  readonly estimated: boolean;
  readonly pledges: readonly ArrivingPledge[];
}

/** "from funding" for a production pledge, else its quantity in its unit. */
export function quantityText(p: ArrivingPledge): string {
  return p.quantity === undefined ? 'from funding' : units(p.quantity, p.unit);
}

/** One line of a marker's hover: "p1 · France (FRA) · 2 brigades · Mechanised brigade". */
export function pledgeLine(p: ArrivingPledge): string {
  return `${p.id} · ${p.actorName} (${p.actor}) · ${quantityText(p)} · ${p.capabilityName}`;
}

/** ECharts: the p10–p90 band stacked on p10, the median, the requirement, and arrival markers at 0. */
export function timelineOption(b: DomainBands, markers: readonly ArrivalMarker[] = []): EChartsOption {
  const at = new Map<number, ArrivalMarker[]>();
  for (const m of markers) at.set(m.day, [...(at.get(m.day) ?? []), m]);
  const fmt = (x: number | undefined) => (x === undefined ? '–' : units(x));
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    legend: { top: 0, data: ['p10–p90', 'median (p50)', 'requirement', 'pledge arrivals'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const t = first?.dataIndex ?? 0;
        const lines = [
          `<strong>${escapeHtml(day(t))}</strong>`,
          `median ${fmt(b.p50[t])} (p10–p90 ${fmt(b.p10[t])}–${fmt(b.p90[t])})`,
          `requirement ${fmt(b.requirement[t])}`,
          ...(at.get(t) ?? []).flatMap((m) =>
            m.pledges.map(
              (p) => `${m.estimated ? '≈ arrives (backstop): ' : 'arrives: '}${escapeHtml(pledgeLine(p))}`,
            ),
          ),
        ];
        return lines.join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: b.days.map(String),
      name: 'day',
      nameLocation: 'middle',
      nameGap: 24,
      boundaryGap: false,
    },
    yAxis: { type: 'value', name: `${b.domain} power`, min: 0 },
    series: [
      {
        name: 'p10',
        type: 'line',
        data: [...b.p10],
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
      },
      {
        name: 'p10–p90',
        type: 'line',
        data: [...b.spread],
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(31, 95, 191, 0.22)' },
        itemStyle: { color: 'rgba(31, 95, 191, 0.5)' },
      },
      {
        name: 'median (p50)',
        type: 'line',
        data: [...b.p50],
        symbol: 'none',
        lineStyle: { width: 2, color: '#1f5fbf' },
        itemStyle: { color: '#1f5fbf' },
      },
      {
        name: 'requirement',
        type: 'line',
        data: [...b.requirement],
        symbol: 'none',
        lineStyle: { width: 2, type: 'dashed', color: '#b3261e' },
        itemStyle: { color: '#b3261e' },
      },
      {
        name: 'pledge arrivals',
        type: 'scatter',
        symbol: 'triangle',
        symbolSize: 12,
        itemStyle: { color: '#1b7a3d' },
        data: markers.map((m) => ({
          value: [String(m.day), 0],
          itemStyle: m.estimated ? { color: '#a86500' } : {},
        })),
      },
    ],
  };
}
