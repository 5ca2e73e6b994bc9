/**
 * Shapes and ranges of a plan (MODEL.md §1) by the zod schema, with zod's issues rewritten in the
 * plan's words: `missing required field "posture"`, `expected one of in-place | on-call | backstop |
 * production, got "oncall"; did you mean "on-call"?`, one issue per unknown field.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result.js';
import type { PathPart, PendingIssue } from './locate.js';
import { planSchema, type RawPlan } from './schema.js';
import { createSuggester, didYouMean, suggest } from './suggest.js';

/**
 * Returned by the per-parse error map, which zod consults only where the schema gives no message of
 * its own: marks the issues whose message is built here from the issue's data.
 */
const DEFAULT_MESSAGE = '\u0000default';

/** Validates `data` against the plan schema; every issue, not just the first. */
export function checkShape(data: unknown): Result<RawPlan, PendingIssue[]> {
  const parsed = planSchema.safeParse(data, { error: () => DEFAULT_MESSAGE });
  const reserved = reservedKeys(planSchema, data, []);
  if (parsed.success) return reserved.length === 0 ? ok(parsed.data) : err(reserved);
  const fields = fieldsOf();
  return err([...parsed.error.issues.flatMap((issue) => humanize(issue, data, fields)), ...reserved]);
}

/**
 * Names a record (a domain map such as `effect` or `threat`) may not use: zod drops a `__proto__` key
 * silently, and `constructor`, `toString`, … would be found on every plain object by a lookup such as
 * `effect[domain]`, turning a missing entry into a function.
 */
function reservedKeys(schema: z.ZodType | undefined, data: unknown, path: PathPart[]): PendingIssue[] {
  const s = unwrap(schema);
  if (typeof data !== 'object' || data === null || !hasRecord(s)) return [];
  if (s instanceof z.ZodArray && Array.isArray(data)) {
    return data.flatMap((item, i) => reservedKeys(s.element as z.ZodType, item, [...path, i]));
  }
  if (Array.isArray(data)) return [];
  if (s instanceof z.ZodObject) {
    return Object.entries(s.shape as Record<string, z.ZodType>).flatMap(([key, field]) =>
      Object.hasOwn(data, key)
        ? reservedKeys(field, (data as Record<string, unknown>)[key], [...path, key])
        : [],
    );
  }
  if (s instanceof z.ZodRecord) {
    return Object.keys(data)
      .filter((key) => key in Object.prototype)
      .map((key) => ({
        code: 'PLAN_RESERVED_NAME',
        severity: 'error',
        path: [...path, key],
        message: `"${key}" cannot be used as a name here (it is a built-in property of JavaScript objects)`,
        anchor: 'key',
      }));
  }
  return [];
}

const recordMemo = new Map<z.ZodType, boolean>();

/** Whether a record can occur at or below `schema` (so that reservedKeys need not walk elsewhere). */
function hasRecord(schema: z.ZodType | undefined): boolean {
  const s = unwrap(schema);
  if (s === undefined) return false;
  const known = recordMemo.get(s);
  if (known !== undefined) return known;
  let found = false;
  if (s instanceof z.ZodRecord) found = true;
  else if (s instanceof z.ZodArray) found = hasRecord(s.element as z.ZodType);
  else if (s instanceof z.ZodObject)
    found = Object.values(s.shape as Record<string, z.ZodType>).some(hasRecord);
  recordMemo.set(s, found);
  return found;
}

type Fields = (path: readonly PathPart[]) => {
  readonly names: readonly string[];
  suggest(key: string): string | undefined;
};

/**
 * Field names of the object schema at a path, with a suggester per schema: a plan with the same typo
 * in 10^5 pledges computes its suggestion once.
 */
function fieldsOf(): Fields {
  const cache = new Map<z.ZodType, ReturnType<Fields>>();
  const none = { names: [], suggest: () => undefined };
  return (path) => {
    const schema = schemaAt(path);
    if (!(schema instanceof z.ZodObject)) return none;
    let entry = cache.get(schema);
    if (entry === undefined) {
      const names = Object.keys(schema.shape);
      entry = { names, suggest: createSuggester(names) };
      cache.set(schema, entry);
    }
    return entry;
  };
}

type ZodIssue = z.core.$ZodIssue;

const CODES: Partial<Record<ZodIssue['code'], string>> = {
  invalid_type: 'PLAN_INVALID_TYPE',
  invalid_value: 'PLAN_INVALID_VALUE',
  custom: 'PLAN_INVALID_VALUE',
  too_small: 'PLAN_OUT_OF_RANGE',
  too_big: 'PLAN_OUT_OF_RANGE',
  not_multiple_of: 'PLAN_OUT_OF_RANGE',
  invalid_format: 'PLAN_INVALID_FORMAT',
  invalid_key: 'PLAN_INVALID_KEY',
};

