import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathPart } from './locate.js';
import { parsePath } from './locate.js';
import { parsePlan } from './parse-plan.js';
import { parsePlanWithOverrides } from './parse-plan-with-overrides.js';
import { MINIMAL_PLAN_OBJECT, MINIMAL_PLAN_YAML } from './test-fixtures.js';

/** Every leaf of the fixture: its plan path, its `--set` path and its value. */
interface Leaf {
  readonly path: readonly PathPart[];
  readonly set: string;
  readonly value: unknown;
}

function leaves(node: unknown, path: PathPart[] = [], set: string[] = []): Leaf[] {
  if (typeof node !== 'object' || node === null) return [{ path, set: set.join('.'), value: node }];
  if (Array.isArray(node)) {
    return node.flatMap((item, i) => leaves(item, [...path, i], [...set, segmentOf(path, item, i)]));
  }
  return Object.entries(node).flatMap(([key, value]) => leaves(value, [...path, key], [...set, key]));
}

/** How an override names an item: entities by id, spare by actor/capability, the rest by position. */
function segmentOf(path: readonly PathPart[], item: unknown, index: number): string {
  const record = item as Record<string, unknown>;
  if (path.length === 1 && path[0] === 'spare') return `${record.actor}/${record.capability}`;
  if (path.length === 1 && typeof record.id === 'string') return record.id;
  return String(index);
}

const LEAVES = leaves(MINIMAL_PLAN_OBJECT);
const original = parsePlan(MINIMAL_PLAN_YAML, 'plan.yaml');

function isUnder(path: readonly PathPart[], prefix: readonly PathPart[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}

describe('parsePlanWithOverrides, over every field of the fixture', () => {
  it('gives the same plan when a field is set to the value it already has', () => {
    for (const leaf of LEAVES) {
      const result = parsePlanWithOverrides(MINIMAL_PLAN_YAML, 'plan.yaml', [
        `${leaf.set}=${JSON.stringify(leaf.value)}`,
      ]);
      expect(result, leaf.set).toEqual(original);
    }
  });

  it('never throws, and names the override in every issue at or under the path it set', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEAVES), fc.jsonValue({ maxDepth: 2 }), (leaf, value) => {
        const set = `${leaf.set}=${JSON.stringify(value)}`;
        const result = parsePlanWithOverrides(MINIMAL_PLAN_YAML, 'plan.yaml', [set]);
        const issues = result.ok ? result.value.warnings : result.error;
        if (!result.ok) expect(issues.some((i) => i.severity === 'error')).toBe(true);
        for (const issue of issues) {
          expect(issue.message.length).toBeGreaterThan(0);
          const path = parsePath(issue.path) ?? [];
          if (issue.override !== undefined) {
            expect(issue.override).toBe(set);
            expect(issue.line).toBeUndefined();
          } else if (issue.path !== '') {
            expect(isUnder(path, leaf.path), `${issue.path} is not the override's`).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
