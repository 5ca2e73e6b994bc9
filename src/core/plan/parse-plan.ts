/**
 * The plan loader: text in, a validated and normalized Plan (or every reason there is none) out.
 * size → syntax (YAML or JSON) → shapes and ranges (zod) → cross-references → defaults.
 * Pure: no files, no clock; the caller reads the file and prints the issues (`formatIssue`).
 */
import { formatPath, type Issue } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { checkReferences } from './check-references.js';
import { checkShape } from './check-shape.js';
import { MAX_JSON_PLAN_BYTES, MAX_YAML_PLAN_BYTES } from './limits.js';
import { type Locator, type PendingIssue, parsePath } from './locate.js';
import { normalizePlan } from './normalize.js';
import { readJson } from './read-json.js';
import { type ReadSource, readYaml } from './read-yaml.js';
import type { Plan } from './types.js';

export {
  MAX_JSON_PLAN_BYTES,
  MAX_PLAN_BYTES,
  MAX_PLAN_DEPTH,
  MAX_YAML_ALIAS_COUNT,
  MAX_YAML_PLAN_BYTES,
} from './limits.js';

export type PlanFormat = 'yaml' | 'json';

export interface ParsedPlan {
  readonly plan: Plan;
  /** Legal but ignored or suspicious content, sorted by position. */
  readonly warnings: readonly Issue[];
}

/** Issues whose position is the key rather than the value (the key itself is what is wrong). */
const KEY_CODES: ReadonlySet<string> = new Set(['PLAN_UNKNOWN_FIELD', 'PLAN_UNKNOWN_DOMAIN']);

/**
 * Parses and validates a plan (MODEL.md §1). On failure, every issue found in the first stage that
 * fails (syntax, then shapes, then references), sorted by position; warnings found so far are
 * included, and at least one issue is an error.
 *
 * @example
 * const result = parsePlan(text, 'plan.yaml');
 * if (!result.ok) for (const issue of result.error) console.error(formatIssue('plan.yaml', issue));
 */
export function parsePlan(text: string, fileName: string): Result<ParsedPlan, Issue[]> {
  const read = readPlanText(text, fileName);
  if (!read.ok) return read;
  return planFromData(read.value);
}

/**
 * The first stages of `parsePlan`: size → syntax, giving the plain data with its locator (or the
 * issues that stop there). Separate so that overrides (`--set`) can change the data before validation.
 */
export function readPlanText(text: string, fileName: string): Result<ReadSource, Issue[]> {
  // A byte order mark is not part of the plan, and editors do not count it as a column.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = firstNonBlank(source);
  if (first < 0) return err([wholeDocument('PLAN_EMPTY', 'the plan is empty')]);
  const format = planFormat(source, fileName, first);
  const tooLarge = sizeIssue(source, format);
  if (tooLarge !== undefined) return err([tooLarge]);

  const read = format === 'json' ? readJson(source) : readYaml(source);
  if (!read.ok) return err(sortIssues(read.error));
  if (read.value.data === null || read.value.data === undefined) {
    return err([wholeDocument('PLAN_EMPTY', 'the plan is empty (it holds only comments or null)')]);
  }
  return read;
}

/** The last stages of `parsePlan`: shapes → references → defaults, issues placed by `locate`. */
export function planFromData({
  data,
  locate,
  warnings: textWarnings,
}: ReadSource): Result<ParsedPlan, Issue[]> {
  const shape = checkShape(data);
  if (!shape.ok) return err(sortIssues([...textWarnings, ...place(shape.error, locate)]));

  const references = checkReferences(shape.value).map(
    (issue): PendingIssue => ({
      ...issue,
      path: parsePath(issue.path) ?? [],
      anchor: KEY_CODES.has(issue.code) ? 'key' : 'value',
    }),
  );
  const issues = sortIssues([...textWarnings, ...place(references, locate)]);
  if (issues.some((issue) => issue.severity === 'error')) return err(issues);
  return ok({ plan: normalizePlan(shape.value), warnings: issues });
}

/** JSON when the file name says so or the text starts with `{`; YAML otherwise. */
export function planFormat(text: string, fileName: string, first = firstNonBlank(text)): PlanFormat {
  return fileName.toLowerCase().endsWith('.json') || text[first] === '{' ? 'json' : 'yaml';
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
  }
  return -1;
}

function sizeIssue(text: string, format: PlanFormat): Issue | undefined {
  const limit = format === 'yaml' ? MAX_YAML_PLAN_BYTES : MAX_JSON_PLAN_BYTES;
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: count only when the answer is not already known.
  if (text.length * 3 <= limit) return undefined;
  const bytes = text.length > limit ? text.length : utf8Length(text);
  if (bytes <= limit) return undefined;
  const size = `the plan is ${megabytes(bytes)}${text.length > limit ? ' or more' : ''}`;
  return wholeDocument(
    'PLAN_TOO_LARGE',
    format === 'yaml'
      ? `${size}; YAML plans are limited to ${megabytes(MAX_YAML_PLAN_BYTES)} because YAML parsing is slow ` +
          `(about 1 MB/s): write it as JSON instead, which may be up to ${megabytes(MAX_JSON_PLAN_BYTES)}`
      : `${size}; plans are limited to ${megabytes(MAX_JSON_PLAN_BYTES)}`,
  );
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair (4 bytes) is two units of 2; a lone surrogate becomes U+FFFD (3 bytes), close enough.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function wholeDocument(code: string, message: string): Issue {
  return { code, severity: 'error', path: '', message };
}

/** Adds line and column to pending issues, locating the whole batch at once. */
function place(pending: readonly PendingIssue[], locate: Locator): Issue[] {
  const positions = locate(pending.map(({ path, anchor }) => ({ path, anchor })));
  return pending.map(({ code, severity, path, message }, i) => {
    const at = positions[i];
    const issue: Issue = { code, severity, path: formatPath(path), message };
    return at === undefined ? issue : { ...issue, line: at.line, column: at.column };
  });
}

/** By position (issues without one, about the whole document, first); stable otherwise. */
function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
