/**
 * The human form of a timeline (`guarantor timeline`): "what happens, day by day, if they come by
 * sea?" — per domain the power bands against the requirement on the days where something changes,
 * then the pledges with how often they act and when they arrive, then the outcome.
 */
import type { DomainResult, VariantResult } from '../../core/engine/result-types.js';
import type { PledgeArrival, Timeline } from '../../core/engine/timeline.js';
import type { Plan } from '../../core/plan/types.js';
import { type KeyDay, timelineKeyDays } from '../../core/views/timeline-days.js';
import { gapText } from './assessment.js';
import {
  formatAmount,
  formatCount,
  formatPercent,
  formatProbability,
  formatShare,
  truncate,
  width,
} from './format.js';
import { renderTable } from './table.js';
import { wrapText } from './wrap.js';

export function renderTimeline(t: Timeline, plan: Plan, maxWidth = 100): string {
  const s = t.scenario;
  const target = plan.settings.target;
  const lines = [
    ...wrapText(`Timeline — ${s.id}: ${s.title}`, '', '  ', maxWidth),
    `variant ${t.variant} · ${formatCount(t.trials)} trials · seed ${t.seed} · ` +
      `holds in ${formatProbability(s.pHold, s.ci95)} of trials (target ${formatPercent(target)})`,
    '',
    'Power by day: p10 / p50 / p90 of the trials against the requirement (req);',
    '  ! = median power below the requirement. Only days where something changes are shown.',
    ...dayTable(t, maxWidth),
    '',
    `Pledges that can act in ${s.id} under ${t.variant}, earliest median arrival first`,
    ...pledgeTable(t.pledges, maxWidth),
    '',
    `Outcome: the defence holds in ${formatProbability(s.pHold, s.ci95)} of trials`,
    ...outcome(t, plan, maxWidth),
  ];
  return `${lines.join('\n')}\n`;
}

/** The day table; with more domains than fit side by side, one table per group of domains. */
function dayTable(t: Timeline, maxWidth: number): string[] {
  const days = timelineKeyDays(t);
  const layout = dayLayout(t, days);
  // Leave room for a short "what changes" column beside the first group.
  const perGroup = Math.max(1, Math.floor((maxWidth - 2 - layout.dayWidth - 14) / (3 + layout.blockWidth)));
  const out: string[] = [];
  const domains = t.scenario.domains;
  for (let i = 0; i < domains.length; i += perGroup) {
    if (i > 0) out.push('');
    out.push(...dayGroup(t, days, domains.slice(i, i + perGroup), layout, i === 0, maxWidth));
  }
  return out;
}

interface DayLayout {
  readonly numberWidth: number;
  readonly dayWidth: number;
  readonly blockWidth: number;
}

function dayLayout(t: Timeline, days: readonly KeyDay[]): DayLayout {
  const numberWidth = Math.max(
    3,
    ...days.flatMap((k) => t.scenario.domains.flatMap((d) => dayValues(d, k.day).map(width))),
  );
  const dayWidth = Math.max(3, String(t.scenario.horizonDays - 1).length);
  return { numberWidth, dayWidth, blockWidth: numberWidth * 4 + 3 + 2 };
}

function dayValues(d: DomainResult, day: number): string[] {
  return [d.bands.p10[day], d.bands.p50[day], d.bands.p90[day], d.requirement[day]].map((x) =>
    formatLevel(x ?? 0),
  );
}

