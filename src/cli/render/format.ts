/**
 * Number formats shared by the human renderers. Percentages never claim certainty they do not have:
 * 0.999 is ">99%", not "100%"; intervals round outwards so the printed range always contains the real one.
 */

/** `62%`; `<1%` and `>99%` for values that are not exactly 0 or 1 but would round to them. */
export function formatPercent(p: number): string {
  if (Number.isNaN(p)) return '—';
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p >= 0.995) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/** `(61–63%)`: the lower bound rounded down, the upper bound up. */
export function formatInterval(ci: readonly [number, number]): string {
  const lo = Math.floor(ci[0] * 100 + 1e-9);
  const hi = Math.ceil(ci[1] * 100 - 1e-9);
  return `(${lo}–${hi}%)`;
}

/** `62% (61–63%)`. */
export function formatProbability(p: number, ci: readonly [number, number]): string {
  return `${formatPercent(p)} ${formatInterval(ci)}`;
}

/** A share that is not a probability of success (a mean shortfall): one decimal below 10%. */
export function formatShare(x: number): string {
  if (x === 0) return '0%';
  const pct = x * 100;
  if (pct < 0.05) return '<0.1%';
  return pct < 10 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}

/** Power, units: 3 significant figures at most, never exponent notation: 0.52, 7.7, 30.6, 155, 1,240. */
export function formatAmount(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  const digits = a < 1 ? 2 : a < 100 ? 1 : 0;
  const fixed = x.toFixed(digits);
  const trimmed = digits > 0 ? fixed.replace(/\.?0+$/, '') : fixed;
  return a >= 1000 ? groupThousands(trimmed) : trimmed;
}

/** `20,000`. */
export function formatCount(n: number): string {
  return groupThousands(String(Math.round(n)));
}

function groupThousands(s: string): string {
  const [int = '', frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** `1 pledge`, `3 pledges`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}

/** Display width of a string in a terminal: code points (our output has no wide or combining characters). */
export function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Cuts `s` to `max` columns, ending with `…` when it was cut. */
export function truncate(s: string, max: number): string {
  if (width(s) <= max) return s;
  if (max <= 1) return '…'.slice(0, max);
  return `${[...s]
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