function humanize(issue: ZodIssue, data: unknown, fields: Fields): PendingIssue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const error = (message: string, at: readonly PathPart[] = path): PendingIssue => ({
    code: CODES[issue.code] ?? 'PLAN_INVALID',
    severity: 'error',
    path: at,
    message,
    anchor: 'value',
  });
  if (issue.code === 'unrecognized_keys') {
    const allowed = fields(path);
    return issue.keys.map((key) => ({
      code: 'PLAN_UNKNOWN_FIELD',
      severity: 'error',
      path: [...path, key],
      message: unknownFieldMessage(key, allowed.names, allowed.suggest(key)),
      anchor: 'key',
    }));
  }
  const found = valueAt(data, path);
  if (found.missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const name = String(path[path.length - 1]);
    const hint =
      name === 'guarantor' && path.length === 1 ? ' (the plan format version: write `guarantor: 1`)' : '';
    return [{ ...error(`missing required field "${name}"${hint}`), code: 'PLAN_MISSING_FIELD' }];
  }
  const message =
    issue.message !== DEFAULT_MESSAGE ? issue.message : defaultMessage(issue, found.value, path);
  // A bad record key (an empty domain name) is pointed at as a key, not at its value.
  return [{ ...error(message), anchor: issue.code === 'invalid_key' ? 'key' : 'value' }];
}

/** zod's default messages, in the plan's words. */
function defaultMessage(issue: ZodIssue, input: unknown, path: readonly PathPart[]): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${expectedType(issue.expected, input)}, got ${describe(input)}`;
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const got = typeof input === 'string' ? JSON.stringify(clip(input)) : describe(input);
      const guess = typeof input === 'string' ? didYouMean(suggest(input, options)) : '';
      return options.length === 1
        ? `expected ${options[0]}, got ${got}`
        : `expected one of ${options.join(' | ')}, got ${got}${guess}`;
    }
    case 'too_small':
      if (isTuple(path)) return `expected a [day, level] pair, got ${describe(input)}`;
      return bound('at least', issue.origin, issue.minimum, issue.inclusive ?? true, '≥', '>');
    case 'too_big':
      if (isTuple(path)) return `expected a [day, level] pair, got ${describe(input)}`;
      return bound('at most', issue.origin, issue.maximum, issue.inclusive ?? true, '≤', '<');
    case 'invalid_key':
      return issue.issues[0]?.message && issue.issues[0].message !== DEFAULT_MESSAGE
        ? issue.issues[0].message
        : 'invalid key';
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      return `expected the ${issue.format} format`;
    case 'invalid_union':
    case 'invalid_element':
    case 'custom':
      return `invalid value: ${describe(input)}`;
    case 'unrecognized_keys':
      return `unknown fields ${issue.keys.join(', ')}`;
    default:
      return issue satisfies never;
  }
}

function bound(
  words: string,
  origin: string,
  limit: number | bigint,
  inclusive: boolean,
  inclusiveSign: string,
  exclusiveSign: string,
): string {
  const n = Number(limit);
  switch (origin) {
    case 'array':
      return `expected ${words} ${n} item${n === 1 ? '' : 's'}`;
    case 'string':
      return n === 1 && words === 'at least'
        ? 'expected a non-empty string'
        : `expected ${words} ${n} characters`;
    default:
      return `expected a number ${inclusive ? inclusiveSign : exclusiveSign} ${n}`;
  }
}

function expectedType(expected: string, input: unknown): string {
  switch (expected) {
    case 'number':
      return typeof input === 'number' ? 'a finite number' : 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'a string';
    case 'object':
    case 'record':
      return 'an object (a mapping of names to values)';
    case 'array':
      return 'a list';
    case 'tuple':
      // The plan's only tuple is a threat point.
      return 'a [day, level] pair';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

/** What a value is, for "got …": `a string`, `a list`, `NaN`, `null`. */
export function describe(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'an empty list'
      : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return 'a string';
    case 'number':
      return Number.isFinite(value) ? 'a number' : String(value);
    case 'boolean':
      return `${value} (a boolean)`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function unknownFieldMessage(key: string, allowed: readonly string[], guess: string | undefined): string {
  if (guess !== undefined) return `unknown field "${clip(key)}"${didYouMean(guess)}`;
  return allowed.length > 0
    ? `unknown field "${clip(key)}" (expected one of: ${allowed.join(', ')})`
    : `unknown field "${clip(key)}"`;
}

/** The value at `path` in the raw data, and whether its last step is a field absent from an object. */
function valueAt(data: unknown, path: readonly PathPart[]): { value: unknown; missing: boolean } {
  let current = data;
  for (let i = 0; i < path.length; i++) {
    const part = path[i] as PathPart;
    if (typeof current !== 'object' || current === null) return { value: undefined, missing: false };
    if (!Object.hasOwn(current, part)) {
      return { value: undefined, missing: i === path.length - 1 && !Array.isArray(current) };
    }
    current = (current as Record<PathPart, unknown>)[part];
  }
  return { value: current, missing: false };
}

/** The schema that validates the value at `path`, optional wrappers removed. */
function schemaAt(path: readonly PathPart[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = planSchema;
  for (const part of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(part)];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else if (schema instanceof z.ZodTuple) schema = schema.def.items[Number(part)] as z.ZodType | undefined;
    else return undefined;
  }
  return unwrap(schema);
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

function isTuple(path: readonly PathPart[]): boolean {
  return schemaAt(path) instanceof z.ZodTuple;
}
