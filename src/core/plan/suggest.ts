/**
 * "Did you mean …?" for unknown names (ids, fields, enum values, tags, domains): a case-insensitive
 * exact match first, else the closest candidate by Damerau–Levenshtein distance (the optimal string
 * alignment variant: one transposition of neighbours costs 1), only when it is close enough to be a
 * plausible typo.
 */

/** Most edits accepted for a suggestion: a third of the longer name, at least one. */
function maxEdits(a: string, b: string): number {
  return Math.max(1, Math.floor(Math.max(a.length, b.length) / 3));
}

/**
 * Optimal-string-alignment distance between `a` and `b`, or `limit + 1` as soon as it must exceed
 * `limit` (the rows only grow, so a row whose minimum is over the limit ends the search).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/**
 * The candidate `name` was probably meant to be, or undefined.
 *
 * @example suggest('sam-lng', ['sam-long', 'fighter-sqn']) // 'sam-long'
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  return createSuggester(candidates)(name);
}

/**
 * Comparisons a suggester may spend in total. Suggestions are a courtesy: a hostile or machine-made
 * plan with a million unknown references among a million ids must not turn them into 10^12 steps.
 */
const DEFAULT_BUDGET = 2_000_000;

/**
 * A `suggest` bound to one candidate list, with a cache per name and a bounded total effort; use it
 * when many names are checked against the same ids.
 */
export function createSuggester(
  candidates: Iterable<string>,
  budget = DEFAULT_BUDGET,
): (name: string) => string | undefined {
  const list = [...new Set(candidates)];
  const lower = list.map((c) => c.toLowerCase());
  const byLower = new Map<string, string>();
  lower.forEach((l, i) => {
    if (!byLower.has(l)) byLower.set(l, list[i] as string);
  });
  const cache = new Map<string, string | undefined>();
  let left = budget;
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    const needle = name.toLowerCase();
    let best = byLower.get(needle);
    if (best === undefined && left > 0) {
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let i = 0; i < list.length && left > 0; i++) {
        left--;
        const other = lower[i] as string;
        const limit = Math.min(maxEdits(needle, other), bestDistance - 1);
        if (limit < 1) continue;
        const d = editDistance(needle, other, limit);
        // A distance as long as the shorter name means "replace everything": no resemblance.
        if (d <= limit && d < Math.min(needle.length, other.length)) {
          best = list[i];
          bestDistance = d;
        }
      }
    }
    cache.set(name, best);
    return best;
  };
}

/** `; did you mean "x"?` or the empty string, to append to a message. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}
