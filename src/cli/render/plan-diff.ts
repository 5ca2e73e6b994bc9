/**
 * `guarantor diff` for people: the changes grouped by actor for pledges ("FRA pledged …", "TUR withdrew
 * …"), each with who, when, why and the source, then the other changes, then each variant's value and
 * each scenario's chance of holding before → after.
 */
import type {
  AttributedChange,
  Attribution,
  FieldChange,
  PlanDiff,
  VariantValueChange,
} from '../../core/analyses/plan-diff/index.js';
import type { Plan, Pledge } from '../../core/plan/types.js';
import { formatCount, formatProbability, truncate } from './format.js';
import { renderTable } from './table.js';
import { wrapText } from './wrap.js';

const WIDTH = 100;

export function renderPlanDiff(doc: PlanDiff, before: Plan, after: Plan): string {
  const lines = [
    `Plan ${doc.plan}: from event ${doc.from.seq} (${doc.from.at}) to event ${doc.to.seq} (${doc.to.at})`,
    '',
  ];
  if (doc.changes.length === 0) lines.push('No changes.');
  else lines.push(...renderChanges(doc.changes, before, after));
  lines.push(
    '',
    `Value per variant, before → after (same ${formatCount(doc.trials)} trials, seed ${doc.seed});`,
    'below each, the chance the defence holds per scenario (95% interval)',
    ...renderValues(doc.values),
  );
  return `${lines.join('\n')}\n`;
}

function renderChanges(changes: readonly AttributedChange[], before: Plan, after: Plan): string[] {
  const pledgeOf = (id: string): Pledge | undefined =>
    after.pledges.find((p) => p.id === id) ?? before.pledges.find((p) => p.id === id);
  const byActor = new Map<string, string[]>();
  const others: string[] = [];
  for (const change of changes) {
    const pledge = change.entity === 'pledge' ? pledgeOf(change.id) : undefined;
    if (pledge === undefined) {
      others.push(...item(`${otherSentence(change)}${attributionText(change.events)}`));
      continue;
    }
    const list = byActor.get(pledge.actor) ?? [];
    list.push(...item(`${pledgeSentence(change, pledge)}${attributionText(change.events)}`));
    byActor.set(pledge.actor, list);
  }
  const lines: string[] = [];
  for (const [actor, items] of byActor) lines.push(actor, ...items);
  if (others.length > 0) lines.push(byActor.size > 0 ? 'Other changes' : 'Changes', ...others);
  return lines;
}

function item(text: string): string[] {
  return wrapText(text, '  ', '      ', WIDTH);
}

function pledgeSentence(change: AttributedChange, pledge: Pledge): string {
  switch (change.change) {
    case 'added':
      return `${pledge.actor} pledged ${pledge.id} (${pledgeTerms(pledge)})`;
    case 'changed':
      return `${pledge.actor} changed ${pledge.id}: ${fieldsText(change.fields)}`;
    case 'withdrawn':
      return `${pledge.actor} withdrew ${pledge.id}`;
    case 'removed':
      return `${pledge.actor}'s pledge ${pledge.id} was removed`;
    default:
      return change.change satisfies never;
  }
}

function otherSentence(change: AttributedChange): string {
  const name = change.id === '-' ? change.entity : `${change.entity} ${change.id}`;
  switch (change.change) {
    case 'added':
    case 'removed':
      return `${name} ${change.change}`;
    case 'changed':
    case 'withdrawn':
      return `${name} changed: ${fieldsText(change.fields)}`;
    default:
      return change.change satisfies never;
  }
}

/** `1 mech-brigade, on-call, political`; a production pledge shows its funding. */
function pledgeTerms(pledge: Pledge): string {
  const what =
    pledge.quantity === 0 && pledge.fundingPerYear !== undefined
      ? `${pledge.capability} funded ${formatCount(pledge.fundingPerYear)}/year`
      : `${formatCount(pledge.quantity)} ${pledge.capability}`;
  return [what, pledge.posture, pledge.bindingness, pledge.status === 'committed' ? undefined : pledge.status]
    .filter((part) => part !== undefined)
    .join(', ');
}

function fieldsText(fields: readonly FieldChange[] | undefined): string {
  return (fields ?? []).map((f) => `${f.field} ${valueText(f.before)} → ${valueText(f.after)}`).join('; ');
}

function valueText(value: unknown): string {
  if (value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return truncate(text, 40);
}

/** ` — host, 2026-01-06, 'Paris Declaration', source: …` from the latest event, with a count of the others. */
function attributionText(events: readonly Attribution[]): string {
  const last = events.at(-1);
  if (last === undefined) return '';
  const parts = [last.who, last.at.slice(0, 10), `'${last.reason}'`];
  if (last.source !== null) {
    const { title, url, date } = last.source;
    parts.push(`source: ${[title, url, date].filter((x) => x !== undefined && x !== '').join(', ')}`);
  }
  const earlier = events.length > 1 ? ` (and ${events.length - 1} earlier)` : '';
  return ` — ${parts.join(', ')}${earlier}`;
}

function renderValues(values: readonly VariantValueChange[]): string[] {
  const rows: string[][] = [];
  for (const v of values) {
    rows.push([
      v.variant,
      v.before === null ? '—' : v.before.toFixed(2),
      '→',
      v.after === null ? '—' : v.after.toFixed(2),
      v.delta === null ? '' : `(${signed(v.delta)})`,
    ]);
    for (const s of v.scenarios) {
      rows.push([
        `  ${s.id}`,
        s.before === null ? '—' : formatProbability(s.before.pHold, s.before.ci95),
        '→',
        s.after === null ? '—' : formatProbability(s.after.pHold, s.after.ci95),
        s.before === null || s.after === null
          ? ''
          : `(${signed((s.after.pHold - s.before.pHold) * 100, 0)} points)`,
      ]);
    }
  }
  return renderTable(
    [
      { header: 'variant' },
      { header: 'before', align: 'right' },
      { header: '' },
      { header: 'after', align: 'right' },
      { header: 'change' },
    ],
    rows,
    { indent: '  ' },
  );
}

/** `+0.04`, `−0.10`, `±0.00` with `digits` decimals (0 for points). */
function signed(x: number, digits = 2): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${x < 0 ? '−' : '+'}${text}`;
}