function dayGroup(
  t: Timeline,
  days: readonly KeyDay[],
  domains: readonly DomainResult[],
  { numberWidth, dayWidth, blockWidth }: DayLayout,
  withChanges: boolean,
  maxWidth: number,
): string[] {
  const block = (cells: readonly string[], mark: string) =>
    `   ${cells.map((c) => c.padStart(numberWidth)).join(' ')} ${mark || ' '}`;
  const out = [
    `  ${' '.repeat(dayWidth)}${domains.map((d) => `   ${d.domain.padEnd(blockWidth)}`).join('')}`.trimEnd(),
    `  ${'day'.padStart(dayWidth)}${domains.map(() => block(['p10', 'p50', 'p90', 'req'], '')).join('')}${withChanges ? '  what changes' : ''}`.trimEnd(),
  ];
  const numbersWidth = 2 + dayWidth + domains.length * (3 + blockWidth);
  for (const k of days) {
    const row =
      `  ${String(k.day).padStart(dayWidth)}` +
      domains
        .map((d) =>
          block(dayValues(d, k.day), (d.bands.p50[k.day] ?? 0) < (d.requirement[k.day] ?? 0) ? '!' : ''),
        )
        .join('');
    const changes = withChanges ? changesText(k, t) : '';
    if (numbersWidth + 2 + width(changes) <= maxWidth) out.push(`${row}  ${changes}`.trimEnd());
    else {
      const indent = ' '.repeat(dayWidth + 4);
      out.push(row.trimEnd(), ...wrapText(changes, `${indent}↳ `, `${indent}  `, maxWidth));
    }
  }
  return out;
}

/** Power levels in the day table: whole numbers from 10 up, one decimal below. */
function formatLevel(x: number): string {
  return Math.abs(x) >= 10 ? String(Math.round(x)) : formatAmount(Math.round(x * 10) / 10);
}

function changesText(k: KeyDay, t: Timeline): string {
  const parts: string[] = [];
  const n = k.arrivals.length;
  if (k.day === 0) parts.push(`${n} ${n === 1 ? 'pledge acts' : 'pledges act'} from day 0`);
  else if (n === 1) parts.push(`${k.arrivals[0]} arrives`);
  else if (n > 1) parts.push(`${n} arrive: ${k.arrivals.join(', ')}`);
  for (const d of k.requirementBends) parts.push(`${d} threat turns`);
  for (const c of k.crossings) parts.push(c.below ? `${c.domain} falls short` : `${c.domain} recovers`);
  if (k.day === t.scenario.horizonDays - 1 && parts.length === 0) parts.push('last day');
  return parts.join('; ');
}

function pledgeTable(pledges: readonly PledgeArrival[], maxWidth: number): string[] {
  if (pledges.length === 0) return ['  (none: no pledge answers this scenario under this variant)'];
  const rows = pledges.map((p) => [
    p.pledge,
    p.actor,
    formatPercent(p.pActive),
    formatPercent(p.pArrives),
    p.day === null
      ? '—'
      : p.day.p10 === p.day.p90
        ? String(p.day.p50)
        : `${p.day.p50} (${p.day.p10}–${p.day.p90})`,
    powerText(p.power),
  ]);
  const lines = renderTable(
    [
      { header: 'pledge' },
      { header: 'actor' },
      { header: 'active', align: 'right' },
      { header: 'arrives', align: 'right' },
      { header: 'day p50 (p10–p90)' },
      { header: 'power per day' },
    ],
    rows,
    { indent: '  ' },
  );
  return lines.map((l) => truncate(l, maxWidth));
}

function powerText(power: Readonly<Record<string, number>>): string {
  const parts = Object.entries(power)
    .filter(([, v]) => v > 0)
    .map(([d, v]) => `${d} ${formatAmount(v)}`);
  return parts.length === 0 ? '—' : parts.join(', ');
}

function outcome(t: Timeline, plan: Plan, maxWidth: number): string[] {
  const variant: VariantResult = {
    id: t.variant,
    value: t.scenario.pHold,
    scenarios: [t.scenario],
    actors: t.actors,
  };
  const threatened = t.scenario.domains.filter((d) => d.threatened);
  const rows = threatened.map((d) => [d.domain, formatPercent(d.pHold), formatShare(d.meanShortfall), '']);
  const laid = renderTable(
    [{ header: 'domain' }, { header: 'holds' }, { header: 'mean shortfall', align: 'right' }],
    rows,
    { indent: '  ' },
  );
  const start = Math.max(...laid.map(width)) + 2;
  const room = Math.max(20, maxWidth - start);
  return laid.map((l, i) => {
    const gapHeader = `gap at ${formatPercent(plan.settings.target)}`;
    const text = i === 0 ? gapHeader : gapText(plan, variant, threatened[i - 1] as DomainResult, room);
    return l.padEnd(start) + text;
  });
}
