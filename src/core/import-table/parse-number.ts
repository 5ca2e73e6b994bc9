/**
 * Numbers as analysts type them: `1200`, `1,200`, `1 200`, `1.5`, `1.2e9`, and with `decimal: ','`
 * the continental `1.200,5`. A thousands separator must group digits by three; anything that could
 * be read two ways (`1,5` with a decimal point: 1.5 or 15?) is refused, never guessed.
 */
import { err, ok, type Result } from '../result.js';

export type DecimalMark = '.' | ',';

/** Spaces that spreadsheets put between thousands: space, no-break space, narrow no-break space. */
const GROUP_SPACES = /[ \u00a0\u202f]/g;

/**
 * The number `text` means, or why it means none.
 *
 * @example parseNumber('1,200', '.') // ok(1200)
 * @example parseNumber('1,5', '.')   // err('… ambiguous …')
 */
export function parseNumber(text: string, decimal: DecimalMark): Result<number, string> {
  const trimmed = text.trim();
  const group = decimal === '.' ? ',' : '.';
  const compact = trimmed.replace(GROUP_SPACES, '');
  if (compact !== trimmed && !/^[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(trimmed)) {
    return err(`"${trimmed}" is not a number (spaces may only separate groups of three digits)`);
  }
  const groupPattern = new RegExp(`^[-+]?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  let plain = compact;
  if (compact.includes(group)) {
    if (!groupPattern.test(compact)) {
      const twoWays = new RegExp(`^[-+]?\\d+\\${group}\\d+$`).test(compact);
      return err(twoWays ? ambiguity(trimmed, decimal) : `"${clip(trimmed)}" is not a number`);
    }
    plain = compact.replaceAll(group, '');
  }
  if (decimal === ',') plain = plain.replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(plain)) {
    return err(`"${clip(trimmed)}" is not a number`);
  }
  const value = Number(plain);
  return Number.isFinite(value) ? ok(value) : err(`"${clip(trimmed)}" is too large`);
}

function ambiguity(text: string, decimal: DecimalMark): string {
  return decimal === '.'
    ? `"${text}" is ambiguous: with a decimal point, a comma may only separate thousands (1,200); ` +
        `write ${text.replace(',', '.')} for a fraction, or set \`decimal: ','\` in the mapping if the table uses decimal commas`
    : `"${text}" is ambiguous: with \`decimal: ','\`, a point may only separate thousands (1.200); ` +
        `write ${text.replace('.', ',')} for a fraction, or remove \`decimal: ','\` from the mapping`;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}
