/**
 * "Is it enough?" as one chart, for the dashboard's Overview and the briefing report's bottom line: per
 * scenario (a row) and variant (a series), the share of trials in which the scenario holds with its
 * Wilson 95% interval, against the plan's target (MODEL.md §4, §7).
 */
import type { EChartsOption } from 'echarts';
import type { VariantResult } from '../core/engine/result-types.js';
import { percent } from './format.js';
import { intervalChartOption } from './interval-chart.js';
import { holdsText } from './verdict-text.js';

export function holdsChartOption(variants: readonly VariantResult[], target: number): EChartsOption {
  const rows = variants[0]?.scenarios.map((s) => s.id) ?? [];
  return intervalChartOption({
    rows,
    series: variants.map((v) => ({
      name: v.id,
      points: v.scenarios.map((s) => ({
        row: s.id,
        estimate: s.pHold,
        lo: s.ci95[0],
        hi: s.ci95[1],
        tip: `${s.title}: holds in ${holdsText(s.pHold, s.ci95)} of trials`,
      })),
    })),
    reference: { value: target, label: `target ${percent(target)}` },
    axisName: 'share of trials in which the scenario holds',
    axisFormat: percent,
    min: 0,
    max: 1,
  });
}
