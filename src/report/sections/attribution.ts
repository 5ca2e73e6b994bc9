/**
 * Section 4, whose pledge matters and who should fill the gaps (DESIGN.md questions 4 and 5): the
 * Shapley values of the deep-dive variant(s) with ±1.96·se error bars (the dashboard's chart), and the
 * burden-sharing proposal (`optimize`, MODEL.md §6): extra units, cost against the GDP-fair share, and
 * the variant before and after.
 */
import { costOption, costRows, reassessmentRows, signedMoney } from '../../charts/burden-chart.js';
import { money, percent, units } from '../../charts/format.js';
import {
  barChartHeight,
  efficiencyCheck,
  intervalBarOption,
  shapleyBars,
  valuePoints,
} from '../../charts/interval-bars.js';
import type { BurdenReport } from '../../core/analyses/burden/burden-report.js';
import type { Plan } from '../../core/plan/types.js';
import { type DeepDive, isUnavailable } from '../report-data.js';
import { type Block, chart, heading, paragraph, type Section, table } from '../report-document.js';

export function attributionSection(plan: Plan, deep: readonly DeepDive[]): Section {
  const names = new Map(plan.actors.map((a) => [a.id, a.name] as const));
  const blocks: Block[] = [];
  for (const d of deep) {
    const a = d.attribution;
    const bars = shapleyBars(a, names);
    const check = efficiencyCheck(a);
    blocks.push(
      heading(`Whose pledge matters most — ${d.variant}`),
      paragraph(
        `Shapley value: each partner's average contribution to the variant's value over every order in ` +
          `which partners could join (MODEL.md §5), ${a.method === 'exact' ? 'computed over all coalitions' : 'estimated from random orders'} ` +
          `with ${a.trials.toLocaleString('en-GB')} trials; bars show ±1.96 standard errors. Together the ` +
          `partners add ${valuePoints(check.vN - check.vEmpty)} of value (${percent(check.vEmpty)} without ` +
          `any partner, ${percent(check.vN)} with all).`,
      ),
      chart(
        `attribution-${d.variant}`,
        `Shapley value of each partner in ${d.variant}, points of value, with 95% error bars and the marginal value`,
        intervalBarOption(bars, { value: 'Shapley value', marker: 'marginal value' }),
        barChartHeight(bars.length, true),
      ),
      table({
        head: ['partner', 'bloc', 'Shapley (95%)', 'share of what partners add', 'marginal', 'Owen'],
        rows: bars.map((b) => [
          `${b.id} · ${names.get(b.id) ?? b.id}`,
          b.bloc,
          `${valuePoints(b.value)}${b.se > 0 ? ` (${valuePoints(b.lo)} to ${valuePoints(b.hi)})` : ''}`,
          b.share === undefined ? '–' : percent(b.share),
          valuePoints(b.marginal),
          valuePoints(b.owen),
        ]),
        numeric: [2, 3, 4, 5],
      }),
    );
    blocks.push(...burdenBlocks(d.variant, d.burden, plan.currency));
  }
  return { id: 'attribution', title: '4. Who matters, and who should fill the gaps', blocks };
}

function burdenBlocks(
  variant: string,
  burden: BurdenReport | { unavailable: string },
  currency: string | undefined,
): Block[] {
  const title = heading(`Burden sharing against GDP fair shares — ${variant}`);
  if (isUnavailable(burden)) {
    return [title, paragraph(`No burden-sharing proposal for this plan: ${burden.unavailable}`)];
  }
  const rows = costRows(burden);
  const additions = burden.allocation.map((x) => [
    x.actor,
    `${units(x.units)} × ${x.capability}`,
    money(x.cost, currency),
  ]);
  return [
    title,
    paragraph(
      `The cheapest use of the partners' spare capacity that closes the gaps at the ` +
        `${percent(burden.settings.target)} target, penalising costs away from each partner's GDP share ` +
        `(fairness λ = ${burden.settings.fairness}; MODEL.md §6). Total cost ${money(burden.totalCost, currency)}.`,
    ),
    ...(additions.length === 0
      ? [paragraph('Nothing to add: no gap that spare capacity can close.')]
      : [table({ head: ['partner', 'adds', 'cost'], rows: additions, numeric: [2] })]),
    chart(
      `burden-${variant}`,
      `Cost of the proposal per partner against its GDP-fair share, ${variant}`,
      costOption(rows, currency),
      barChartHeight(rows.length * 2, true),
    ),
    table({
      head: ['partner', 'cost', 'fair share', 'GDP share', 'difference'],
      rows: rows.map((r) => [
        r.label,
        money(r.cost, currency),
        money(r.fairShare, currency),
        percent(r.gdpShare),
        signedMoney(r.difference, currency),
      ]),
      numeric: [1, 2, 3, 4],
    }),
    table({
      caption: 'The variant as planned and with the proposal (same trials and seed)',
      head: ['', 'as planned', 'with the proposal', 'change'],
      rows: reassessmentRows(burden).map((r) => [r.label, r.before, r.after, r.change]),
    }),
    ...(burden.infeasible.length === 0
      ? []
      : [
          paragraph(
            `Spare capacity cannot close: ${burden.infeasible
              .map((x) => `${x.scenario}/${x.domain} (gap ${units(x.gap)}, reachable ${units(x.reachable)})`)
              .join('; ')}.`,
          ),
        ]),
  ];
}
