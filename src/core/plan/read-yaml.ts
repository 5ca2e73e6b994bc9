/**
 * YAML text → plain value, with positions for paths. YAML 1.2 core schema, so `2025-09-04` stays a
 * string and `yes` is not a boolean; YAML 1.1 tags (`!!binary`, `!!timestamp`, …) are not resolved.
 */
import {
  Composer,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  type Node,
  type Pair,
  Parser,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import type { Issue } from '../errors.js';
import { formatPath } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { MAX_PLAN_DEPTH, MAX_YAML_ALIAS_COUNT } from './limits.js';
import type { LocateRequest, Locator, PathPart, Position } from './locate.js';

export interface ReadSource {
  readonly data: unknown;
  readonly locate: Locator;
  /** Warnings about the text itself (an unknown tag, …). */
  readonly warnings: readonly Issue[];
}

/** Thrown out of the token stream to stop the composer before it recurses too deep. */
class TooDeep {
  constructor(readonly offset: number) {}
}

/** Parses one YAML document; every syntax error is reported with its position. */
export function readYaml(text: string): Result<ReadSource, Issue[]> {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const composer = new Composer({
    version: '1.2',
    schema: 'core',
    resolveKnownTags: false,
    uniqueKeys: true,
    prettyErrors: false,
    // The core does no I/O: yaml would print some warnings (a collection used as a key) to stderr.
    logLevel: 'error',
  });

  let doc: Document.Parsed | undefined;
  const issues: Issue[] = [];
  try {
    for (const next of composer.compose(boundedTokens(text, lineCounter), true, text.length)) {
      if (doc === undefined) {
        doc = next;
        continue;
      }
      issues.push({
        code: 'PLAN_MULTIPLE_DOCUMENTS',
        severity: 'error',
        path: '',
        message:
          'the file holds more than one YAML document (a `---` line starts another); a plan is one document',
        ...at(next.range[0]),
      });
      break;
    }
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    return err([tooDeep(at(e.offset))]);
  }
  // compose(…, forceDoc = true) always yields a document, even for empty text.
  if (doc === undefined) throw new Error('yaml composer yielded no document');
  const parsed = doc;

  for (const e of parsed.errors) issues.push(yamlIssue(e, 'error', parsed, text, at));
  const warnings = parsed.warnings.map((w) => yamlIssue(w, 'warning', parsed, text, at));
  if (issues.length > 0) return err([...issues, ...warnings]);

  const anchors = anchorIndex(parsed);
  let data: unknown;
  try {
    data = parsed.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    return err([aliasIssue(e, parsed, anchors, at), ...warnings]);
  }
  return ok({ data, locate: yamlLocator(parsed, anchors, at), warnings });
}

/**
 * The parser's tokens, refusing nesting deeper than MAX_PLAN_DEPTH. The lexer and parser keep their
 * own stacks (no recursion), so the depth is measured here, before the recursive composer sees it.
 */
function* boundedTokens(text: string, lineCounter: LineCounter) {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    // +2: the stream's document token and the scalar being read sit on the stack too.
    if (parser.stack.length > MAX_PLAN_DEPTH + 2) throw new TooDeep(parser.offset);
  }
  yield* parser.end();
}

function tooDeep(position: Position): Issue {
  return {
    code: 'PLAN_TOO_DEEP',
    severity: 'error',
    path: '',
    message: `lists and mappings nest deeper than ${MAX_PLAN_DEPTH} levels; a plan needs at most 7`,
    ...position,
  };
}

function yamlIssue(
  e: YAMLError,
  severity: Issue['severity'],
  doc: Document.Parsed,
  text: string,
  at: (offset: number) => Position,
): Issue {
  const position = at(e.pos[0]);
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const found = findKey(doc.contents, e.pos[0], []);
      const first = found?.first === undefined ? undefined : at(found.first);
      const name =
        found === undefined ? text.slice(e.pos[0], e.pos[1]) : String(found.path[found.path.length - 1]);
      return {
        code: 'PLAN_DUPLICATE_KEY',
        severity,
        path: found === undefined ? '' : formatPath(found.path),
        message:
          `duplicate key "${name.length <= 80 ? name : `${name.slice(0, 77)}…`}"` +
          (first === undefined ? '' : ` (first at line ${first.line}, column ${first.column})`),
        ...position,
      };
    }
    case 'RESOURCE_EXHAUSTION':
      return tooDeep(position);
    default:
      return {
        code: severity === 'error' ? 'PLAN_SYNTAX' : 'PLAN_YAML_WARNING',
        severity,
        path: '',
        message: lowerFirst(e.message),
        ...position,
      };
  }
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

