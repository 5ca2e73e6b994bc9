/**
 * Numbers for people: probabilities as whole percentages, intervals as ranges, money in billions of
 * euros, days as "day 9". Pure functions, tested in format.test.ts; the dashboard (src/web/format.ts
 * re-exports them) and the briefing report write numbers alike.
 */

/** 0.4213 → "42%"; below 1% and above 99% one decimal ("0.4%", "99.6%"). */
export function percent(p: number): string {
  if (!Number.isFinite(p)) return '–';
  const x = p * 100;
  if ((x > 0 && x < 1) || (x > 99 && x < 100)) return `${x.toFixed(1)}%`;
  return `${Math.round(x)}%`;
}

/** (0.38, 0.44) → "38–44%"; an interval that rounds to one figure is that figure: "96%". */
export function percentRange(lo: number, hi: number): string {
  const a = percent(lo);
  const b = percent(hi);
  return a === b ? a : `${a.slice(0, -1)}–${b}`;
}

/** A paired difference in points: 0.403 → "+40 points", -0.02 → "−2 points". */
export function points(d: number): string {
  const x = Math.round(d * 100);
  const sign = x > 0 ? '+' : x < 0 ? '−' : '±';
  const n = Math.abs(x);
  return `${sign}${n} ${n === 1 ? 'point' : 'points'}`;
}

/** Euros: 1.234e9 → "€1.2 bn", 350e6 → "€350 m", 12_000 → "€12,000". */
export function euros(amount: number): string {
  if (!Number.isFinite(amount)) return '–';
  const sign = amount < 0 ? '−' : '';
  const a = Math.abs(amount);
  if (a >= 1e9) return `${sign}€${trim(a / 1e9)} bn`;
  if (a >= 1e6) return `${sign}€${trim(a / 1e6)} m`;
  return `${sign}€${Math.round(a).toLocaleString('en-GB')}`;
}

/**
 * Money in a plan's currency (MODEL.md §1: `currency` is optional and names the unit of gdp, unitCost and
 * fundingPerYear): EUR → "€1.2 bn", USD → "US$1.2 bn", GBP → "£1.2 bn", another code before the amount
 * ("CHF 350 m"); no currency, a bare amount ("1.2 bn") rather than a guessed one. Trillions for GDPs
 * ("US$28.8 tn" reads better than "US$28750 bn").
 */
export function money(amount: number, currency: string | undefined): string {
  const text = Math.abs(amount) >= 1e12 ? euros(amount / 1e3).replace(' bn', ' tn') : euros(amount);
  const code = currency?.toUpperCase();
  const symbol = code === undefined ? '' : (CURRENCY_SYMBOLS[code] ?? `${code} `);
  return text.replace('€', symbol);
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: 'US$', GBP: '£' };

/** Billions as the Kiel tracker and the plans give them: 115.381 → "€115.4 bn". */
export function euroBillions(bn: number): string {
  return euros(bn * 1e9);
}

/** 9 → "day 9". */
export function day(n: number): string {
  return `day ${Math.round(n)}`;
}

/** A quantity of units, with its unit name when it has one: (2.5, 'brigade') → "2.5 brigades". */
export function units(quantity: number, unit?: string): string {
  const q = Number.isInteger(quantity) ? String(quantity) : trim(quantity);
  if (unit === undefined || unit === '') return q;
  return `${q} ${quantity === 1 ? unit : plural(unit)}`;
}

/** The plural of a unit name: its head noun takes it ("lot of 1,000 drones" → "lots of 1,000 drones"). */
function plural(unit: string): string {
  const of = unit.indexOf(' of ');
  if (of > 0) return `${plural(unit.slice(0, of))}${unit.slice(of)}`;
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}ies`;
  if (/(x|ch|sh)$/.test(unit)) return `${unit}es`;
  // Already plural ("systems") or a name that does not change: as it is.
  if (unit.endsWith('s')) return unit;
  return `${unit}s`;
}

/** One decimal below 10, none above: 1.23 → "1.2", 12.6 → "13", 2.0 → "2". */
function trim(x: number): string {
  const text = x < 10 ? x.toFixed(1) : x.toFixed(0);
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}
