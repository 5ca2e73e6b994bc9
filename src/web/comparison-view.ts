/**
 * The comparison document (`compare` job, src/core/analyses/compare/comparison.ts) shaped for the
 * Compare view: per scenario (and the value) each variant's pHold with its Wilson interval, and each
 * pair's paired difference with its 95% interval and whether it excludes 0; and the chart's points.
 * Differences are in percentage points, rounded as the CLI's compare renderer rounds them.
 */
import type { Comparison, Difference } from '../core/analyses/compare/comparison';
import { holdsText } from './assessment-view';
import { percent } from './format';

export interface HoldCell {
  readonly variant: string;
  readonly pHold: number;
  /** Undefined for the value row (a weighted mean, reported without an interval). */
  readonly ci95?: readonly [number, number];
  readonly text: string;
}

export interface DifferenceCell {
  readonly from: string;
  readonly to: string;
  readonly diff: number;
  readonly ci95: readonly [number, number];
  readonly significant: boolean;
  /** "+40 points". */
  readonly text: string;
  /** "+39 to +41 points". */
  readonly interval: string;
}

export interface CompareRow {
  /** A scenario id, or `value` for the weighted value. */
  readonly id: string;
  readonly isValue: boolean;
  readonly holds: readonly HoldCell[];
  readonly differences: readonly DifferenceCell[];
}

export interface CompareTable {
  readonly variants: readonly string[];
  readonly pairs: readonly { readonly from: string; readonly to: string }[];
  readonly rows: readonly CompareRow[];
}

/** Whole points, or tenths when the interval is narrower than ±½ point (whole points would hide it). */
function pointDigits(ci95: readonly [number, number]): number {
  return ((ci95[1] - ci95[0]) / 2) * 100 < 0.5 ? 1 : 0;
}

/** +40, −0.4, 0: an explicit sign, a true minus. */
function signed(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${x > 0 ? '+' : '−'}${text}`;
}

function pointsWord(text: string): string {
  return `${text} ${Math.abs(Number(text.replace('−', '-'))) === 1 ? 'point' : 'points'}`;
}

/** A difference of shares in points: (0.403, [0.39, 0.41]) → "+40 points". */
export function pointsText(d: Pick<Difference, 'diff' | 'ci95'>): string {
  return pointsWord(signed(d.diff * 100, pointDigits(d.ci95)));
}

/** Its 95% interval, the ends rounded outwards so the range shown contains the computed one. */
export function pointsInterval(ci95: readonly [number, number]): string {
  const digits = pointDigits(ci95);
  const scale = 10 ** digits;
  const lo = Math.floor(ci95[0] * 100 * scale + 1e-9) / scale;
  const hi = Math.ceil(ci95[1] * 100 * scale - 1e-9) / scale;
  return `${signed(lo, digits)} to ${signed(hi, digits)} points`;
}

function differenceCell(from: string, to: string, d: Difference): DifferenceCell {
  return {
    from,
    to,
    diff: d.diff,
    ci95: d.ci95,
    significant: d.significant,
    text: pointsText(d),
    interval: pointsInterval(d.ci95),
  };
}

export function compareTable(doc: Comparison): CompareTable {
  const variants = doc.variants.map((v) => v.id);
  const scenarioIds = doc.variants[0]?.scenarios.map((s) => s.id) ?? [];
  const rows: CompareRow[] = scenarioIds.map((id) => ({
    id,
    isValue: false,
    holds: doc.variants.flatMap((v) => {
      const s = v.scenarios.find((x) => x.id === id);
      return s === undefined
        ? []
        : [{ variant: v.id, pHold: s.pHold, ci95: s.ci95, text: holdsText(s.pHold, s.ci95) }];
    }),
    differences: doc.differences.flatMap((d) => {
      const s = d.scenarios.find((x) => x.id === id);
      return s === undefined ? [] : [differenceCell(d.from, d.to, s)];
    }),
  }));
  rows.push({
    id: 'value',
    isValue: true,
    holds: doc.variants.map((v) => ({ variant: v.id, pHold: v.value, text: percent(v.value) })),
    differences: doc.differences.map((d) => differenceCell(d.from, d.to, d.value)),
  });
  return { variants, pairs: doc.differences.map(({ from, to }) => ({ from, to })), rows };
}

export interface DifferencePoint {
  /** The row (scenario id or `value`). */
  readonly row: string;
  /** In points (×100). */
  readonly diff: number;
  readonly lo: number;
  readonly hi: number;
  readonly significant: boolean;
  readonly text: string;
}

/** Per pair, the chart's dot-and-interval points, in points, rows in table order. */
export function differenceSeries(
  table: CompareTable,
): { readonly name: string; readonly points: readonly DifferencePoint[] }[] {
  return table.pairs.map(({ from, to }) => ({
    name: `${to} − ${from}`,
    points: table.rows.flatMap((r) => {
      const d = r.differences.find((x) => x.from === from && x.to === to);
      return d === undefined
        ? []
        : [
            {
              row: r.id,
              diff: d.diff * 100,
              lo: d.ci95[0] * 100,
              hi: d.ci95[1] * 100,
              significant: d.significant,
              text: `${d.text} (95% CI ${d.interval})${d.significant ? '' : ', not significant'}`,
            },
          ];
    }),
  }));
}
