/**
 * Where a path of the plan (`pledges[3].capability`) sits in the source text. Each format has its own
 * locator (`read-yaml.ts`, `read-json.ts`); this file holds what they share.
 */

export type PathPart = string | number;

/** 1-based line and column (in UTF-16 code units, as editors count them). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * `value`: the value at the path (a missing one falls back to the nearest existing ancestor, so a
 * missing field points at the object that lacks it). `key`: the key of the last path part, for
 * unknown or duplicate keys.
 */
export type Anchor = 'value' | 'key';

export interface LocateRequest {
  readonly path: readonly PathPart[];
  readonly anchor: Anchor;
}

/** Positions for a batch of requests (same order); undefined where even the root is unknown. */
export type Locator = (requests: readonly LocateRequest[]) => (Position | undefined)[];

/**
 * The inverse of `formatPath` (errors.ts): `pledges[3]["odd key"].capability` →
 * `['pledges', 3, 'odd key', 'capability']`. Returns undefined for text formatPath cannot produce.
 */
export function parsePath(text: string): PathPart[] | undefined {
  const parts: PathPart[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      const close = closingBracket(text, i);
      if (close < 0) return undefined;
      const inner = text.slice(i + 1, close);
      if (/^\d+$/.test(inner)) parts.push(Number(inner));
      else {
        try {
          const key: unknown = JSON.parse(inner);
          if (typeof key !== 'string') return undefined;
          parts.push(key);
        } catch {
          return undefined;
        }
      }
      i = close + 1;
    } else {
      if (parts.length > 0) {
        if (text[i] !== '.') return undefined;
        i++;
      }
      const match = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i));
      if (match === null) return undefined;
      parts.push(match[0]);
      i += match[0].length;
    }
  }
  return parts;
}

/** Index of the `]` closing the bracket at `open`, skipping a JSON string inside it. */
function closingBracket(text: string, open: number): number {
  if (text[open + 1] !== '"') return text.indexOf(']', open);
  for (let i = open + 2; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return text[i + 1] === ']' ? i + 1 : -1;
  }
  return -1;
}

/** Offsets of the start of every line, for turning offsets into positions. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based position of `offset`, given `lineStarts(text)`. */
export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/** An issue whose position is still to be found: the loader locates a whole batch in one pass. */
export interface PendingIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly path: readonly PathPart[];
  readonly message: string;
  readonly anchor: Anchor;
}
