/**
 * JSON text → plain value, with positions for paths. `JSON.parse` does the work (it is ~50× faster
 * than a YAML parser); jsonc-parser's streaming `visit` runs only when something must be located, so
 * a valid plan pays nothing for positions. (Its `parseTree` would need ~30 bytes of tree per byte of
 * text: 2 GB for a 64 MB plan.)
 */
import { type JSONVisitor, type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import { formatPath, type Issue } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { MAX_PLAN_DEPTH } from './limits.js';
import {
  type LocateRequest,
  type Locator,
  lineStarts,
  type PathPart,
  type Position,
  positionAt,
} from './locate.js';
import type { ReadSource } from './read-yaml.js';

const STRICT_JSON = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** Parses a JSON document; duplicate keys are an error (JSON.parse would keep the last silently). */
export function readJson(text: string): Result<ReadSource, Issue[]> {
  const scan = scanJson(text);
  if (scan.tooDeepAt >= 0) {
    return err([
      {
        code: 'PLAN_TOO_DEEP',
        severity: 'error',
        path: '',
        message: `lists and objects nest deeper than ${MAX_PLAN_DEPTH} levels; a plan needs at most 7`,
        ...positionAt(lineStarts(text), scan.tooDeepAt),
      },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return err([syntaxIssue(text, e instanceof Error ? e.message : String(e))]);
  }
  if (countKeys(data) !== scan.keys) {
    const duplicates = duplicateKeys(text);
    if (duplicates.length > 0) return err(duplicates);
  }
  return ok({ data, locate: jsonLocator(text), warnings: [] });
}

interface Scan {
  /** Strings followed by `:`, i.e. object keys (in valid JSON). */
  readonly keys: number;
  /** Offset where nesting first passes MAX_PLAN_DEPTH, or -1. */
  readonly tooDeepAt: number;
}

/**
 * One pass over the raw text, before parsing: the nesting depth (so that no recursive reader meets a
 * hostile depth) and the number of keys (compared with the parsed value's to detect duplicates).
 */
function scanJson(text: string): Scan {
  let keys = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = text.indexOf('"', i + 1);
      while (end >= 0 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) break; // unterminated: JSON.parse reports it
      i = end;
      let k = end + 1;
      while (k < text.length && isJsonSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 0x3a /* : */) keys++;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_PLAN_DEPTH) return { keys, tooDeepAt: i };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return { keys, tooDeepAt: -1 };
}

/** True when the quote at `at` is preceded by an odd number of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 0x5c /* \ */) n++;
  return n % 2 === 1;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Keys of every object in a parsed value (iterative: depth is already bounded, but cheaply so). */
function countKeys(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      n += keys.length;
      for (const k of keys) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return n;
}

/** By `printParseErrorCode` name: ParseErrorCode is a const enum, out of reach with isolatedModules. */
const SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character (strings and keys need double quotes)',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a key in double quotes (no trailing comma before `}`)',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected `:` after the key',
  CommaExpected: 'expected `,` between items',
  CloseBraceExpected: 'expected `}`',
  CloseBracketExpected: 'expected `]`',
  EndOfFileExpected: 'expected the end of the file after the plan',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment (comments are not allowed in JSON)',
  UnexpectedEndOfString: 'unterminated string (a line break inside a string must be written \\n)',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

/**
 * The first syntax error, located by jsonc-parser. Only the first: after it, a JSON reader's recovery
 * mostly reports echoes of the same mistake.
 */
function syntaxIssue(text: string, fallbackMessage: string): Issue {
  let first: { code: ParseErrorCode; line: number; column: number } | undefined;
  visit(
    text,
    {
      onError: (code, _offset, _length, line, column) => {
        first ??= { code, line: line + 1, column: column + 1 };
      },
    },
    STRICT_JSON,
  );
  if (first !== undefined) {
    return {
      code: 'PLAN_SYNTAX',
      severity: 'error',
      path: '',
      message: SYNTAX_MESSAGES[printParseErrorCode(first.code)] ?? 'invalid JSON',
      line: first.line,
      column: first.column,
    };
  }
  // JSON.parse and jsonc-parser disagree (should not happen): keep JSON.parse's word and position.
  const offset = /position (\d+)/.exec(fallbackMessage)?.[1];
  return {
    code: 'PLAN_SYNTAX',
    severity: 'error',
    path: '',
    message: fallbackMessage,
    ...(offset === undefined ? {} : positionAt(lineStarts(text), Number(offset))),
  };
}

interface Frame {
  readonly isArray: boolean;
  /** Index of the next array element, or the key of the current property. */
  index: number;
  key: string;
}

/**
 * A `visit` that keeps track of where it is: `onValue` gets each value's frame stack (the containers
 * around it; an array's `index` is the value's own) and position, `onKey` each object key's. Depth is
 * bounded by `scanJson`, so the visitor's recursion is safe.
 */
function walkJson(
  text: string,
  onValue: (frames: readonly Frame[], at: Position) => boolean,
  onKey: (frames: readonly Frame[], key: string, at: Position) => void,
): void {
  const frames: Frame[] = [];
  /** Reports a value; false when the caller needs nothing inside it (jsonc-parser then skips it). */
  const value = (line: number, column: number): boolean => {
    const descend = onValue(frames, { line: line + 1, column: column + 1 });
    const top = frames[frames.length - 1];
    if (top?.isArray) top.index++;
    return descend;
  };
  const visitor: JSONVisitor = {
    onObjectBegin: (_o, _l, line, column) => {
      const descend = value(line, column);
      // Pushed even when skipped: jsonc-parser still calls onObjectEnd for a skipped object.
      frames.push({ isArray: false, index: 0, key: '' });
      return descend;
    },
    onArrayBegin: (_o, _l, line, column) => {
      const descend = value(line, column);
      frames.push({ isArray: true, index: 0, key: '' });
      return descend;
    },
    onObjectEnd: () => {
      frames.pop();
    },
    onArrayEnd: () => {
      frames.pop();
    },
    onLiteralValue: (_v, _o, _l, line, column) => {
      value(line, column);
    },
    onObjectProperty: (key, _o, _l, line, column) => {
      const top = frames[frames.length - 1];
      if (top) top.key = key;
      onKey(frames, key, { line: line + 1, column: column + 1 });
    },
  };
  visit(text, visitor, STRICT_JSON);
}

/** The path part leading from an enclosing frame to its current child (its index already advanced). */
function segment(frame: Frame): PathPart {
  return frame.isArray ? frame.index - 1 : frame.key;
}

function duplicateKeys(text: string): Issue[] {
  const issues: Issue[] = [];
  const seen: Map<string, Position>[] = [];
  walkJson(
    text,
    (frames) => {
      // seen[i] holds the keys of frames[i]: drop the sets of containers that have ended.
      seen.length = frames.length;
      return true;
    },
    (frames, key, at) => {
      seen.length = frames.length;
      const keys = seen[frames.length - 1] ?? new Map<string, Position>();
      seen[frames.length - 1] = keys;
      const first = keys.get(key);
      if (first === undefined) keys.set(key, at);
      else {
        issues.push({
          code: 'PLAN_DUPLICATE_KEY',
          severity: 'error',
          path: formatPath([...frames.slice(0, -1).map(segment), key]),
          message: `duplicate key "${key}" (first at line ${first.line}, column ${first.column})`,
          ...at,
        });
      }
    },
  );
  return issues;
}

interface Trie {
  readonly children: Map<string, Trie>;
  value?: Position;
  key?: Position;
}

/** Locates a batch of paths in one streaming pass, following only the branches that were asked for. */
function jsonLocator(text: string): Locator {
  return (requests) => {
    const root: Trie = { children: new Map() };
    for (const { path } of requests) {
      let node = root;
      for (const part of path) {
        const name = String(part);
        let child = node.children.get(name);
        if (child === undefined) {
          child = { children: new Map() };
          node.children.set(name, child);
        }
        node = child;
      }
    }
    // nodes[i]: the trie node of frames[i]'s container (undefined off the requested branches).
    const nodes: (Trie | undefined)[] = [];
    walkJson(
      text,
      (frames, at) => {
        const top = frames[frames.length - 1];
        let node: Trie | undefined;
        if (top === undefined) node = root;
        else {
          const parent = nodes[frames.length - 1];
          node = parent?.children.get(top.isArray ? String(top.index) : top.key);
        }
        if (node !== undefined) node.value = at;
        nodes.length = frames.length;
        nodes.push(node);
        return node !== undefined;
      },
      (frames, key, at) => {
        const child = nodes[frames.length - 1]?.children.get(key);
        if (child !== undefined) child.key = at;
      },
    );
    return requests.map((request) => resolve(root, request));
  };
}

function resolve(root: Trie, { path, anchor }: LocateRequest): Position | undefined {
  let node = root;
  let best = root.value;
  for (let i = 0; i < path.length; i++) {
    const child = node.children.get(String(path[i]));
    if (child === undefined || (child.value === undefined && child.key === undefined)) break;
    if (i === path.length - 1 && anchor === 'key' && child.key !== undefined) return child.key;
    best = child.value ?? child.key ?? best;
    node = child;
  }
  return best;
}
