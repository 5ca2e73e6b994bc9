/**
 * Overrides (`--set path=value`): quick what-ifs without editing the plan file. They change the raw
 * plan data before validation, so an overridden plan is checked exactly like a file.
 *
 * Addressing: objects by key (`settings.bindingness.political`), lists of entities by id
 * (`actors.USA`, `pledges.fra-brigade`, `scenarios.land-north`, capabilities, variants), spare capacity
 * by `actor/capability` (`spare.DEU/sam-long.quantity`), other lists by position from 0
 * (`scenarios.land-north.threat.land.1`; the position after the last appends). A missing field of an
 * existing object is created, so a typo in a field name is reported by validation, with its
 * did-you-mean; an unknown id is reported here.
 */
import { z } from 'zod';
import { formatPath, type Issue } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { describe } from './check-shape.js';
import type { PathPart } from './locate.js';
import { type Override, parseOverride } from './override-syntax.js';
import { planSchema } from './schema.js';
import { didYouMean, suggest } from './suggest.js';

/** An issue that an override caused: `override` is its text (`actors.USA.reliability=1.5`). */
export interface OverrideIssue extends Issue {
  readonly override?: string;
}

/** Where an override landed: the plan path it replaced (`actors[3].reliability`). */
export interface AppliedOverride {
  readonly text: string;
  readonly path: readonly PathPart[];
}

export interface OverriddenData {
  readonly data: unknown;
  /** In the order given; a later override of the same path wins. */
  readonly applied: readonly AppliedOverride[];
}

/**
 * The plan data with every override applied, in order (the input is not changed), or every override
 * that cannot be applied.
 *
 * @example applyOverrides(data, ['actors.USA.reliability=0.5', 'settings.blocCorrelation=0.8'])
 */
export function applyOverrides(data: unknown, sets: readonly string[]): Result<unknown, OverrideIssue[]> {
  const resolved = resolveOverrides(data, sets);
  return resolved.ok ? ok(resolved.value.data) : resolved;
}

/** `applyOverrides`, also telling where each override landed (for locating later issues). */
export function resolveOverrides(
  data: unknown,
  sets: readonly string[],
): Result<OverriddenData, OverrideIssue[]> {
  const issues: OverrideIssue[] = [];
  const applied: AppliedOverride[] = [];
  let current = data;
  for (const text of sets) {
    const parsed = parseOverride(text);
    const result = parsed.ok ? setIn(current, planSchema, parsed.value, 0, []) : parsed;
    if (!result.ok) {
      issues.push({ ...result.error, override: text });
      continue;
    }
    current = result.value.node;
    applied.push({ text, path: result.value.path });
  }
  return issues.length > 0 ? err(issues) : ok({ data: current, applied });
}

interface Placed {
  readonly node: unknown;
  readonly path: readonly PathPart[];
}

