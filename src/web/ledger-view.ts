/**
 * The ledger view's data shaping, pure: events newest first as table rows, the points a diff can start
 * or end at (the last event of each write: a point inside a write of several events, like an import,
 * has no valid plan), the default range (before/after the latest write) or a day's range, the changes
 * of a diff as sentences with their reasons, and the value of each variant before → after.
 */
import { percent, percentRange, points } from './format';

export interface Source {
  readonly title: string;
  readonly url?: string;
  readonly date?: string;
}

/** An event as GET /plans/:id/events answers it. */
export interface LedgerEvent {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly entityId: string;
  readonly who: string;
  readonly reason: string;
  readonly source?: Source;
}

/** "29 Nov 2026 01:39 UTC": the ledger's times, the same for every reader. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const month = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()} ${hh}:${mm} UTC`;
}

/** The UTC day of an ISO time: "2026-11-29". */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

export interface EventRow {
  readonly seq: number;
  readonly when: string;
  readonly at: string;
  readonly who: string;
  /** `pledge updated` */
  readonly what: string;
  readonly entityId: string;
  readonly reason: string;
  readonly source?: Source;
}

/** Newest first, the event kind spelled for people ("pledge.updated" → "pledge updated"). */
export function eventRows(events: readonly LedgerEvent[]): EventRow[] {
  return [...events]
    .sort((a, b) => b.seq - a.seq)
    .map((e) => ({
      seq: e.seq,
      when: when(e.at),
      at: e.at,
      who: e.who,
      what: e.kind.replace('.', ' '),
      entityId: e.entityId,
      reason: e.reason,
      ...(e.source === undefined ? {} : { source: e.source }),
    }));
}

/** A point a diff can name: the plan after one whole write. */
export interface LedgerPoint {
  /** The write's last event. */
  readonly seq: number;
  /** The write's first event. */
  readonly firstSeq: number;
  readonly at: string;
  readonly who: string;
  readonly reason: string;
  /** Events in the write. */
  readonly events: number;
}

/**
 * One point per write, oldest first. A write is a run of consecutive events with the same time, author
 * and reason (the store stamps every event of one append with the same time).
 */
export function ledgerPoints(events: readonly LedgerEvent[]): LedgerPoint[] {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const result: LedgerPoint[] = [];
  for (const e of sorted) {
    const last = result.at(-1);
    if (last !== undefined && last.at === e.at && last.who === e.who && last.reason === e.reason) {
      result[result.length - 1] = { ...last, seq: e.seq, events: last.events + 1 };
    } else {
      result.push({ seq: e.seq, firstSeq: e.seq, at: e.at, who: e.who, reason: e.reason, events: 1 });
    }
  }
  return result;
}

export interface Range {
  readonly from: number;
  readonly to: number;
}

/** Before and after the latest write; undefined while the ledger has a single write. */
export function latestWriteRange(points: readonly LedgerPoint[]): Range | undefined {
  const to = points.at(-1);
  const from = points.at(-2);
  return to === undefined || from === undefined ? undefined : { from: from.seq, to: to.seq };
}

/** A day's writes: from the last point before the day (else its first write) to its last point. */
export function dayRange(points: readonly LedgerPoint[], day: string): Range | undefined {
  const inDay = points.filter((p) => dayOf(p.at) === day);
  const first = inDay[0];
  const last = inDay.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const before = points.filter((p) => p.seq < first.seq).at(-1);
  const from = before ?? first;
  return from.seq === last.seq ? undefined : { from: from.seq, to: last.seq };
}

/** The days with writes, newest first. */
export function daysOf(points: readonly LedgerPoint[]): string[] {
  return [...new Set(points.map((p) => dayOf(p.at)))].reverse();
}

/**
 * The range the URL names (`?from=SEQ&to=SEQ`) if both are points and from < to, else the default
 * (before/after the latest write).
 */
export function rangeOf(query: URLSearchParams, points: readonly LedgerPoint[]): Range | undefined {
  const seqs = new Set(points.map((p) => p.seq));
  const from = Number(query.get('from'));
  const to = Number(query.get('to'));
  if (query.get('from') !== null && query.get('to') !== null && seqs.has(from) && seqs.has(to) && from < to) {
    return { from, to };
  }
  return latestWriteRange(points);
}

