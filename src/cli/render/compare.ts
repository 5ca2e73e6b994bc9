/**
 * The human form of a comparison (`guarantor compare`): the variants side by side, then per pair of
 * variants one sentence per scenario — "With USA, land-north holds in 62% of trials instead of 22%
 * (+40 points, 95% CI +39 to +41)." — and one for the value. Fits a 100-column terminal.
 */
import type {
  ComparedVariant,
  Comparison,
  Difference,
  VariantDifference,
} from '../../core/analyses/compare/comparison.js';
import type { Plan } from '../../core/plan/types.js';
import { formatPercent, plural } from './format.js';
import { holdsSideBySide } from './holds-table.js';
import { wrapText } from './wrap.js';

export interface RenderOptions {
  /** Terminal columns to fit; default 100. */
  readonly width?: number;
}

export function renderComparison(doc: Comparison, plan: Plan, options: RenderOptions = {}): string {
  const maxWidth = options.width ?? 100;
  const lines: string[] = [];
  if (doc.title !== '') lines.push(...wrapText(doc.title, '', '  ', maxWidth));
  lines.push(
    `${plural(doc.trials, 'trial')} · seed ${doc.seed} · model ${doc.model} · target ${formatPercent(doc.target)}`,
    '',
    'Chance the defence holds, per scenario (95% interval); value = weighted mean',
    ...holdsSideBySide(doc.variants, maxWidth),
  );
  for (const d of doc.differences) {
    const from = variantOf(doc, d.from);
    const to = variantOf(doc, d.to);
    lines.push('', ...wrapText(`${d.to} against ${d.from}: ${contrast(plan, from, to)}`, '', '  ', maxWidth));
    const subject = sentenceSubject(plan, from, to);
    for (const s of d.scenarios) {
      const a = from.scenarios.find((x) => x.id === s.id);
      const b = to.scenarios.find((x) => x.id === s.id);
      if (a === undefined || b === undefined) continue;
      const text = `${subject}, ${s.id} holds in ${formatPercent(b.pHold)} of trials ${holdsClause(a.pHold, s)}.`;
      lines.push(...wrapText(text, '  ', '    ', maxWidth));
    }
    lines.push(...wrapText(valueSentence(from, to, d), '  ', '    ', maxWidth));
  }
  lines.push(
    '',
    ...wrapText(
      `Differences are paired: both variants are evaluated on the same ${plural(doc.trials, 'trial')} ` +
        'with the same draws, so their difference is measured far more precisely than either share. ' +
        '95% CI: mean ± 1.96 · sd / √n of the per-trial differences (normal approximation). ' +
        'points: percentage points of trials.',
      '',
      '',
      maxWidth,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `instead of 22% (+40 points, 95% CI +39 to +41)`, `against 74%: no significant difference (…)`, or
 * `either way` when no trial differs.
 */
function holdsClause(before: number, d: Difference): string {
  if (d.diff === 0 && d.se === 0) return 'either way: the variants differ in no trial';
  const interval = `${signedPoints(d.diff, d)} points, 95% CI ${pointsInterval(d)}`;
  return d.significant
    ? `instead of ${formatPercent(before)} (${interval})`
    : `against ${formatPercent(before)}: no significant difference (${interval})`;
}

function valueSentence(from: ComparedVariant, to: ComparedVariant, d: VariantDifference): string {
  const v = d.value;
  if (v.diff === 0 && v.se === 0) return `Value ${to.value.toFixed(2)} either way.`;
  const digits = halfWidth(v) < 0.01 ? 3 : 2;
  const interval = `${signed(v.diff, digits)}, 95% CI ${signedRange(v.ci95, digits)}`;
  const head = `Value ${to.value.toFixed(2)}`;
  return v.significant
    ? `${head} instead of ${from.value.toFixed(2)} (${interval}).`
    : `${head} against ${from.value.toFixed(2)}: no significant difference (${interval}).`;
}

/** Half the interval's width. */
function halfWidth(d: Difference): number {
  return (d.ci95[1] - d.ci95[0]) / 2;
}

/** Whole points, or tenths when the interval is narrower than ±½ point (whole points would hide it). */
function pointDigits(d: Difference): number {
  return halfWidth(d) * 100 < 0.5 ? 1 : 0;
}

function signedPoints(x: number, d: Difference): string {
  return signed(x * 100, pointDigits(d));
}

/** `+39 to +41`, the ends rounded outwards so the printed range contains the computed one. */
function pointsInterval(d: Difference): string {
  return signedRange([d.ci95[0] * 100, d.ci95[1] * 100], pointDigits(d));
}

function signedRange(ci: readonly [number, number], digits: number): string {
  const scale = 10 ** digits;
  const lo = Math.floor(ci[0] * scale + 1e-9) / scale;
  const hi = Math.ceil(ci[1] * scale - 1e-9) / scale;
  return `${signed(lo, digits)} to ${signed(hi, digits)}`;
}

/** `+40`, `−0.4`, `0`: an explicit sign, a true minus. */
function signed(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return digits === 0 ? '0' : (0).toFixed(digits);
  return `${x > 0 ? '+' : '−'}${text}`;
}

/** What differs between two variants, for the block's heading: actors and counted statuses. */
function contrast(plan: Plan, from: ComparedVariant, to: ComparedVariant): string {
  const { added, removed } = actorChange(from, to);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`adds ${listOf(added)}`);
  if (removed.length > 0) parts.push(`leaves out ${listOf(removed)}`);
  const statuses = statusChange(plan, from.id, to.id);
  if (statuses !== undefined) parts.push(statuses);
  return parts.length === 0 ? 'the same actors and pledges' : parts.join('; ');
}

/** `With USA`, `Without USA`, or `Under committed-only`: the start of each sentence. */
function sentenceSubject(plan: Plan, from: ComparedVariant, to: ComparedVariant): string {
  const { added, removed } = actorChange(from, to);
  const sameStatuses = statusChange(plan, from.id, to.id) === undefined;
  if (sameStatuses && removed.length === 0 && added.length > 0 && added.length <= 3) {
    return `With ${joinAnd(added)}`;
  }
  if (sameStatuses && added.length === 0 && removed.length > 0 && removed.length <= 3) {
    return `Without ${joinAnd(removed)}`;
  }
  return `Under ${to.id}`;
}

function actorChange(from: ComparedVariant, to: ComparedVariant): { added: string[]; removed: string[] } {
  const before = new Set(from.actors);
  const after = new Set(to.actors);
  return {
    added: to.actors.filter((a) => !before.has(a)),
    removed: from.actors.filter((a) => !after.has(a)),
  };
}

/** `counts only committed, delivered pledges`, when the variants count different statuses. */
function statusChange(plan: Plan, fromId: string, toId: string): string | undefined {
  const statuses = (id: string) => plan.variants.find((v) => v.id === id)?.statuses ?? [];
  const a = statuses(fromId);
  const b = statuses(toId);
  if (a.length === b.length && a.every((s) => b.includes(s))) return undefined;
  return `counts ${b.length === 0 ? 'no' : `only ${b.join(', ')}`} pledges`;
}

function listOf(ids: readonly string[]): string {
  return ids.length <= 6 ? joinAnd(ids) : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;
}

function joinAnd(ids: readonly string[]): string {
  return ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

function variantOf(doc: Comparison, id: string): ComparedVariant {
  const v = doc.variants.find((x) => x.id === id);
  if (v === undefined) throw new Error(`comparison has no variant ${id}`);
  return v;
}