/**
 * The path of the mapping key starting at `offset` and the offset of the first key of that name in the
 * same mapping, to say where a duplicate key is.
 */
function findKey(
  node: unknown,
  offset: number,
  path: PathPart[],
): { path: PathPart[]; first?: number } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyName(pair.key);
      if (isNodeAt(pair.key, offset)) {
        const first = node.items.find((p) => keyName(p.key) === key);
        const firstStart = isScalar(first?.key) ? first.key.range?.[0] : undefined;
        return { path: [...path, key], ...(firstStart === undefined ? {} : { first: firstStart }) };
      }
      const found = findKey(pair.value, offset, [...path, key]);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const found = findKey(node.items[i], offset, [...path, i]);
      if (found) return found;
    }
  }
  return undefined;
}

function isNodeAt(node: unknown, offset: number): boolean {
  return isScalar(node) && node.range?.[0] === offset;
}

/** The property name `toJS` gives a mapping key: scalars as `String(value)`, null as ''. */
function keyName(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return String(key);
}

type AnchorIndex = ReadonlyMap<string, readonly Node[]>;

/** Anchored nodes by name, in document order (an alias refers to the last one before it). */
function anchorIndex(doc: Document.Parsed): AnchorIndex {
  const index = new Map<string, Node[]>();
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
      return;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return;
    if (node.anchor !== undefined) {
      const list = index.get(node.anchor) ?? [];
      list.push(node);
      index.set(node.anchor, list);
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(doc.contents);
  return index;
}

function resolveAlias(node: unknown, anchors: AnchorIndex): unknown {
  if (!isAlias(node)) return node;
  const start = node.range?.[0] ?? 0;
  let found: Node | undefined;
  for (const candidate of anchors.get(node.source) ?? []) {
    if ((candidate.range?.[0] ?? 0) < start) found = candidate;
  }
  return found;
}

function aliasIssue(
  e: ReferenceError,
  doc: Document.Parsed,
  anchors: AnchorIndex,
  at: (offset: number) => Position,
): Issue {
  const aliases: Node[] = [];
  const walk = (node: unknown): void => {
    if (isAlias(node)) aliases.push(node);
    else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    } else if (isMap(node) || isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(doc.contents);
  const unresolved = aliases.find((a) => resolveAlias(a, anchors) === undefined);
  const where = unresolved ?? aliases[0];
  const position = where?.range ? at(where.range[0]) : {};
  if (unresolved !== undefined && isAlias(unresolved)) {
    return {
      code: 'PLAN_SYNTAX',
      severity: 'error',
      path: '',
      message: `alias *${unresolved.source} refers to no anchor &${unresolved.source} defined before it`,
      ...position,
    };
  }
  return {
    code: 'PLAN_ALIAS_LIMIT',
    severity: 'error',
    path: '',
    message: `aliases expand to too many nodes (limit ${MAX_YAML_ALIAS_COUNT}): nested aliases grow exponentially (${e.message})`,
    ...position,
  };
}

function yamlLocator(doc: Document.Parsed, anchors: AnchorIndex, at: (offset: number) => Position): Locator {
  const start = (node: unknown): number | undefined =>
    isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? node.range?.[0] : undefined;
  // Pairs by key name per mapping, built on first use (the last pair of a name wins, as in toJS).
  const pairIndex = new Map<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, name: string): Pair | undefined => {
    let index = pairIndex.get(map);
    if (index === undefined) {
      index = new Map(map.items.map((pair) => [keyName(pair.key), pair]));
      pairIndex.set(map, index);
    }
    return index.get(name);
  };
  const locateOne = ({ path, anchor }: LocateRequest): Position | undefined => {
    let node: unknown = doc.contents;
    let best = start(node);
    for (let i = 0; i < path.length; i++) {
      node = resolveAlias(node, anchors);
      const part = path[i];
      if (isMap(node)) {
        const pair = pairOf(node, String(part));
        if (pair === undefined) break;
        const keyStart = start(pair.key);
        const value = pair.value;
        // `quantity:` with nothing after it has an empty scalar at the end of the line: name the key.
        const empty =
          value === null || (isScalar(value) && value.range != null && value.range[0] === value.range[1]);
        if ((i === path.length - 1 && anchor === 'key') || empty) {
          best = keyStart ?? best;
          if (empty) break;
        } else best = start(value) ?? best;
        node = value;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part];
        if (item === undefined) break;
        best = start(item) ?? best;
        node = item;
      } else break;
    }
    return best === undefined ? undefined : at(best);
  };
  return (requests) => requests.map(locateOne);
}
