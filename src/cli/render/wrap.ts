/** Word wrapping for the human renderers. */
import { width } from './format.js';

/**
 * Joins `parts` with `separator`, starting a new line (prefixed by `indent`) before a part that would
 * pass `maxWidth`. A part is never split.
 */
export function joinWrapped(
  parts: readonly string[],
  separator: string,
  indent: string,
  maxWidth: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line === '') line = indent + part;
    else if (width(line) + width(separator) + width(part) <= maxWidth) line += separator + part;
    else {
      lines.push(line);
      line = indent + part;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Wraps text at spaces; the first line starts with `first`, the others with `rest`. */
export function wrapText(text: string, first: string, rest: string, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (empty) {
      line += word;
      empty = false;
    } else if (width(line) + 1 + width(word) <= maxWidth) line += ` ${word}`;
    else {
      lines.push(line);
      line = rest + word;
    }
  }
  lines.push(line);
  return lines;
}
