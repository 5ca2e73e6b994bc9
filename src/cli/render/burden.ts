/**
 * The human form of a burden-sharing proposal (`guarantor optimize`): who adds what, each partner's
 * cost against its GDP-fair share, the gaps nobody can close, what one more unit of power would cost,
 * and whether the proposal works when the plan is re-assessed with it. Fits a 100-column terminal.
 */
import type { AssessedState, BurdenReport } from '../../core/analyses/burden/burden-report.js';
import type { Plan } from '../../core/plan/types.js';
import { VERDICT_LABEL } from '../../core/views/verdict.js';
import { formatAmount, formatPercent, formatProbability, plural, truncate, width } from './format.js';
import { renderTable } from './table.js';
import { joinWrapped, wrapText } from './wrap.js';

export interface RenderOptions {
  /** Terminal columns to fit; default 100. */
  readonly width?: number;
}

export function renderBurden(doc: BurdenReport, plan: Plan, options: RenderOptions = {}): string {
  const maxWidth = options.width ?? 100;
  const money = (x: number) => formatMoney(x, doc.currency);
  const { settings } = doc;
  const target = formatPercent(settings.target);
  const lines: string[] = [];
  lines.push(
    ...wrapText(
      `Burden sharing — ${doc.variant}: who adds what to close the gaps at ${target}, fairly (MODEL.md §6)`,
      '',
      '  ',
      maxWidth,
    ),
  );
  lines.push(
    ...joinWrapped(
      [
        plural(settings.trials, 'trial'),
        `seed ${settings.seed}`,
        `fairness λ = ${formatAmount(settings.fairness)}`,
        `a new unit counts at β(${settings.newPledgeBindingness}) ${formatAmount(settings.beta)} × reliability`,
      ],
      ' · ',
      '',
      maxWidth,
    ),
  );

  lines.push('');
  if (doc.allocation.length === 0) {
    lines.push(
      doc.shadowPrices.length === 0 && doc.infeasible.length === 0
        ? `Nothing to add: no scenario of ${doc.variant} has a gap at ${target}.`
        : 'Nothing to add: spare capacity can close none of the gaps.',
    );
  } else {
    lines.push(
      ...wrapText(`Proposed extra units — the integer optimum, by ${doc.solver.name}`, '', '  ', maxWidth),
    );
    const names = new Map(plan.capabilities.map((c) => [c.id, c.name] as const));
    const rows = doc.allocation.map((a) => [
      a.actor,
      a.capability,
      String(a.units),
      money(a.cost),
      names.get(a.capability) ?? '',
    ]);
    rows.push([
      'total',
      '',
      String(doc.allocation.reduce((n, a) => n + a.units, 0)),
      money(doc.totalCost),
      '',
    ]);
    // The capability's name goes last, cut to what the terminal leaves it.
    const fixed = renderTable(
      [{ header: 'actor' }, { header: 'capability' }, { header: 'units' }, { header: 'cost' }],
      rows.map((r) => r.slice(0, 4)),
    ).reduce((w, line) => Math.max(w, width(line)), 0);
    const room = Math.max(10, maxWidth - 2 - fixed - 2);
    lines.push(
      ...renderTable(
        [
          { header: 'actor' },
          { header: 'capability' },
          { header: 'units', align: 'right' },
          { header: 'cost', align: 'right' },
          { header: '' },
        ],
        rows.map((r) => [...r.slice(0, 4), truncate(r[4] ?? '', room)]),
        { indent: '  ' },
      ),
    );
    lines.push('', ...costLines(doc, money, maxWidth));
  }

  if (doc.infeasible.length > 0) {
    lines.push('', 'Gaps no spare capacity can close (left out of the optimisation)');
    lines.push(
      ...renderTable(
        [
          { header: 'scenario' },
          { header: 'domain' },
          { header: 'gap', align: 'right' },
          { header: 'all spare adds', align: 'right' },
        ],
        doc.infeasible.map((g) => [g.scenario, g.domain, formatAmount(g.gap), formatAmount(g.reachable)]),
        { indent: '  ' },
      ),
    );
  }

  if (doc.shadowPrices.length > 0) {
    lines.push(
      '',
      ...wrapText(
        'Shadow prices: what one more unit of power would add to the objective (cost + λ × unfairness), ' +
          'from the LP relaxation (integrality dropped)',
        '',
        '  ',
        maxWidth,
      ),
    );
    lines.push(
      ...renderTable(
        [
          { header: 'scenario' },
          { header: 'domain' },
          { header: 'gap', align: 'right' },
          { header: 'added (expected)', align: 'right' },
          { header: 'price / power', align: 'right' },
        ],
        doc.shadowPrices.map((p) => [
          p.scenario,
          p.domain,
          formatAmount(p.gap),
          formatAmount(p.expectedPower),
          money(p.price),
        ]),
        { indent: '  ' },
      ),
    );
    if (doc.shadowPrices.some((p) => p.price === 0)) {
      lines.push(
        ...wrapText(
          'A price of 0: the row does not bind — new units answer every scenario, so a larger gap in the ' +
            'same domain decides, or the units bought for it already cover more.',
          '  ',
          '  ',
          maxWidth,
        ),
      );
    }
  }

  lines.push('', ...reassessmentLines(doc, maxWidth));
  return `${lines.join('\n')}\n`;
}

