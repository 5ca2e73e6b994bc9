/**
 * Writes accepted proposals into a plan FILE's text, keeping everything else byte for byte: comments,
 * flow or block style, key order, how other numbers are written. A YAML Document re-printed by `yaml`
 * would normalise every number (2.875e13 → 2.875e+13) and fold long flow maps, so instead the parsed
 * document only locates what to change (its nodes' source ranges) and the edits splice the text:
 * a value replaced where the key exists, a `key: value` added after the map's last pair where it does
 * not, and (YAML only) a comment line above the actor naming the source. JSON stays JSON, without
 * comments. The result is parsed again and checked to hold exactly the intended values.
 */
import { isMap, isScalar, isSeq, type Pair, parseDocument, type YAMLMap } from 'yaml';
import { err, ok, type Result } from '../result.js';

export interface ActorEdit {
  readonly actor: string;
  readonly set: { readonly reliability?: number; readonly gdp?: number };
  /** One line; written as a YAML comment above the actor (JSON has none). */
  readonly note: string;
}

interface Splice {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** The text with the edits applied; an error (nothing applied) when the file's actors cannot be found. */
export function acceptInPlanText(
  text: string,
  edits: readonly ActorEdit[],
  format: 'yaml' | 'json',
): Result<string, string> {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return err(`the plan does not parse: ${doc.errors[0]?.message ?? ''}`);
  const actors = isMap(doc.contents) ? doc.contents.get('actors', true) : undefined;
  if (!isSeq(actors)) return err('the plan has no actors list');
  const splices: Splice[] = [];
  for (const edit of edits) {
    const map = actors.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === edit.actor);
    if (map === undefined || map.range == null) return err(`no actor "${edit.actor}" in the plan's actors`);
    for (const [key, value] of Object.entries(edit.set)) {
      if (value === undefined) continue;
      const made = setValue(text, map, key, value, format);
      if (!made.ok) return made;
      splices.push(made.value);
    }
    if (format === 'yaml') splices.push(commentAbove(text, map.range[0], edit.note));
  }
  const edited = applySplices(text, splices);
  return checkEdited(edited, edits);
}

/** `key: value` replaced in place, or added after the map's last pair (flow: `, key: v`; block: a line). */
function setValue(
  text: string,
  map: YAMLMap,
  key: string,
  value: number,
  format: 'yaml' | 'json',
): Result<Splice, string> {
  const written = numberText(value);
  const pair = map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
  if (pair !== undefined) {
    const range = isScalar(pair.value) ? pair.value.range : undefined;
    if (range == null) return err(`the ${key} of an actor is not a plain value`);
    return ok({ at: range[0], remove: range[1] - range[0], insert: written });
  }
  const last = map.items.at(-1);
  const lastEnd = last !== undefined && isScalar(last.value) ? last.value.range?.[1] : undefined;
  if (lastEnd == null) return err('an actor without a plain last field cannot be extended');
  const name = format === 'json' ? `"${key}"` : key;
  if (map.flow === true) return ok({ at: lastEnd, remove: 0, insert: `, ${name}: ${written}` });
  const firstKey = map.items[0]?.key;
  const keyStart = isScalar(firstKey) ? firstKey.range?.[0] : undefined;
  if (keyStart == null) return err('an actor without a plain first key cannot be extended');
  const indent = ' '.repeat(keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1));
  return ok({ at: lastEnd, remove: 0, insert: `\n${indent}${name}: ${written}` });
}

/** A `# note` line above the line the actor starts on, indented like it. */
function commentAbove(text: string, start: number, note: string): Splice {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  return { at: lineStart, remove: 0, insert: `${indent}# ${note.replace(/[\r\n]+/g, ' ')}\n` };
}

function applySplices(text: string, splices: readonly Splice[]): string {
  // From the end backwards, so earlier offsets stay valid; at one offset, in the order they were made.
  const ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => b.s.at - a.s.at || b.i - a.i);
  let out = text;
  for (const { s } of ordered) out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
  return out;
}

/** Numbers as a person writes them: 0.78, 28750000000000 (exact, as the World Bank gives it). */
function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

function checkEdited(text: string, edits: readonly ActorEdit[]): Result<string, string> {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return err(`the edited plan would not parse: ${doc.errors[0]?.message ?? ''}`);
  const actors = (doc.toJS() as { actors?: Record<string, unknown>[] }).actors ?? [];
  for (const edit of edits) {
    const actor = actors.find((a) => a.id === edit.actor);
    for (const [key, value] of Object.entries(edit.set)) {
      if (value !== undefined && actor?.[key] !== value) {
        return err(`the edit of ${edit.actor}.${key} did not come out as ${value}`);
      }
    }
  }
  return ok(text);
}
