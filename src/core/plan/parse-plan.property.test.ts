import fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { isMap, LineCounter, parseDocument, stringify } from 'yaml';
import { formatPath, type Issue } from '../errors.js';
import type { Result } from '../result.js';
import { type PathPart, parsePath } from './locate.js';
import { type ParsedPlan, parsePlan } from './parse-plan.js';
import { MINIMAL_PLAN_JSON, MINIMAL_PLAN_OBJECT, MINIMAL_PLAN_YAML } from './test-fixtures.js';

const ZOD_JARGON = /Invalid input|Invalid option|Too small|Too big|Unrecognized key/;

function expectWellFormed(issue: Issue): void {
  expect(issue.code).toMatch(/^PLAN_[A-Z_]+$/);
  expect(['error', 'warning']).toContain(issue.severity);
  expect(typeof issue.path).toBe('string');
  expect(issue.message.length).toBeGreaterThan(0);
  expect(issue.message).not.toMatch(ZOD_JARGON);
  expect(issue.message).not.toContain('\u0000'); // check-shape's marker for zod's default messages
  expect(issue.line === undefined).toBe(issue.column === undefined);
  if (issue.line !== undefined) {
    expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
    expect(Number.isInteger(issue.column) && (issue.column ?? 0) >= 1).toBe(true);
  }
}

/** The loader's contract: a plan, or a non-empty, sorted list of well-formed issues with an error. */
function expectContract(result: Result<ParsedPlan, Issue[]>): void {
  const list = result.ok ? result.value.warnings : result.error;
  for (const issue of list) expectWellFormed(issue);
  if (result.ok) {
    expect(list.every((i) => i.severity === 'warning')).toBe(true);
    return;
  }
  expect(list.some((i) => i.severity === 'error')).toBe(true);
  const keys = list.map((i) => (i.line ?? 0) * 1e7 + (i.column ?? 0));
  expect(keys).toEqual([...keys].sort((a, b) => a - b));
}

const FILES = fc.constantFrom('plan.yaml', 'plan.json');
const YAMLISH = fc.constantFrom(...'{}[]:,-#&*!|>?\'"\n \t0123456789aeu.~@`%\\'.split(''));

