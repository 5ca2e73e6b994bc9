/**
 * Mapping text → a validated Mapping (mapping.ts) with a locator, or every issue with its line and
 * column. The locator stays with the mapping so that later findings (a header the table lacks) point
 * at the line that names it.
 */
import { formatPath, type Issue } from '../errors.js';
import type { Anchor, Locator, PathPart } from '../plan/locate.js';
import { readYaml } from '../plan/read-yaml.js';
import { createSuggester, didYouMean } from '../plan/suggest.js';
import { err, ok, type Result } from '../result.js';
import {
  DEFAULT_ID_TEMPLATE,
  ID_PLACEHOLDERS,
  LIST_FIELDS,
  type Mapping,
  mappingSchema,
  NUMBER_FIELDS,
} from './mapping.js';

/** Mappings are a few dozen lines; a larger file is a mistake (a table given as the mapping). */
export const MAX_MAPPING_BYTES = 1_000_000;

export interface ReadMapping {
  readonly mapping: Mapping;
  /** An issue at a path of the mapping, with its line and column. */
  readonly issueAt: (
    code: string,
    path: readonly PathPart[],
    message: string,
    anchor?: Anchor,
    severity?: Issue['severity'],
  ) => Issue;
}

/** Parses and validates a mapping; every issue, not just the first. */
export function readMapping(text: string): Result<ReadMapping, Issue[]> {
  if (text.length > MAX_MAPPING_BYTES) {
    return err([
      {
        code: 'MAPPING_TOO_LARGE',
        severity: 'error',
        path: '',
        message: `the mapping is over ${MAX_MAPPING_BYTES / 1e6} MB; is it the table rather than the mapping?`,
      },
    ]);
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const read = readYaml(source);
  if (!read.ok) return err(read.error.map((i) => ({ ...i, code: i.code.replace(/^PLAN_/, 'MAPPING_') })));
  const { data, locate } = read.value;
  const issueAt = locatedIssue(locate);
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return err([issueAt('MAPPING_EMPTY', [], 'the mapping must be a YAML mapping with at least `columns:`')]);
  }
  const parsed = mappingSchema.safeParse(data);
  if (!parsed.success) {
    return err(byPosition(parsed.error.issues.flatMap((issue) => humanize(issue, data, issueAt))));
  }
  const semantic = checkMapping(parsed.data, issueAt);
  if (semantic.length > 0) return err(byPosition(semantic));
  return ok({ mapping: parsed.data, issueAt });
}

function byPosition(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function locatedIssue(locate: Locator): ReadMapping['issueAt'] {
  return (code, path, message, anchor = 'value', severity = 'error') => {
    const at = locate([{ path, anchor }])[0];
    const issue: Issue = { code, severity, path: formatPath(path), message };
    return at === undefined ? issue : { ...issue, line: at.line, column: at.column };
  };
}

type ZodIssue = import('zod').z.core.$ZodIssue;

function humanize(issue: ZodIssue, data: unknown, issueAt: ReadMapping['issueAt']): Issue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    const allowed = fieldNamesAt(data, path);
    const guess = createSuggester(allowed);
    return issue.keys.map((key) =>
      issueAt(
        'MAPPING_UNKNOWN_FIELD',
        [...path, key],
        `unknown field "${key}"${
          guess(key) === undefined ? ` (expected one of: ${allowed.join(', ')})` : didYouMean(guess(key))
        }`,
        'key',
      ),
    );
  }
  if (isMissing(data, path)) {
    return [issueAt('MAPPING_MISSING_FIELD', path, `missing required field "${String(path.at(-1))}"`)];
  }
  let message = issue.message.startsWith('Invalid input: ')
    ? issue.message.slice('Invalid input: '.length)
    : issue.message;
  if (
    issue.code === 'invalid_value' &&
    issue.values.length > 1 &&
    issue.message.startsWith('Invalid option')
  ) {
    const got = valueAt(data, path);
    const options = issue.values.map(String);
    message = `expected one of ${options.join(' | ')}, got ${JSON.stringify(got)}${
      typeof got === 'string' ? didYouMean(createSuggester(options)(got)) : ''
    }`;
  }
  return [issueAt('MAPPING_INVALID', path, message)];
}

