/**
 * A MipModel in CPLEX LP format, the text HiGHS reads (http://web.mit.edu/lpsolve/doc/CPLEX-format.htm).
 * Names are generated from indices (x0, x1, … and r0, r1, …), so ids with any characters are safe.
 * HiGHS's reader takes no ranged rows (`2 <= x + y <= 5` fails to parse), so a row with two finite,
 * different bounds becomes two rows; `lpRows` says which LP rows make up each model row, so duals can
 * be added back up.
 */
import type { MipModel, MipRow, MipTerm } from './solver.js';

export interface LpText {
  readonly text: string;
  /** Per model row, the names of its LP rows (none for a row without finite bounds). */
  readonly lpRows: readonly (readonly string[])[];
}

/** Terms per line: the format allows continuation lines, and HiGHS has a line-length limit. */
const TERMS_PER_LINE = 8;

export function variableName(j: number): string {
  return `x${j}`;
}

export function toLpFormat(model: MipModel): LpText {
  const n = model.variables.length;
  if (n === 0) throw new Error('toLpFormat: a model without variables has no LP form');
  const lines: string[] = [model.sense === 'minimize' ? 'Minimize' : 'Maximize'];
  const objective = model.variables.map((v, j): MipTerm => ({ variable: j, coefficient: v.cost }));
  // Every variable is named in the objective, with 0 where it costs nothing, so that the reader
  // declares it even if no row uses it.
  lines.push(...expression(' obj:', objective, '', true));
  lines.push('Subject To');
  const lpRows: string[][] = [];
  model.rows.forEach((row, i) => {
    const names: string[] = [];
    for (const [suffix, sense, bound] of sides(row)) {
      const name = `r${i}${suffix}`;
      names.push(name);
      lines.push(...expression(` ${name}:`, row.terms, ` ${sense} ${number(bound)}`));
    }
    lpRows.push(names);
  });
  lines.push('Bounds');
  model.variables.forEach((v, j) => {
    checkNumber(v.lower, `variables[${j}].lower`);
    checkNumber(v.upper, `variables[${j}].upper`);
    lines.push(` ${number(v.lower)} <= ${variableName(j)} <= ${number(v.upper)}`);
  });
  const integers = model.variables.flatMap((v, j) => (v.integer ? [variableName(j)] : []));
  if (integers.length > 0) {
    lines.push('General');
    for (let k = 0; k < integers.length; k += TERMS_PER_LINE) {
      lines.push(` ${integers.slice(k, k + TERMS_PER_LINE).join(' ')}`);
    }
  }
  lines.push('End', '');
  return { text: lines.join('\n'), lpRows };
}

/** The one or two constraints of a row: equality, ≥ lower, ≤ upper, or both. */
function sides(row: MipRow): [string, '>=' | '<=' | '=', number][] {
  checkNumber(row.lower, `row ${row.label} lower`);
  checkNumber(row.upper, `row ${row.label} upper`);
  if (row.lower > row.upper) throw new Error(`toLpFormat: row ${row.label} has lower > upper`);
  if (row.lower === row.upper) return [['', '=', row.lower]];
  const out: [string, '>=' | '<=' | '=', number][] = [];
  const lo = Number.isFinite(row.lower);
  const hi = Number.isFinite(row.upper);
  if (lo) out.push(['', '>=', row.lower]);
  if (hi) out.push([lo ? 'u' : '', '<=', row.upper]);
  return out;
}

/**
 * `head + 3 x0 - 2.5 x1 …tail`, wrapped. Coefficients of one variable are added up; zeros are dropped
 * unless `keepZeros`; an empty expression is written `0 x0` (the format needs a term).
 */
function expression(head: string, terms: readonly MipTerm[], tail: string, keepZeros = false): string[] {
  const merged = new Map<number, number>();
  for (const t of terms) {
    checkNumber(t.coefficient, `coefficient of variable ${t.variable}`);
    if (!Number.isFinite(t.coefficient)) throw new Error('toLpFormat: infinite coefficient');
    merged.set(t.variable, (merged.get(t.variable) ?? 0) + t.coefficient);
  }
  const parts = [...merged]
    .filter(([, c]) => keepZeros || c !== 0)
    .sort((a, b) => a[0] - b[0])
    .map(([j, c]) => `${c < 0 ? '-' : '+'} ${number(Math.abs(c))} ${variableName(j)}`);
  if (parts.length === 0) parts.push(`0 ${variableName(0)}`);
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += TERMS_PER_LINE) {
    const chunk = parts.slice(k, k + TERMS_PER_LINE).join(' ');
    const last = k + TERMS_PER_LINE >= parts.length;
    lines.push(`${k === 0 ? head : '  '} ${chunk}${last ? tail : ''}`);
  }
  return lines;
}

/** Shortest round-tripping decimal (JavaScript's), with the format's words for infinity. */
function number(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return '+inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  return String(x);
}

function checkNumber(x: number, what: string): void {
  if (Number.isNaN(x)) throw new Error(`toLpFormat: ${what} is NaN`);
}
