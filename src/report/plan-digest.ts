/**
 * The fingerprint printed on a report: SHA-256 of the plan's canonical JSON (the validated plan, defaults
 * filled and `--set` overrides applied, object keys sorted, no whitespace), so that a reader can check
 * that the plan they hold is the one assessed, whatever its YAML layout or comments.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '../core/plan/types.js';

/** JSON with object keys sorted at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function planSha256(plan: Plan): string {
  return createHash('sha256').update(canonicalJson(plan), 'utf8').digest('hex');
}