/** Each partner's cost against w_a·C: those who pay, then one line for those who add nothing. */
function costLines(doc: BurdenReport, money: (x: number) => string, maxWidth: number): string[] {
  const paying = doc.costs.filter((c) => c.cost > 0);
  const others = doc.costs.filter((c) => c.cost === 0);
  const rows = paying.map((c) => [
    c.actor,
    formatPercent(c.gdpShare),
    money(c.cost),
    money(c.fairShare),
    signed(c.cost - c.fairShare, money),
  ]);
  if (others.length > 0) {
    const share = others.reduce((s, c) => s + c.gdpShare, 0);
    const fair = others.reduce((s, c) => s + c.fairShare, 0);
    rows.push([
      `${plural(others.length, 'other')} (nothing to add)`,
      formatPercent(share),
      money(0),
      money(fair),
      signed(-fair, money),
    ]);
  }
  return [
    ...wrapText(
      'Cost per partner against its fair share (its share of the partners’ GDP × the total cost)',
      '',
      '  ',
      maxWidth,
    ),
    ...renderTable(
      [
        { header: 'actor' },
        { header: 'GDP share', align: 'right' },
        { header: 'cost', align: 'right' },
        { header: 'fair share', align: 'right' },
        { header: 'difference', align: 'right' },
      ],
      rows,
      { indent: '  ' },
    ),
    ...wrapText(
      `objective ${money(doc.objective)} = cost ${money(doc.totalCost)} + λ ${formatAmount(doc.settings.fairness)}` +
        ` × Σ|cost − fair share| ${money(doc.unfairness)}`,
      '  ',
      '    ',
      maxWidth,
    ),
  ];
}

function reassessmentLines(doc: BurdenReport, maxWidth: number): string[] {
  const { before, after, pledges } = doc.reassessment;
  const target = formatPercent(doc.settings.target);
  const first = pledges[0];
  const head =
    first === undefined
      ? 'Does it work? Nothing was added, so the plan stands as assessed:'
      : `Does it work? The plan re-assessed with these units as new ${first.posture} pledges ` +
        `(${first.bindingness}, ${first.status}), same draws:`;
  const lines = wrapText(head, '', '  ', maxWidth);
  const rows = [
    ['value', before.value.toFixed(2), after.value.toFixed(2)],
    ...before.scenarios.map((s) => {
      const a = after.scenarios.find((x) => x.id === s.id);
      return [
        s.id,
        formatProbability(s.pHold, s.ci95),
        a === undefined ? '—' : formatProbability(a.pHold, a.ci95),
      ];
    }),
    ['verdict', verdictCell(before, target), verdictCell(after, target)],
  ];
  lines.push(
    ...renderTable([{ header: '' }, { header: 'before' }, { header: 'after' }], rows, { indent: '  ' }),
  );
  lines.push('', ...wrapText(doc.reassessment.note, 'note: ', '  ', maxWidth));
  return lines;
}

function verdictCell(state: AssessedState, target: string): string {
  return `${VERDICT_LABEL[state.verdict]} (${state.reached}/${state.scenarios.length} at ${target})`;
}

function signed(x: number, money: (x: number) => string): string {
  // Floating-point dust (9 − 0.75 × 12) is no difference.
  if (Math.abs(x) < 1e-9) return money(0);
  return x > 0 ? `+${money(x)}` : `−${money(-x)}`;
}

/** `USD 2.2bn`, `EUR 450m`, `14` (no currency): money a reader takes in at a glance. */
export function formatMoney(x: number, currency?: string): string {
  const a = Math.abs(x);
  const [scaled, suffix] =
    a >= 1e12 ? [x / 1e12, 'trn'] : a >= 1e9 ? [x / 1e9, 'bn'] : a >= 1e6 ? [x / 1e6, 'm'] : [x, ''];
  const amount = `${formatAmount(scaled)}${suffix}`;
  return currency === undefined ? amount : `${currency} ${amount}`;
}
