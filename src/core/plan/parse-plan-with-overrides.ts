/**
 * `parsePlan` with overrides (`--set path=value`) applied between reading the text and validating it:
 * the overridden plan is validated like a file. Issues at or below an overridden path are the
 * override's doing: they carry its text (`override`) and no line or column, since the file is not
 * where the value came from; every other issue keeps its place in the file.
 */
import type { Issue } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import type { Locator, PathPart } from './locate.js';
import { parsePath } from './locate.js';
import { type AppliedOverride, type OverrideIssue, resolveOverrides } from './overrides.js';
import { type ParsedPlan, planFromData, readPlanText } from './parse-plan.js';
import type { Plan } from './types.js';

export interface ParsedPlanWithOverrides {
  readonly plan: Plan;
  readonly warnings: readonly OverrideIssue[];
}

/**
 * Reads, overrides and validates a plan. Without overrides it is exactly `parsePlan`.
 *
 * @example parsePlanWithOverrides(text, 'plan.yaml', ['actors.USA.reliability=0.5'])
 */
export function parsePlanWithOverrides(
  text: string,
  fileName: string,
  sets: readonly string[],
): Result<ParsedPlanWithOverrides, OverrideIssue[]> {
  const read = readPlanText(text, fileName);
  if (!read.ok) return read;
  if (sets.length === 0) return planFromData(read.value);
  const resolved = resolveOverrides(read.value.data, sets);
  if (!resolved.ok) {
    // The file's own errors come first: an override cannot be judged against a broken plan.
    const original = planFromData(read.value);
    return err([...(original.ok ? [] : original.error), ...resolved.error]);
  }
  const { data, applied } = resolved.value;
  const owner = overrideOwning(applied);
  const locate: Locator = (requests) => {
    const positions = read.value.locate(requests);
    return requests.map((r, i) => (owner(r.path) === undefined ? positions[i] : undefined));
  };
  const attribute = (issue: Issue): OverrideIssue => {
    const by = owner(parsePath(issue.path) ?? []);
    return by === undefined ? issue : { ...issue, override: by.text };
  };
  const result = planFromData({ data, locate, warnings: read.value.warnings });
  if (!result.ok) return err(result.error.map(attribute));
  const parsed: ParsedPlan = result.value;
  return ok({ plan: parsed.plan, warnings: parsed.warnings.map(attribute) });
}

/**
 * The override whose path is the longest prefix of `path`, if any. An override replaced by a later one
 * at the same or an enclosing path (`actors.USA={…}` after `actors.USA.reliability=…`) owns nothing.
 */
function overrideOwning(
  applied: readonly AppliedOverride[],
): (path: readonly PathPart[]) => AppliedOverride | undefined {
  const live = applied.filter((o, i) => !applied.slice(i + 1).some((later) => isPrefix(later.path, o.path)));
  return (path) => {
    let best: AppliedOverride | undefined;
    for (const o of live) {
      // Live overrides never share a path, so the longest matching prefix is unique.
      if (isPrefix(o.path, path) && (best === undefined || o.path.length > best.path.length)) best = o;
    }
    return best;
  };
}

function isPrefix(prefix: readonly PathPart[], path: readonly PathPart[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}
