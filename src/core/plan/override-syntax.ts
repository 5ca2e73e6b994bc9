/**
 * The text of one override, `path=value` (`--set actors.USA.reliability=0.5`): a dotted path and a
 * YAML value. Segments are names, ids or list positions; a segment with a dot in it is written as a
 * JSON string (`pledges."f.16-sqn".status=committed`). The value is read like a plan value, YAML 1.2
 * core schema in flow style: `0.5`, `committed`, `[sea, air]`, `{ land: 3 }`, `"quoted text"`.
 */
import { parseDocument } from 'yaml';
import type { Issue } from '../errors.js';
import { err, ok, type Result } from '../result.js';

export interface Override {
  /** The override as written, for messages. */
  readonly text: string;
  /** Path segments as written: names, ids, `actor/capability` for spare, digits for list positions. */
  readonly path: readonly string[];
  readonly value: unknown;
}

/** Aliases a value may expand: a one-line value has no business building a large structure. */
const MAX_ALIAS_COUNT = 100;

const EXAMPLE = 'e.g. actors.USA.reliability=0.5';

/**
 * Parses `path=value`; a malformed override is an error with code `SET_SYNTAX` (the text is wrong,
 * whatever the plan), a value that is not YAML one with code `SET_BAD_VALUE`.
 *
 * @example parseOverride('pledges.x.triggers=[sea, air]') // ok({ path: ['pledges', 'x', 'triggers'], value: ['sea', 'air'] })
 */
export function parseOverride(text: string): Result<Override, Issue> {
  const path = parsePathText(text);
  if (!path.ok) return path;
  const { segments, valueAt } = path.value;
  const valueText = text.slice(valueAt);
  if (valueText.trim() === '') {
    return err(syntax(`nothing after "=": give a value (write '' for an empty text), ${EXAMPLE}`));
  }
  const value = parseValue(valueText);
  if (!value.ok) return value;
  return ok({ text, path: segments, value: value.value });
}

/** The segments of the path and where the value starts (after the `=`). */
function parsePathText(text: string): Result<{ segments: string[]; valueAt: number }, Issue> {
  const segments: string[] = [];
  let i = skipSpaces(text, 0);
  for (;;) {
    let segment: string;
    if (text[i] === '"') {
      const end = closingQuote(text, i);
      if (end < 0) return err(syntax(`unclosed quote in the path: expected path=value, ${EXAMPLE}`));
      const quoted = readJsonString(text.slice(i, end + 1));
      if (quoted === undefined) return err(syntax(`bad escape in the quoted name ${text.slice(i, end + 1)}`));
      segment = quoted;
      i = end + 1;
    } else {
      const match = /^[^.="]*/.exec(text.slice(i)) as RegExpExecArray;
      segment = match[0].trim();
      i += match[0].length;
    }
    if (segment === '' && segments.length === 0 && text[i] === '=') {
      return err(syntax(`nothing before "=": expected path=value, ${EXAMPLE}`));
    }
    if (segment === '') {
      return err(
        syntax(
          text.includes('=')
            ? `empty name in the path "${pathPart(text)}": expected names joined by dots, ${EXAMPLE}`
            : `expected path=value, ${EXAMPLE}`,
        ),
      );
    }
    segments.push(segment);
    i = skipSpaces(text, i);
    if (text[i] === '.') {
      i = skipSpaces(text, i + 1);
      continue;
    }
    if (text[i] === '=') return ok({ segments, valueAt: i + 1 });
    return err(
      syntax(
        i >= text.length
          ? `expected path=value, ${EXAMPLE}`
          : `unexpected ${JSON.stringify(text[i])} in the path: expected path=value, ${EXAMPLE}`,
      ),
    );
  }
}

/** A YAML value in one line, core schema: the same reading as a value in a plan file. */
function parseValue(text: string): Result<unknown, Issue> {
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    resolveKnownTags: false,
    uniqueKeys: true,
    prettyErrors: false,
    logLevel: 'error',
  });
  const problem = doc.errors[0];
  if (problem !== undefined) {
    return err({
      code: 'SET_BAD_VALUE',
      severity: 'error',
      path: '',
      message: `the value ${JSON.stringify(text)} is not valid YAML (${firstLine(problem.message)}); quote text with '…'`,
    });
  }
  try {
    return ok(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (e) {
    const reason = e instanceof Error ? firstLine(e.message) : String(e);
    return err({
      code: 'SET_BAD_VALUE',
      severity: 'error',
      path: '',
      message: `cannot read the value: ${reason}`,
    });
  }
}

function syntax(message: string): Issue {
  return { code: 'SET_SYNTAX', severity: 'error', path: '', message };
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** Index of the `"` closing the JSON string that starts at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function readJsonString(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

function pathPart(text: string): string {
  const at = text.indexOf('=');
  return at < 0 ? text : text.slice(0, at);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}
