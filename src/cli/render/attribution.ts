/**
 * The human form of an attribution (`guarantor attribute`): who carries the variant's value — per actor
 * the Shapley value with its 95% interval, its share of what the partners add, a bar, the marginal value
 * and the Owen value; then the blocs; then the check Σφ = v(N) − v(∅). Fits a 100-column terminal.
 */
import type { AttributionDocument, VariantAttribution } from '../../core/analyses/attribution/types.js';
import type { Plan } from '../../core/plan/types.js';
import { Z95 } from '../../core/stats/wilson.js';
import { formatPercent, plural, truncate, width } from './format.js';
import { type Column, renderTable } from './table.js';
import { wrapText } from './wrap.js';

export interface RenderOptions {
  /** Terminal columns to fit; default 100. */
  readonly width?: number;
}

const BAR = 12;
const LEAD_COLUMNS = [
  { header: 'bloc' },
  { header: 'Owen (95%)' },
  { header: 'share', align: 'right' },
] as const satisfies readonly Column[];
const NAME = 16;

export function renderAttribution(doc: AttributionDocument, plan: Plan, options: RenderOptions = {}): string {
  const maxWidth = options.width ?? 100;
  const lines: string[] = [];
  if (doc.title !== '') lines.push(...wrapText(doc.title, '', '  ', maxWidth));
  for (const a of doc.attribution) {
    lines.push(...header(a, doc.settings.seed, maxWidth), '');
    lines.push(...actorTable(a, plan), '');
    lines.push(...blocTable(a, maxWidth), '');
    lines.push(
      `  check: Σ Shapley ${fixed(a.check.sumShapley)} = v(N) ${fixed(a.check.vN)} − v(∅) ${fixed(a.check.vEmpty)}`,
    );
  }
  lines.push('', ...legend(doc.attribution[0]?.method === 'exact', maxWidth));
  return `${lines.join('\n')}\n`;
}

function header(a: VariantAttribution, seed: number, maxWidth: number): string[] {
  const title =
    `Who carries ${a.variant}? value ${a.check.vN.toFixed(2)} with every partner, ` +
    `${a.check.vEmpty.toFixed(2)} with none`;
  const trials =
    a.targetSe === undefined
      ? plural(a.trials, 'trial')
      : `${plural(a.trials, 'trial')} (chosen by a pilot run for SE ≤ ${a.targetSe})`;
  const how =
    a.method === 'exact'
      ? `exact: every coalition in every trial · ${trials} · seed ${seed}`
      : `sampled: a random order of joining per trial · ${trials} · seed ${seed} · ` +
        `largest SE ${a.maxSe.toFixed(4)}`;
  return [...wrapText(title, '', '  ', maxWidth), ...wrapText(how, '', '  ', maxWidth)];
}

function actorTable(a: VariantAttribution, plan: Plan): string[] {
  const names = new Map(plan.actors.map((x) => [x.id, x.name] as const));
  const added = a.check.vN - a.check.vEmpty;
  const top = Math.max(0, ...a.actors.map((x) => x.shapley));
  const sorted = [...a.actors].sort((x, y) => y.shapley - x.shapley);
  const rows = sorted.map((x) => [
    x.actor,
    truncate(names.get(x.actor) === x.actor ? '' : (names.get(x.actor) ?? ''), NAME),
    x.bloc,
    withInterval(x.shapley, x.se > 0 ? x.se : (x.trialSe ?? 0)),
    added > 0 ? formatPercent(Math.max(0, x.shapley) / added) : '—',
    bar(x.shapley, top),
    fixed(x.marginal),
    fixed(x.owen),
  ]);
  return renderTable(
    [
      { header: 'actor' },
      { header: '' },
      { header: 'bloc' },
      { header: 'Shapley (95%)' },
      { header: 'share', align: 'right' },
      { header: '' },
      { header: 'marginal', align: 'right' },
      { header: 'Owen', align: 'right' },
    ],
    rows,
    { indent: '  ' },
  );
}

function blocTable(a: VariantAttribution, maxWidth: number): string[] {
  const added = a.check.vN - a.check.vEmpty;
  const owenOf = new Map(a.actors.map((x) => [x.actor, x.owen] as const));
  const sorted = [...a.blocs].sort((x, y) => y.owen - x.owen);
  const lead = sorted.map((b) => [
    b.bloc,
    withInterval(b.owen, b.se),
    added > 0 ? formatPercent(Math.max(0, b.owen) / added) : '—',
  ]);
  // The members column takes what is left of the line, heaviest members first.
  const used = Math.max(0, ...renderTable(LEAD_COLUMNS, lead, { indent: '  ' }).map(width));
  const room = Math.max(20, maxWidth - used - 2);
  const rows = sorted.map((b, i) => [
    ...(lead[i] as string[]),
    members(
      [...b.actors].sort((x, y) => (owenOf.get(y) ?? 0) - (owenOf.get(x) ?? 0)),
      room,
    ),
  ]);
  return [
    'Blocs (Owen value: what each bloc brings when blocs join as one; its members share it)',
    ...renderTable([...LEAD_COLUMNS, { header: 'members, by Owen value' }], rows, { indent: '  ' }),
  ];
}

/** `DNK, SWE, DEU, … (+12)` within `room` columns. */
function members(ids: readonly string[], room: number): string {
  let out = '';
  for (let i = 0; i < ids.length; i++) {
    const next = out === '' ? (ids[i] as string) : `${out}, ${ids[i]}`;
    const rest = ids.length - i - 1;
    const tail = rest > 0 ? `, … (+${rest})` : '';
    if (width(next) + (rest > 0 ? width(tail) : 0) > room && out !== '') {
      return `${out}, … (+${ids.length - i})`;
    }
    out = next;
  }
  return out;
}

function legend(exact: boolean, maxWidth: number): string[] {
  const paragraphs = [
    'Shapley: what an actor adds to the value on average over every order in which the partners could ' +
      'join; the values add up to v(N) − v(∅), and share is each one’s part of that.',
    'marginal: what the variant loses without this actor alone, v(N) − v(N without it); partners that ' +
      'back each other up have small marginals but real Shapley values.',
    'Owen: the Shapley value when each bloc joins as one (its members decide alike).',
    exact
      ? '95% intervals: Monte Carlo noise of the trials (every order is counted exactly), not model uncertainty.'
      : '95% intervals: Monte Carlo noise of the trials and the random orders, not model uncertainty.',
  ];
  return paragraphs.flatMap((p) => wrapText(p, '', '  ', maxWidth));
}

/** `0.237 (0.228–0.246)`, or `0.237` without noise. */
function withInterval(x: number, se: number): string {
  if (se === 0) return fixed(x);
  return `${fixed(x)} (${fixed(x - Z95 * se)}–${fixed(x + Z95 * se)})`;
}

/** Value points with three decimals; −0 prints as 0. */
function fixed(x: number): string {
  const s = x.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}

/** A bar of up to BAR columns in eighths, proportional to x / top. */
function bar(x: number, top: number): string {
  if (!(x > 0) || !(top > 0)) return '';
  const eighths = Math.max(1, Math.round((x / top) * BAR * 8));
  const partial = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8] ?? '';
  return '█'.repeat(Math.floor(eighths / 8)) + partial;
}