/** The fields the schema allows in the object at `path`, for "expected one of". */
function fieldNamesAt(_data: unknown, path: readonly PathPart[]): string[] {
  const top = Object.keys(mappingSchema.shape);
  if (path.length === 0) return top;
  const first = path[0];
  if (first === 'columns' && path.length === 1) return Object.keys(mappingSchema.shape.columns.shape);
  if (first === 'columns') return ['column', 'scale', 'separator'];
  if (first === 'values') return Object.keys(mappingSchema.shape.values.unwrap().shape);
  if (first === 'sources') return ['title', 'url', 'date'];
  if (first === 'skipWhen') return ['column', 'equals', 'empty'];
  if (first === 'defaults') return Object.keys(mappingSchema.shape.defaults.unwrap().shape);
  return top;
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let current = data;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PathPart, unknown>)[part];
  }
  return current;
}

function isMissing(data: unknown, path: readonly PathPart[]): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  const last = path.at(-1);
  return (
    last !== undefined &&
    typeof parent === 'object' &&
    parent !== null &&
    !Array.isArray(parent) &&
    !Object.hasOwn(parent, last)
  );
}

/** Rules the schema cannot say: which options suit which field, required fields, the id template. */
function checkMapping(mapping: Mapping, issueAt: ReadMapping['issueAt']): Issue[] {
  const issues: Issue[] = [];
  for (const [field, spec] of Object.entries(mapping.columns)) {
    if (spec === undefined) continue;
    const isNumber = (NUMBER_FIELDS as readonly string[]).includes(field);
    const isList = (LIST_FIELDS as readonly string[]).includes(field);
    if (spec.scale !== undefined && !isNumber) {
      issues.push(
        issueAt(
          'MAPPING_INVALID',
          ['columns', field, 'scale'],
          `scale applies to numbers only (${NUMBER_FIELDS.join(', ')}), not to ${field}`,
          'key',
        ),
      );
    }
    if (spec.separator !== undefined && !isList) {
      issues.push(
        issueAt(
          'MAPPING_INVALID',
          ['columns', field, 'separator'],
          `separator applies to lists only (${LIST_FIELDS.join(', ')}), not to ${field}`,
          'key',
        ),
      );
    }
  }
  for (const field of ['actor', 'capability', 'posture'] as const) {
    if (mapping.columns[field] === undefined && mapping.defaults?.[field] === undefined) {
      issues.push(
        issueAt(
          'MAPPING_MISSING_FIELD',
          ['columns'],
          `every pledge needs ${field === 'actor' ? 'an' : 'a'} ${field}: map a column to it ` +
            `(columns.${field}: HEADER) or give defaults.${field}`,
        ),
      );
    }
  }
  (mapping.sources ?? []).forEach((source, i) => {
    if (source.title === undefined && source.url === undefined) {
      issues.push(
        issueAt(
          'MAPPING_INVALID',
          ['sources', i],
          'a source needs a title column or a url column (a date alone is no source)',
        ),
      );
    }
  });
  const template = mapping.ids ?? DEFAULT_ID_TEMPLATE;
  for (const match of template.matchAll(/\{([^}]*)\}/g)) {
    const name = match[1] as string;
    if (!(ID_PLACEHOLDERS as readonly string[]).includes(name)) {
      issues.push(
        issueAt(
          'MAPPING_INVALID',
          ['ids'],
          `unknown placeholder {${name}} in the id template${didYouMean(createSuggester(ID_PLACEHOLDERS)(name))} ` +
            `(allowed: ${ID_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`,
        ),
      );
    }
  }
  return issues;
}
