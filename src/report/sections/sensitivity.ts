/**
 * Section 5, what the verdict hangs on: the three assumptions whose stated low and high values move the
 * variant's value most (the tornado, on the same draws; the dashboard's chart, top three by swing), and
 * when the guarantee fails — the conditions that explain most failing trials of the weakest scenario
 * (the `failures` analysis).
 */
import { percent, percentRange, points } from '../../charts/format.js';
import { tornadoBars, tornadoOption } from '../../charts/sensitivity-charts.js';
import type { Failures } from '../../core/analyses/failures/failures.js';
import type { DeepDive } from '../report-data.js';
import { type Block, chart, heading, list, paragraph, type Section, table } from '../report-document.js';

/** How many assumptions the report shows (issue 6: "the three that move the verdict most"). */
export const TOP_ASSUMPTIONS = 3;

export function sensitivitySection(deep: readonly DeepDive[]): Section {
  const blocks: Block[] = [];
  for (const d of deep) {
    const doc = d.sensitivity;
    const t = tornadoBars(doc);
    const top = [...t.bars, ...t.small].slice(0, TOP_ASSUMPTIONS);
    const reaches = (x: number) => (x >= doc.target ? 'reaches' : 'misses');
    blocks.push(
      heading(`The assumptions that matter most — ${d.variant}`),
      paragraph(
        `Each assumption set to its stated low and high value, all else as planned, on the same ` +
          `${doc.trials.toLocaleString('en-GB')} trials (seed ${doc.seed}); the plan's value is ` +
          `${percent(doc.base)} against the ${percent(doc.target)} target.`,
      ),
    );
    if (top.length === 0) {
      blocks.push(paragraph('No assumption moves the value of this variant.'));
    } else {
      blocks.push(
        chart(
          `tornado-${d.variant}`,
          `Change of the value of ${d.variant} at each assumption's low and high value, the ${top.length} largest swings`,
          tornadoOption({ bars: top, small: [], still: [] }, doc.base),
          90 + top.length * 40,
        ),
        table({
          head: ['assumption', 'plan', 'at low', 'at high', 'swing'],
          rows: top.map((b) => [
            b.label,
            b.baseText,
            `${b.lowText}: ${percent(b.valueLow)} (${reaches(b.valueLow)} the target)`,
            `${b.highText}: ${percent(b.valueHigh)} (${reaches(b.valueHigh)} the target)`,
            points(b.swing).replace('+', ''),
          ]),
          numeric: [4],
        }),
      );
    }
    if (d.failures !== undefined) blocks.push(...failureBlocks(d.variant, d.failures));
  }
  return { id: 'sensitivity', title: '5. What it hangs on, and when it fails', blocks };
}

function failureBlocks(variant: string, f: Failures): Block[] {
  const title = heading(`When does it fail? ${f.scenario} under ${variant}`);
  const rate = `${f.scenario} fails in ${percent(f.failureRate)} of trials (${percentRange(f.ci95[0], f.ci95[1])}).`;
  if (f.rules.length === 0) {
    return [title, paragraph(`${rate} No simple condition explains its failures.`)];
  }
  return [
    title,
    paragraph(`${rate} The conditions that explain most failing trials, each after the ones before it:`),
    list(
      f.rules.map(
        (r) =>
          `${r.text}: ${percent(r.coverage)} of the failures (${percent(r.cumulativeCoverage)} so far); ` +
          `when it holds (in ${percent(r.support)} of all trials) the scenario fails ${percent(r.density)} of the time`,
      ),
    ),
  ];
}
