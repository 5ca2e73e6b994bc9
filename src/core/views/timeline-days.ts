/**
 * Which days of a timeline are worth printing (DESIGN.md question 2, "what happens, day by day, if they
 * come by sea?"): day 0, the last day, and every day on which something changes — a pledge's median
 * arrival, a bend in the requirement (a point of the threat curve), or the median power crossing the
 * requirement in either direction. Days in between only interpolate.
 */
import type { Timeline } from '../engine/timeline.js';

export interface Crossing {
  readonly domain: string;
  /** true: the median power falls below the requirement on this day; false: it recovers. */
  readonly below: boolean;
}

export interface KeyDay {
  readonly day: number;
  /** Pledges whose median arrival is this day (day 0 included). */
  readonly arrivals: readonly string[];
  /** Domains whose requirement changes slope here (threat points); day 0 is not a change. */
  readonly requirementBends: readonly string[];
  /** Domains whose median power crosses the requirement here (from the previous day). */
  readonly crossings: readonly Crossing[];
}

/** Relative tolerance for "the slope changed": ramps are interpolated in floating point. */
const EPS = 1e-9;

export function timelineKeyDays(timeline: Timeline): KeyDay[] {
  const horizon = timeline.scenario.horizonDays;
  const arrivals = new Map<number, string[]>();
  for (const p of timeline.pledges) {
    if (p.day === null) continue;
    const list = arrivals.get(p.day.p50) ?? [];
    list.push(p.pledge);
    arrivals.set(p.day.p50, list);
  }
  const days: KeyDay[] = [];
  for (let t = 0; t < horizon; t++) {
    const bends: string[] = [];
    const crossings: Crossing[] = [];
    for (const d of timeline.scenario.domains) {
      const r = d.requirement;
      if (t > 0 && t < horizon - 1 && bendsAt(r, t)) bends.push(d.domain);
      if (t > 0) {
        const before = isBelow(d.bands.p50[t - 1], r[t - 1]);
        const now = isBelow(d.bands.p50[t], r[t]);
        if (before !== now) crossings.push({ domain: d.domain, below: now });
      }
    }
    const arrived = arrivals.get(t) ?? [];
    if (t === 0 || t === horizon - 1 || arrived.length > 0 || bends.length > 0 || crossings.length > 0) {
      days.push({ day: t, arrivals: arrived, requirementBends: bends, crossings });
    }
  }
  return days;
}

function isBelow(power: number | undefined, requirement: number | undefined): boolean {
  return (power ?? 0) < (requirement ?? 0);
}

/** The requirement's slope into day t differs from its slope out of it. */
function bendsAt(r: readonly number[], t: number): boolean {
  const a = r[t - 1] ?? 0;
  const b = r[t] ?? 0;
  const c = r[t + 1] ?? 0;
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), 1);
  return Math.abs(c - b - (b - a)) > EPS * scale;
}