describe('parsePlan never throws', () => {
  it('on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: YAMLISH, maxLength: 300 })),
        FILES,
        (text, file) => expectContract(parsePlan(text, file)),
      ),
      { numRuns: 500 },
    );
  });

  it('on the fixture with random text spliced in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(MINIMAL_PLAN_YAML, MINIMAL_PLAN_JSON),
        fc.nat(),
        fc.nat({ max: 30 }),
        fc.string({ unit: YAMLISH, maxLength: 20 }),
        (fixture, at, cut, insert) => {
          const start = at % fixture.length;
          const text = fixture.slice(0, start) + insert + fixture.slice(start + cut);
          expectContract(parsePlan(text, fixture === MINIMAL_PLAN_JSON ? 'plan.json' : 'plan.yaml'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on any JSON value, written as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectContract(parsePlan(stringify(value), 'plan.yaml'));
        expectContract(parsePlan(JSON.stringify(value), 'plan.json'));
      }),
      { numRuns: 300 },
    );
  });

  it('on the fixture with any field replaced by any JSON value', () => {
    const paths = leafPaths(MINIMAL_PLAN_OBJECT);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const plan = structuredClone(MINIMAL_PLAN_OBJECT) as unknown;
        setAt(plan, path, value);
        expectContract(parsePlan(stringify(plan), 'plan.yaml'));
        expectContract(parsePlan(JSON.stringify(plan), 'plan.json'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('parsePath', () => {
  it('inverts formatPath', () => {
    const part = fc.oneof(fc.nat(), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (path) => {
        expect(parsePath(formatPath(path))).toEqual(path);
      }),
    );
  });
});

// ---- Mutations of the valid plan: the error points at the mutated place. ----

type Format = 'yaml' | 'json' | 'json-compact';
const FORMATS = fc.constantFrom<Format>('yaml', 'json', 'json-compact');

function write(plan: unknown, format: Format): string {
  if (format === 'yaml') return stringify(plan);
  return format === 'json' ? JSON.stringify(plan, null, 2) : JSON.stringify(plan);
}

const fileOf = (format: Format) => (format === 'yaml' ? 'plan.yaml' : 'plan.json');

/** Where a path starts, by an independent reader (jsonc-parser's tree, yaml's Document). */
function oracle(text: string, format: Format, path: readonly PathPart[], anchor: 'value' | 'key') {
  if (format === 'yaml') {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    let offset: number | undefined;
    if (anchor === 'key') {
      const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      if (!isMap(parent)) throw new Error('not a mapping');
      const pair = parent.items.find(
        (p) => String((p.key as { value: unknown }).value) === String(path.at(-1)),
      );
      offset = (pair?.key as { range?: [number] } | undefined)?.range?.[0];
    } else {
      const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
      offset = (node as { range?: [number] } | undefined)?.range?.[0];
    }
    if (offset === undefined) throw new Error(`oracle cannot find ${formatPath(path)}`);
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  }
  const tree = parseTree(text);
  const node = tree && findNodeAtLocation(tree, [...path]);
  const target = anchor === 'key' ? node?.parent?.children?.[0] : node;
  if (target === undefined) throw new Error(`oracle cannot find ${formatPath(path)}`);
  const before = text.slice(0, target.offset);
  return { line: before.split('\n').length, column: target.offset - before.lastIndexOf('\n') };
}

const plan = MINIMAL_PLAN_OBJECT;
const indices = (list: readonly unknown[] | undefined) => [...(list ?? []).keys()];

const REQUIRED: PathPart[][] = [
  ['guarantor'],
  ['protected'],
  ['actors'],
  ['capabilities'],
  ['pledges'],
  ['scenarios'],
  ...indices(plan.actors).map((i) => ['actors', i, 'id']),
  ...indices(plan.capabilities).flatMap((i) => [
    ['capabilities', i, 'id'],
    ['capabilities', i, 'effect'],
  ]),
  ...indices(plan.pledges).flatMap((i) => {
    const p = plan.pledges[i];
    return [
      ['pledges', i, 'id'],
      ['pledges', i, 'actor'],
      ['pledges', i, 'capability'],
      ['pledges', i, 'posture'],
      ...(p?.posture === 'production' ? [['pledges', i, 'fundingPerYear']] : [['pledges', i, 'quantity']]),
      ...(p?.actor === plan.protected ? [] : [['pledges', i, 'bindingness']]),
    ];
  }),
  ...indices(plan.scenarios).flatMap((i) => [
    ['scenarios', i, 'id'],
    ['scenarios', i, 'horizonDays'],
    ['scenarios', i, 'threat'],
  ]),
  ...indices(plan.spare).flatMap((i) => [
    ['spare', i, 'actor'],
    ['spare', i, 'capability'],
    ['spare', i, 'quantity'],
  ]),
  ...indices(plan.variants).map((i) => ['variants', i, 'id']),
];

const REFERENCES: [PathPart[], string][] = [
  [['protected'], 'PLAN_UNKNOWN_ACTOR'],
  ...indices(plan.pledges).flatMap((i): [PathPart[], string][] => [
    [['pledges', i, 'actor'], 'PLAN_UNKNOWN_ACTOR'],
    [['pledges', i, 'capability'], 'PLAN_UNKNOWN_CAPABILITY'],
    ...indices(plan.pledges[i]?.requires).map((j): [PathPart[], string] => [
      ['pledges', i, 'requires', j],
      'PLAN_UNKNOWN_ACTOR',
    ]),
  ]),
  ...indices(plan.spare).flatMap((i): [PathPart[], string][] => [
    [['spare', i, 'actor'], 'PLAN_UNKNOWN_ACTOR'],
    [['spare', i, 'capability'], 'PLAN_UNKNOWN_CAPABILITY'],
  ]),
  ...indices(plan.variants).flatMap((i) =>
    (['include', 'exclude'] as const).flatMap((list) =>
      indices(plan.variants?.[i]?.[list]).map((j): [PathPart[], string] => [
        ['variants', i, list, j],
        'PLAN_UNKNOWN_ACTOR',
      ]),
    ),
  ),
];

/** Strict objects of the fixture, where any new key is an unknown field. */
const OBJECTS: PathPart[][] = [
  [],
  ['settings'],
  ['settings', 'bindingness'],
  ['pledges', 2, 'sources', 0],
  ...(['actors', 'capabilities', 'pledges', 'scenarios', 'spare', 'variants'] as const).flatMap((list) =>
    indices(plan[list]).map((i) => [list, i]),
  ),
];

function issueAt(text: string, format: Format, code: (c: string) => boolean, path: readonly PathPart[]) {
  const result = parsePlan(text, fileOf(format));
  expectContract(result);
  expect(result.ok).toBe(false);
  const issues = result.ok ? [] : result.error;
  const found = issues.find((i) => i.severity === 'error' && code(i.code) && i.path === formatPath(path));
  expect(found, `no issue at ${formatPath(path)} in ${JSON.stringify(issues)}`).toBeDefined();
  return found as Issue;
}

describe('parsePlan points at the mutated place', () => {
  it('when a required field is deleted: at the object that lacks it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUIRED), FORMATS, (path, format) => {
        const mutated = structuredClone(MINIMAL_PLAN_OBJECT) as unknown;
        deleteAt(mutated, path);
        const text = write(mutated, format);
        const issue = issueAt(text, format, (c) => c.startsWith('PLAN_MISSING_'), path);
        expect({ line: issue.line, column: issue.column }).toEqual(
          oracle(text, format, path.slice(0, -1), 'value'),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('when a reference is renamed: at the reference', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REFERENCES),
        fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        FORMATS,
        ([path, code], name, format) => {
          const mutated = structuredClone(MINIMAL_PLAN_OBJECT) as unknown;
          setAt(mutated, path, `zz-${name}`);
          const text = write(mutated, format);
          const issue = issueAt(text, format, (c) => c === code, path);
          expect({ line: issue.line, column: issue.column }).toEqual(oracle(text, format, path, 'value'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('when an unknown key is inserted: at the key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OBJECTS), fc.string({ maxLength: 12 }), FORMATS, (at, key, format) => {
        const mutated = structuredClone(MINIMAL_PLAN_OBJECT) as unknown;
        const target = getAt(mutated, at) as Record<string, unknown>;
        fc.pre(!Object.hasOwn(target, key) && !KNOWN_FIELDS.has(key));
        // defineProperty: a plain assignment of `__proto__` would set the prototype instead.
        Object.defineProperty(target, key, {
          value: 1,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        const text = write(mutated, format);
        const path = [...at, key];
        const issue = issueAt(text, format, (c) => c === 'PLAN_UNKNOWN_FIELD', path);
        expect({ line: issue.line, column: issue.column }).toEqual(oracle(text, format, path, 'key'));
      }),
      { numRuns: 300 },
    );
  });
});

/** Every field name the schema allows somewhere (an inserted key must be unknown where it goes). */
const KNOWN_FIELDS = new Set(
  leafPaths(MINIMAL_PLAN_OBJECT)
    .flat()
    .filter((p): p is string => typeof p === 'string'),
);

function leafPaths(value: unknown, path: PathPart[] = []): PathPart[][] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => leafPaths(v, [...path, i]))];
  if (typeof value === 'object' && value !== null) {
    return [path, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]))];
  }
  return [path];
}

function getAt(value: unknown, path: readonly PathPart[]): unknown {
  return path.reduce<unknown>((v, part) => (v as Record<PathPart, unknown>)[part], value);
}

function setAt(value: unknown, path: readonly PathPart[], next: unknown): void {
  if (path.length === 0) return;
  const parent = getAt(value, path.slice(0, -1)) as Record<PathPart, unknown>;
  parent[path[path.length - 1] as PathPart] = next;
}

function deleteAt(value: unknown, path: readonly PathPart[]): void {
  const parent = getAt(value, path.slice(0, -1)) as Record<PathPart, unknown>;
  delete parent[path[path.length - 1] as PathPart];
}