/** As GET /plans/:id/diff and the diff job's `changes` give them. */
export interface Attribution {
  readonly seq: number;
  readonly at: string;
  readonly who: string;
  readonly reason: string;
  readonly source: Source | null;
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AttributedChange {
  readonly entity: string;
  readonly id: string;
  readonly change: 'added' | 'changed' | 'withdrawn' | 'removed';
  readonly fields?: readonly FieldChange[];
  readonly events: readonly Attribution[];
}

export interface ChangeRow {
  readonly key: string;
  /** "GBR-delegate pledged gbr-jets", "host changed pledge ukr-army-north". */
  readonly sentence: string;
  /** "quantity 4 → 5" for each field. */
  readonly fields: readonly string[];
  readonly events: readonly Attribution[];
}

const VERBS: Readonly<Record<AttributedChange['change'], string>> = {
  added: 'added',
  changed: 'changed',
  withdrawn: 'withdrew',
  removed: 'removed',
};

/** Who did what, in words: a pledge added is "pledged", a pledge withdrawn "withdrew pledge …". */
export function changeRows(changes: readonly AttributedChange[]): ChangeRow[] {
  return changes.map((c) => {
    const who = [...new Set(c.events.map((e) => e.who))].join(', ') || 'someone';
    const sentence =
      c.entity === 'pledge' && c.change === 'added'
        ? `${who} pledged ${c.id}`
        : `${who} ${VERBS[c.change]} ${c.entity === 'settings' || c.entity === 'plan' ? `the ${c.entity}` : `${c.entity} ${c.id}`}`;
    return {
      key: `${c.entity}/${c.id}`,
      sentence,
      fields: (c.fields ?? []).map((f) => `${f.field} ${show(f.before)} → ${show(f.after)}`),
      events: c.events,
    };
  });
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The diff job's `values` (core plan-diff/diff-values.ts). */
export interface ScenarioPoint {
  readonly pHold: number;
  readonly ci95: readonly [number, number];
}

export interface VariantValueChange {
  readonly variant: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly delta: number | null;
  readonly scenarios: readonly {
    readonly id: string;
    readonly before: ScenarioPoint | null;
    readonly after: ScenarioPoint | null;
  }[];
}

export interface ValueRow {
  readonly key: string;
  /** A variant's value, or one of its scenarios' pHold (indented under it). */
  readonly label: string;
  readonly scenario: boolean;
  readonly before: string;
  readonly after: string;
  /** The paired difference: both points were assessed on the same draws. */
  readonly delta: string;
  readonly tone: 'good' | 'bad' | 'same' | 'none';
  /** Hover: the intervals, where known. */
  readonly title: string;
}

/** Each variant's value before → after with the paired difference, then its scenarios' pHold. */
export function valueRows(values: readonly VariantValueChange[]): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const v of values) {
    rows.push({
      key: v.variant,
      label: v.variant,
      scenario: false,
      before: v.before === null ? 'did not exist' : percent(v.before),
      after: v.after === null ? 'no longer exists' : percent(v.after),
      delta: v.delta === null ? '–' : points(v.delta),
      tone: toneOf(v.delta),
      title: `value of variant ${v.variant} (weighted pHold over the scenarios, MODEL.md §7)`,
    });
    for (const s of v.scenarios) {
      const delta = s.before === null || s.after === null ? null : s.after.pHold - s.before.pHold;
      const interval = (p: ScenarioPoint | null) =>
        p === null ? 'none' : percentRange(p.ci95[0], p.ci95[1]);
      rows.push({
        key: `${v.variant}/${s.id}`,
        label: s.id,
        scenario: true,
        before: s.before === null ? '–' : percent(s.before.pHold),
        after: s.after === null ? '–' : percent(s.after.pHold),
        delta: delta === null ? '–' : points(delta),
        tone: toneOf(delta),
        title: `pHold of scenario ${s.id} in ${v.variant}; 95% interval before ${interval(s.before)}, after ${interval(s.after)}`,
      });
    }
  }
  return rows;
}

function toneOf(delta: number | null): ValueRow['tone'] {
  if (delta === null) return 'none';
  const rounded = Math.round(delta * 100);
  return rounded > 0 ? 'good' : rounded < 0 ? 'bad' : 'same';
}
