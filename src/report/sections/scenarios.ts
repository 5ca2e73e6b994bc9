/**
 * Section 3, per scenario (DESIGN.md questions 2 and 4): for each deep-dive variant and scenario, the
 * timeline chart of every threatened domain (p10/p50/p90 power bands against the requirement over the
 * days, the dashboard's chart) and the gap at the target in units a negotiator can ask for (core's
 * gapInUnits: capabilities made for the domain that the variant's actors can add).
 */
import { percent, units } from '../../charts/format.js';
import { domainArrivals, type LoosePlan } from '../../charts/pledge-arrivals.js';
import { domainBands, timelineOption } from '../../charts/timeline-chart.js';
import { holdsText } from '../../charts/verdict-text.js';
import type { Assessment } from '../../core/engine/result-types.js';
import type { Plan } from '../../core/plan/types.js';
import { gapInUnits } from '../../core/views/gap-units.js';
import { type Block, chart, heading, paragraph, type Section, table } from '../report-document.js';

export function scenariosSection(plan: Plan, assessment: Assessment, deep: readonly string[]): Section {
  const target = assessment.settings.target;
  const names = new Map(plan.capabilities.map((c) => [c.id, c] as const));
  // The validated plan is plan-format data with its defaults filled: the fields the markers read.
  const loose = plan as unknown as LoosePlan;
  const blocks: Block[] = [
    paragraph(
      `Per scenario: the power in each threatened domain, day by day — the band holds 80% of the trials ` +
        `(p10 to p90), the line is the median — against the requirement (dashed); triangles mark the ` +
        'median arrival day of pledges (an estimate for backstops, which are called when the power has ' +
        `fallen short for ${plan.settings.backstopTriggerDays} days). The gap is the least ` +
        `constant power that would make the domain hold in ${percent(target)} of trials (MODEL.md §4), ` +
        'in units of the capabilities that can close it.',
    ),
  ];
  for (const v of assessment.variants.filter((x) => deep.includes(x.id))) {
    for (const s of v.scenarios) {
      blocks.push(
        heading(`${s.title} (${s.id}) — ${v.id}: holds in ${holdsText(s.pHold, s.ci95)} of trials`),
      );
      const threatened = s.domains.filter((d) => d.threatened);
      for (const d of threatened) {
        blocks.push(
          chart(
            `timeline-${v.id}-${s.id}-${d.domain}`,
            `${s.id}, ${d.domain}, ${v.id}: power bands p10 to p90 and median against the requirement, by day, with pledge arrivals`,
            timelineOption(
              domainBands(d),
              domainArrivals(loose, v.id, s, d.domain, plan.settings.backstopTriggerDays).markers,
            ),
            260,
          ),
        );
      }
      blocks.push(
        table({
          head: ['domain', 'holds in', 'gap (power)', 'gap in units'],
          rows: threatened.map((d) => {
            const gap = gapInUnits(plan, v.actors, d.domain, d.gap);
            return [
              d.domain,
              percent(d.pHold),
              d.gap.power > 0 ? units(d.gap.power) : 'none',
              gap.length === 0
                ? '–'
                : gap
                    .slice(0, 3)
                    .map((g) => {
                      const c = names.get(g.capability);
                      return `${units(round1(g.units), c?.unit)} of ${c?.name ?? g.capability}`;
                    })
                    .join(' or '),
            ];
          }),
          numeric: [1, 2],
        }),
      );
    }
  }
  return { id: 'scenarios', title: '3. Scenarios: day by day, and the gaps', blocks };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
