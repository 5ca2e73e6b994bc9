/**
 * Shaping of a burden-sharing proposal (the `optimize` document, MODEL.md §6) for the dashboard's
 * Attribution & gaps view and the briefing report, as pure functions (burden-chart.test.ts): extra
 * units and cost against the GDP-fair share per partner (with its ECharts option), and the
 * re-assessment before and after the proposal that the document carries.
 */

import type { EChartsOption as EChartOption } from 'echarts';
import type { AssessedState, BurdenReport } from '../core/analyses/burden/burden-report.js';
import { money, percent, percentRange, points } from './format.js';
import { hoverHtml } from './hover-html.js';

export interface CostRow {
  /** An actor id, or "n others" for the partners who add nothing. */
  readonly label: string;
  readonly actors: readonly string[];
  readonly cost: number;
  readonly fairShare: number;
  readonly gdpShare: number;
  /** cost − fair share. */
  readonly difference: number;
  /** What the partner adds: "2 × sam-medium (US$360 m)". */
  readonly additions: readonly {
    readonly capability: string;
    readonly units: number;
    readonly cost: number;
  }[];
}

/**
 * Partners who pay, highest cost first, then one row for all who add nothing (their fair shares summed),
 * as the CLI's table has it: 26 bars of zero say less than one row.
 */
export function costRows(report: BurdenReport): CostRow[] {
  const paying = report.costs
    .filter((c) => c.cost > 0)
    .map(
      (c): CostRow => ({
        label: c.actor,
        actors: [c.actor],
        cost: c.cost,
        fairShare: c.fairShare,
        gdpShare: c.gdpShare,
        difference: c.cost - c.fairShare,
        additions: report.allocation
          .filter((a) => a.actor === c.actor)
          .map((a) => ({ capability: a.capability, units: a.units, cost: a.cost })),
      }),
    )
    .sort((a, b) => b.cost - a.cost);
  const others = report.costs.filter((c) => c.cost === 0);
  if (others.length === 0) return paying;
  const fairShare = others.reduce((s, c) => s + c.fairShare, 0);
  return [
    ...paying,
    {
      label: `${others.length} ${others.length === 1 ? 'other' : 'others'} (nothing to add)`,
      actors: others.map((c) => c.actor),
      cost: 0,
      fairShare,
      gdpShare: others.reduce((s, c) => s + c.gdpShare, 0),
      difference: -fairShare,
      additions: [],
    },
  ];
}

/** Cost against fair share per row: two bars a row, first row on top, money on the axis. */
export function costOption(rows: readonly CostRow[], currency: string | undefined): EChartOption {
  const hover = (i: number): string => {
    const r = rows[i];
    if (r === undefined) return '';
    return hoverHtml([
      r.label,
      `cost ${money(r.cost, currency)}`,
      `fair share ${money(r.fairShare, currency)} (${percent(r.gdpShare)} of the partners' GDP × the total cost)`,
      `difference ${signedMoney(r.difference, currency)}`,
      ...(r.actors.length > 1 ? [r.actors.join(', ')] : []),
    ]);
  };
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 28, containLabel: true },
    legend: { top: 0, data: ['cost', 'fair share'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) =>
        hover(Array.isArray(params) ? ((params[0] as { dataIndex?: number }).dataIndex ?? -1) : -1),
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v, currency) } },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true, axisTick: { show: false } },
    series: [
      { name: 'cost', type: 'bar', data: rows.map((r) => r.cost), itemStyle: { color: '#1f5fbf' } },
      {
        name: 'fair share',
        type: 'bar',
        data: rows.map((r) => r.fairShare),
        itemStyle: { color: '#9fb7dc' },
      },
    ],
  };
}

/** "+US$1.2 bn", "−US$40 m", "US$0" for floating-point dust. */
export function signedMoney(x: number, currency: string | undefined): string {
  if (Math.abs(x) < 1e-6) return money(0, currency);
  return x > 0 ? `+${money(x, currency)}` : money(x, currency);
}

export interface ReassessmentRow {
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly change: string;
  readonly hover: string;
}

const VERDICT: Record<AssessedState['verdict'], string> = {
  enough: 'enough',
  'not-enough': 'not enough',
  borderline: 'borderline',
};

/**
 * The variant as planned and with the proposal's units added (same trials and seed, so the same draws):
 * its value, each scenario's pHold with the Wilson interval, and the verdict against the target.
 */
export function reassessmentRows(report: BurdenReport): ReassessmentRow[] {
  const { before, after } = report.reassessment;
  const target = percent(report.settings.target);
  const rows: ReassessmentRow[] = [
    {
      label: 'value',
      before: percent(before.value),
      after: percent(after.value),
      change: points(after.value - before.value),
      hover: 'weighted mean of the scenarios’ pHold (MODEL.md §4)',
    },
  ];
  for (const s of before.scenarios) {
    const a = after.scenarios.find((x) => x.id === s.id);
    rows.push({
      label: s.id,
      before: `${percent(s.pHold)} (${percentRange(s.ci95[0], s.ci95[1])})`,
      after: a === undefined ? '–' : `${percent(a.pHold)} (${percentRange(a.ci95[0], a.ci95[1])})`,
      change: a === undefined ? '–' : points(a.pHold - s.pHold),
      hover: `pHold of ${s.id} with its Wilson 95% interval`,
    });
  }
  rows.push({
    label: 'verdict',
    before: `${VERDICT[before.verdict]} (${before.reached}/${before.scenarios.length} at ${target})`,
    after: `${VERDICT[after.verdict]} (${after.reached}/${after.scenarios.length} at ${target})`,
    change: '',
    hover: `scenarios whose pHold reaches the target ${target}`,
  });
  return rows;
}
