/**
 * Threat curves and requirements (MODEL.md §3): threat_d(t) from [day, level] points, linear in
 * between, flat before the first point and after the last; R_d(t) = requiredRatio_d · threat_d(t).
 */
import type { ThreatPoint } from '../plan/types.js';

/** threat(t) at day t (any real t). Points are sorted by day (the plan loader guarantees it). */
export function threatAt(points: readonly ThreatPoint[], t: number): number {
  const first = points[0];
  if (first === undefined) return 0;
  if (t <= first[0]) return first[1];
  for (let i = 1; i < points.length; i++) {
    const b = points[i] as ThreatPoint;
    if (t <= b[0]) {
      const a = points[i - 1] as ThreatPoint;
      return a[1] + ((b[1] - a[1]) * (t - a[0])) / (b[0] - a[0]);
    }
  }
  return (points[points.length - 1] as ThreatPoint)[1];
}

/** R_d(t) for t = 0 … horizon−1. */
export function requirementSeries(
  points: readonly ThreatPoint[],
  ratio: number,
  horizon: number,
): Float64Array {
  const out = new Float64Array(horizon);
  for (let t = 0; t < horizon; t++) out[t] = ratio * threatAt(points, t);
  return out;
}
