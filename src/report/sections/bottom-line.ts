/**
 * Section 1, the bottom line (DESIGN.md question 3, "is it enough?"): per variant its value, the weakest
 * scenario and the verdict against the target — core's `verdict`, the rule the CLI and the dashboard use
 * — in one sentence each, the headline across variants, and the holds chart.
 */
import { percent, percentRange } from '../../charts/format.js';
import { holdsChartOption } from '../../charts/holds-chart.js';
import { headlineSentence, verdictSentence } from '../../charts/verdict-text.js';
import type { Assessment } from '../../core/engine/result-types.js';
import { VERDICT_LABEL, verdict } from '../../core/views/verdict.js';
import { type Block, chart, paragraph, type Section, table } from '../report-document.js';

export function bottomLineSection(assessment: Assessment, deep: readonly string[]): Section {
  const target = assessment.settings.target;
  const headline = headlineSentence(assessment.variants);
  const rows = assessment.variants.map((v) => {
    const verdictOf = verdict(v, target);
    const w = verdictOf.weakest;
    return [
      v.id,
      percent(v.value),
      VERDICT_LABEL[verdictOf.kind],
      `${verdictOf.reached} of ${verdictOf.scenarios}`,
      w === undefined ? '–' : `${w.id}: ${percent(w.pHold)} (${percentRange(w.ci95[0], w.ci95[1])})`,
    ];
  });
  const scenarios = assessment.variants[0]?.scenarios.length ?? 0;
  const blocks: Block[] = [
    ...(headline === undefined ? [] : [paragraph(headline, true)]),
    ...assessment.variants.map((v) => paragraph(`${v.id} — ${verdictSentence(v, target)}`)),
    table({
      head: [
        'variant',
        'value',
        'verdict',
        `scenarios ≥ ${percent(target)}`,
        'weakest scenario (95% interval)',
      ],
      rows,
      numeric: [1],
    }),
    chart(
      'holds',
      `Share of trials in which each scenario holds, per variant, with 95% intervals, against the ${percent(target)} target`,
      holdsChartOption(assessment.variants, target),
      80 + scenarios * (16 + 14 * assessment.variants.length),
    ),
    paragraph(
      `The value of a variant is the weighted mean over the scenarios of the share of trials in which the ` +
        `scenario holds (MODEL.md §4). A verdict is ENOUGH when every scenario's 95% interval is at or above ` +
        `the target, NOT ENOUGH when some interval lies wholly below it, BORDERLINE otherwise. ` +
        `The deep dive below covers ${deep.length === 1 ? 'the variant' : 'the variants'} ${deep.join(', ')}.`,
    ),
  ];
  return { id: 'bottom-line', title: '1. Bottom line', blocks };
}
