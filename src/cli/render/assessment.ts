/**
 * The human form of an assessment (`guarantor assess`): the variants side by side, then per variant the
 * verdict and, per scenario and threatened domain, how often it holds, the mean shortfall and the gap
 * in units of capabilities that can close it. Fits a 100-column terminal.
 */
import type { Assessment, DomainResult, VariantResult } from '../../core/engine/result-types.js';
import type { Plan, Variant } from '../../core/plan/types.js';
import { gapInUnits } from '../../core/views/gap-units.js';
import { formatAmount, formatPercent, formatProbability, formatShare, plural, width } from './format.js';
import { holdsSideBySide } from './holds-table.js';
import { renderTable } from './table.js';
import { verdictLines } from './verdict-line.js';
import { wrapText } from './wrap.js';

export interface RenderOptions {
  /** Terminal columns to fit; default 100. */
  readonly width?: number;
}

const ALL_STATUSES = 4;

export function renderAssessment(doc: Assessment, plan: Plan, options: RenderOptions = {}): string {
  const maxWidth = options.width ?? 100;
  const { settings } = doc;
  const lines: string[] = [];
  if (doc.title !== '') lines.push(...wrapText(doc.title, '', '  ', maxWidth));
  lines.push(
    `${plural(settings.trials, 'trial')} · seed ${settings.seed} · model ${doc.model} · ` +
      `target ${formatPercent(settings.target)}`,
  );
  if (doc.variants.length > 1) {
    lines.push('', 'Chance the defence holds, per scenario (95% interval); value = weighted mean');
    lines.push(...holdsSideBySide(doc.variants, maxWidth));
  }
  for (const variant of doc.variants) {
    lines.push('', ...verdictLines(variant, settings.target, maxWidth));
    const definition = plan.variants.find((v) => v.id === variant.id);
    lines.push(`  ${describeVariant(plan, variant, definition)}`);
    lines.push(...variantTable(plan, variant, settings.target, maxWidth));
  }
  lines.push(
    '',
    'holds: share of trials in which the scenario (every threatened domain) or the domain holds.',
    `gap: the extra power with which the domain would hold in ${formatPercent(settings.target)} of trials, in units`,
    "  of capabilities made for the domain that the variant's actors can add (--json lists them all).",
  );
  return `${lines.join('\n')}\n`;
}

/** `26 of 27 actors (without USA); counts committed, delivered pledges`. */
export function describeVariant(plan: Plan, result: VariantResult, definition: Variant | undefined): string {
  const total = plan.actors.length;
  const inVariant = new Set(result.actors);
  const missing = plan.actors.filter((a) => !inVariant.has(a.id)).map((a) => a.id);
  let who = `${result.actors.length} of ${plural(total, 'actor')}`;
  if (missing.length > 0 && missing.length <= 6) who += ` (without ${missing.join(', ')})`;
  else if (missing.length > 6) who += ` (only ${result.actors.join(', ')})`;
  const statuses = definition?.statuses ?? [];
  const counted =
    statuses.length === 0 || statuses.length >= ALL_STATUSES
      ? 'every pledge status counted'
      : `counts ${statuses.join(', ')} pledges only`;
  return `${who}; ${counted}`;
}

function variantTable(plan: Plan, variant: VariantResult, target: number, maxWidth: number): string[] {
  const rows: string[][] = [];
  for (const s of variant.scenarios) {
    rows.push([s.id, formatProbability(s.pHold, s.ci95), '', '']);
    for (const d of s.domains) {
      if (!d.threatened) continue;
      rows.push([`  ${d.domain}`, formatPercent(d.pHold), formatShare(d.meanShortfall), '']);
    }
  }
  const columns = [
    { header: 'scenario / domain' },
    { header: 'holds' },
    { header: 'mean shortfall', align: 'right' as const },
    { header: `gap at ${formatPercent(target)}` },
  ];
  // Lay the first three columns out, then give the gap text whatever width is left.
  const laidOut = renderTable(columns.slice(0, 3), rows, { indent: '  ' });
  const gapStart = Math.max(...laidOut.map((l) => width(l))) + 2;
  const room = Math.max(20, maxWidth - gapStart);
  let r = 0;
  const out = [padTo(laidOut[0] ?? '', gapStart) + columns[3]?.header];
  for (const s of variant.scenarios) {
    out.push(laidOut[++r] ?? '');
    for (const d of s.domains) {
      if (!d.threatened) continue;
      out.push(padTo(laidOut[++r] ?? '', gapStart) + gapText(plan, variant, d, room));
    }
  }
  return out;
}

function padTo(line: string, column: number): string {
  return line + ' '.repeat(Math.max(0, column - width(line)));
}

/** `7.7 ≈ 1.9 mech-brigade | 9.7 infantry-battalion`: as many of the best three as fit in `room`. */
export function gapText(plan: Plan, variant: VariantResult, d: DomainResult, room: number): string {
  if (!(d.gap.power > 0)) return '—';
  let text = formatAmount(d.gap.power);
  const units = gapInUnits(plan, variant.actors, d.domain, d.gap).slice(0, 3);
  for (const [i, u] of units.entries()) {
    const part = `${i === 0 ? ' ≈ ' : ' | '}${formatAmount(u.units)} ${u.capability}`;
    if (i > 0 && width(text) + width(part) > room) break;
    text += part;
  }
  return text;
}