/** `node` with the override's value put at its path from segment `i` on; `at` is the plan path of `node`. */
function setIn(
  node: unknown,
  schema: z.ZodType | undefined,
  override: Override,
  i: number,
  at: readonly PathPart[],
): Result<Placed, Issue> {
  const segment = override.path[i];
  if (segment === undefined) return ok({ node: override.value, path: at });
  const last = i === override.path.length - 1;
  if (Array.isArray(node)) {
    const index = indexIn(node, schema, segment, at);
    if (!index.ok) return index;
    const next = elementSchema(schema, index.value);
    const child = index.value < node.length ? node[index.value] : emptyFor(next, last);
    const placed = setIn(child, next, override, i + 1, [...at, index.value]);
    if (!placed.ok) return placed;
    const copy = [...node];
    copy[index.value] = placed.value.node;
    return ok({ node: copy, path: placed.value.path });
  }
  if (typeof node === 'object' && node !== null) {
    const next = fieldSchema(schema, segment);
    const child = Object.hasOwn(node, segment)
      ? (node as Record<string, unknown>)[segment]
      : emptyFor(next, last);
    const placed = setIn(child, next, override, i + 1, [...at, segment]);
    if (!placed.ok) return placed;
    const copy = { ...node };
    // defineProperty: a key such as `__proto__` becomes a field (validation refuses it), not a prototype.
    Object.defineProperty(copy, segment, {
      value: placed.value.node,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return ok({ node: copy, path: placed.value.path });
  }
  return err(
    badPath(
      at,
      `${where(at)} is ${describe(node)}, not an object or a list: there is no "${segment}" inside it`,
    ),
  );
}

/** The position addressed by `segment` in a list: by id, by `actor/capability` (spare) or by number. */
function indexIn(
  list: readonly unknown[],
  schema: z.ZodType | undefined,
  segment: string,
  at: readonly PathPart[],
): Result<number, Issue> {
  if (at.length === 1 && at[0] === 'spare') {
    const keys = list.map((x) => `${String(field(x, 'actor'))}/${String(field(x, 'capability'))}`);
    const index = keys.indexOf(segment);
    if (index >= 0) return ok(index);
    const hint = segment.includes('/') ? didYouMean(suggest(segment, keys)) : '';
    return err({
      code: 'SET_UNKNOWN_ID',
      severity: 'error',
      path: 'spare',
      message:
        `no spare capacity "${segment}"${hint}` +
        (segment.includes('/')
          ? ''
          : ': address spare by actor/capability, e.g. spare.DEU/sam-long.quantity'),
    });
  }
  const kind = entityKind(schema, at);
  if (kind !== undefined) {
    const ids = list.map((x) => field(x, 'id'));
    const index = ids.indexOf(segment);
    if (index >= 0) return ok(index);
    const known = ids.filter((id): id is string => typeof id === 'string');
    const tail =
      known.length === 0 ? ` (the plan has no ${String(at[0])})` : didYouMean(suggest(segment, known));
    return err({
      code: 'SET_UNKNOWN_ID',
      severity: 'error',
      path: formatPath(at),
      message: `unknown ${kind} "${segment}"${tail}`,
    });
  }
  const range =
    list.length === 0 ? '0 (the list is empty)' : `0 … ${list.length - 1}, or ${list.length} to append`;
  if (!/^\d+$/.test(segment)) {
    return err(
      badPath(at, `${where(at)} is a list: address its items by position (${range}), not "${segment}"`),
    );
  }
  const index = Number(segment);
  if (index > list.length) {
    return err(
      badPath(
        at,
        `${where(at)} has ${list.length} item${list.length === 1 ? '' : 's'}: position ${segment} is out of range (${range})`,
      ),
    );
  }
  return ok(index);
}

/** What the entities of a list are called, when the list is one addressed by id. */
function entityKind(schema: z.ZodType | undefined, at: readonly PathPart[]): string | undefined {
  const s = unwrap(schema);
  if (!(s instanceof z.ZodArray)) return undefined;
  const element = unwrap(s.element as z.ZodType);
  if (!(element instanceof z.ZodObject) || !('id' in element.shape)) return undefined;
  return ENTITY_NAMES[String(at[at.length - 1])] ?? 'entity';
}

const ENTITY_NAMES: Readonly<Record<string, string>> = {
  actors: 'actor',
  capabilities: 'capability',
  pledges: 'pledge',
  scenarios: 'scenario',
  variants: 'variant',
};

/** A new container for a missing field on the way to the target: a list where the schema has one. */
function emptyFor(schema: z.ZodType | undefined, last: boolean): unknown {
  if (last) return undefined;
  return unwrap(schema) instanceof z.ZodArray || unwrap(schema) instanceof z.ZodTuple ? [] : {};
}

function fieldSchema(schema: z.ZodType | undefined, key: string): z.ZodType | undefined {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    return Object.hasOwn(s.shape, key) ? (s.shape as Record<string, z.ZodType>)[key] : undefined;
  }
  if (s instanceof z.ZodRecord) return s.valueType as z.ZodType;
  return undefined;
}

function elementSchema(schema: z.ZodType | undefined, index: number): z.ZodType | undefined {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray) return s.element as z.ZodType;
  if (s instanceof z.ZodTuple) return s.def.items[index] as z.ZodType | undefined;
  return undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

function field(x: unknown, key: string): unknown {
  return typeof x === 'object' && x !== null && Object.hasOwn(x, key)
    ? (x as Record<string, unknown>)[key]
    : undefined;
}

function where(at: readonly PathPart[]): string {
  return at.length === 0 ? 'the plan' : formatPath(at);
}

function badPath(at: readonly PathPart[], message: string): Issue {
  return { code: 'SET_BAD_PATH', severity: 'error', path: formatPath(at), message };
}
