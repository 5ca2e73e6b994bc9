/**
 * PRIM, the Patient Rule Induction Method (J. H. Friedman & N. I. Fisher, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9, 1999), used for scenario discovery as in
 * B. P. Bryant & R. J. Lempert, "Thinking inside the box", Technological Forecasting and Social
 * Change 77, 2010: find boxes (a range per feature, most features left free) inside which the
 * scenario fails far more often than overall, reported by coverage (share of all failures inside),
 * density (failure rate inside) and support (share of trials inside).
 *
 * Why PRIM rather than a shallow decision tree: a box is a plain "when … and …" statement that names
 * only the conditions of its own failure mode, and "covering" (remove the trials of a box, search
 * again) finds separate failure modes one by one; a tree's leaves inherit every split above them,
 * conditions that matter for another branch included.
 *
 * The steps, all deterministic (ties go to the earlier feature, then the lower peel):
 * 1. Peeling: repeatedly remove a slice of the box — the lowest or highest values of an ordered
 *    feature, about α = 5% of the box (whole values, never all of them), or one of the two values of a
 *    yes/no feature. Slices differ in size, so candidates are compared by the gain in density per
 *    share of the box removed; with equal slices that is Friedman & Fisher's "highest mean" rule. A
 *    slice is only removed if its failure rate is lower than the rest's by z ≥ 3 standard errors (a
 *    two-proportion test; strict, because about a hundred features are tried at every step), and the
 *    box keeps ≥ 1% of the trials and ≥ 10 failures, and restricts ≤ 3 features (a rule a person reads).
 * 2. Choosing along the peeling trajectory: the box with the largest coverage × density — the square
 *    of the Fowlkes–Mallows index √(precision · recall) (Fowlkes & Mallows, JASA 78, 1983). It needs
 *    no tuning constant and, unlike "most failures above the base rate" (weighted relative accuracy),
 *    does not settle for a wide box of middling density when a narrower one explains failure far
 *    better: "the backstop did not come (100% of failures, failing 21%)" loses to "Denmark did not
 *    honour and the backstop did not come (30% of failures, failing 91%)".
 * 3. Pruning: drop a restriction whenever the box without it scores at least as well.
 * 4. Covering: remove the box's trials and search the rest, up to three boxes, until fewer than 5% of
 *    the failures are left. The rules are an ordered list ("when …; otherwise when …").
 */

export interface Column {
  /** Per trial: 0/1 for yes/no features, small whole numbers for ordered ones. */
  readonly values: Uint16Array;
}

/** Trials with min ≤ value ≤ max of the feature. */
export interface Limit {
  readonly feature: number;
  readonly min: number;
  readonly max: number;
}

/**
 * The rules form an ordered list, read "when …; otherwise when …": a rule's trials are those inside its
 * box and outside every earlier one (the data its box was found on), so counts add up.
 */
export interface PrimRule {
  /** Restrictions, in feature order. */
  readonly limits: readonly Limit[];
  /** Trials inside this box and no earlier one, and the failures among them. */
  readonly trials: number;
  readonly failures: number;
  /** Failures of this rule and the earlier ones. */
  readonly cumulativeFailures: number;
}

export interface PrimOptions {
  readonly alpha?: number;
  readonly z?: number;
  readonly minSupport?: number;
  readonly minFailures?: number;
  readonly maxConditions?: number;
  readonly maxRules?: number;
  readonly minResidualShare?: number;
}

export const PRIM_DEFAULTS: Required<PrimOptions> = {
  alpha: 0.05,
  z: 3,
  minSupport: 0.01,
  minFailures: 10,
  maxConditions: 3,
  maxRules: 3,
  minResidualShare: 0.05,
};

/** Up to `maxRules` boxes that explain the failures (`fails[i] = 1`), by PRIM with covering. */
export function primRules(
  columns: readonly Column[],
  fails: Uint8Array,
  options: PrimOptions = {},
): PrimRule[] {
  const opts = { ...PRIM_DEFAULTS, ...options };
  const N = fails.length;
  const F = count(fails);
  const rules: PrimRule[] = [];
  const inData = new Uint8Array(N).fill(1);
  let cumulative = 0;
  const maxValue = columns.map((c) => c.values.reduce((m, v) => Math.max(m, v), 0));
  for (let k = 0; k < opts.maxRules; k++) {
    const residual = countWhere(fails, inData);
    if (residual < Math.max(opts.minFailures, opts.minResidualShare * F)) break;
    const box = findBox(columns, maxValue, fails, inData, opts, N);
    if (box === undefined) break;
    const inside = boxMask(columns, box, fails.length);
    let trials = 0;
    let failures = 0;
    for (let i = 0; i < N; i++) {
      if (inside[i] !== 1 || inData[i] !== 1) continue;
      trials++;
      failures += fails[i] as number;
      inData[i] = 0;
    }
    cumulative += failures;
    rules.push({ limits: box, trials, failures, cumulativeFailures: cumulative });
  }
  return rules;
}

/** One box on the trials with inData = 1: peel, choose along the trajectory, prune. */
function findBox(
  columns: readonly Column[],
  maxValue: readonly number[],
  fails: Uint8Array,
  inData: Uint8Array,
  opts: Required<PrimOptions>,
  N: number,
): Limit[] | undefined {
  const members: number[] = [];
  for (let i = 0; i < inData.length; i++) if (inData[i] === 1) members.push(i);
  const f0 = members.reduce((s, i) => s + (fails[i] as number), 0);
  const steps = peelingTrajectory(columns, maxValue, fails, members, opts, N);
  // coverage · density = (f / F) · (f / n); F is fixed here, so f² / n ranks the same.
  const score = (n: number, f: number) => (n === 0 ? 0 : (f * f) / n);
  let best: PeelingStep | undefined;
  for (const step of steps) {
    if (best === undefined || score(step.trials, step.failures) > score(best.trials, best.failures))
      best = step;
  }
  if (best === undefined || f0 === 0) return undefined;
  return prune(columns, fails, members, best.limits, score);
}

export interface PeelingStep {
  readonly limits: readonly Limit[];
  readonly trials: number;
  readonly failures: number;
}

/** The boxes after each peel, starting from the trials `members` (exported for tests and diagnostics). */
export function peelingTrajectory(
  columns: readonly Column[],
  maxValue: readonly number[],
  fails: Uint8Array,
  members: readonly number[],
  opts: Required<PrimOptions>,
  N: number,
): PeelingStep[] {
  const minTrials = Math.max(1, Math.ceil(opts.minSupport * N));
  let box = new Map<number, Limit>();
  let inside = members;
  let failures = members.reduce((s, i) => s + (fails[i] as number), 0);
  const steps: PeelingStep[] = [];
  const histN = new Float64Array(Math.max(1, ...maxValue) + 1);
  const histF = new Float64Array(histN.length);
  for (;;) {
    const peel = bestPeel(columns, maxValue, fails, inside, failures, box, opts, minTrials, histN, histF);
    if (peel === undefined) break;
    const col = (columns[peel.feature] as Column).values;
    inside = inside.filter((i) => (col[i] as number) >= peel.min && (col[i] as number) <= peel.max);
    failures -= peel.removedFailures;
    box = new Map(box).set(peel.feature, { feature: peel.feature, min: peel.min, max: peel.max });
    steps.push({
      limits: [...box.values()].sort((a, b) => a.feature - b.feature),
      trials: inside.length,
      failures,
    });
  }
  return steps;
}

interface Peel {
  readonly feature: number;
  /** The range kept. */
  readonly min: number;
  readonly max: number;
  readonly removedFailures: number;
}

function bestPeel(
  columns: readonly Column[],
  maxValue: readonly number[],
  fails: Uint8Array,
  inside: readonly number[],
  f: number,
  box: ReadonlyMap<number, Limit>,
  opts: Required<PrimOptions>,
  minTrials: number,
  histN: Float64Array,
  histF: Float64Array,
): Peel | undefined {
  const n = inside.length;
  const d = f / n;
  let best: (Peel & { rate: number }) | undefined;
  const consider = (feature: number, min: number, max: number, nr: number, fr: number) => {
    const nk = n - nr;
    const fk = f - fr;
    if (nr === 0 || nk < minTrials || fk < opts.minFailures) return;
    const dk = fk / nk;
    if (dk <= d) return;
    // Two-proportion z-test of the slice against the rest (pooled rate d, 0 < d < 1 here).
    const se = Math.sqrt(d * (1 - d) * (1 / nk + 1 / nr));
    if ((dk - fr / nr) / se < opts.z) return;
    const rate = (dk - d) / (nr / n);
    if (best === undefined || rate > best.rate) best = { feature, min, max, removedFailures: fr, rate };
  };
  columns.forEach((column, j) => {
    if (!box.has(j) && box.size >= opts.maxConditions) return;
    const values = column.values;
    const top = maxValue[j] as number;
    histN.fill(0, 0, top + 1);
    histF.fill(0, 0, top + 1);
    for (const i of inside) {
      const v = values[i] as number;
      histN[v] = (histN[v] as number) + 1;
      histF[v] = (histF[v] as number) + (fails[i] as number);
    }
    let lo = 0;
    while (lo <= top && histN[lo] === 0) lo++;
    let hi = top;
    while (hi >= 0 && histN[hi] === 0) hi--;
    if (lo >= hi) return;
    // Lower slice: values lo … c, at least α of the box, but never the highest value present.
    let nr = 0;
    let fr = 0;
    let c = lo;
    for (; c < hi; c++) {
      nr += histN[c] as number;
      fr += histF[c] as number;
      if (nr >= opts.alpha * n) break;
    }
    // The open ends stay open: a box that was not cut from above keeps every higher value.
    const limit = box.get(j);
    consider(j, Math.min(c, hi - 1) + 1, limit?.max ?? top, nr, fr);
    // Upper slice: values c … hi, symmetrically.
    nr = 0;
    fr = 0;
    c = hi;
    for (; c > lo; c--) {
      nr += histN[c] as number;
      fr += histF[c] as number;
      if (nr >= opts.alpha * n) break;
    }
    consider(j, limit?.min ?? 0, Math.max(c, lo + 1) - 1, nr, fr);
  });
  if (best === undefined) return undefined;
  const { rate: _, ...peel } = best;
  return peel;
}

/** Drops restrictions while some drop scores at least as well (the best drop first). */
function prune(
  columns: readonly Column[],
  fails: Uint8Array,
  members: readonly number[],
  box: readonly Limit[],
  objective: (n: number, f: number) => number,
): Limit[] {
  let limits = [...box];
  const score = (ls: readonly Limit[]) => {
    let n = 0;
    let f = 0;
    for (const i of members) {
      if (ls.every((l) => inLimit(columns, l, i))) {
        n++;
        f += fails[i] as number;
      }
    }
    return objective(n, f);
  };
  let current = score(limits);
  while (limits.length > 1) {
    let bestDrop = -1;
    let bestScore = current;
    limits.forEach((_, k) => {
      const s = score(limits.filter((__, m) => m !== k));
      if (s >= bestScore && (bestDrop < 0 || s > bestScore)) {
        bestDrop = k;
        bestScore = s;
      }
    });
    if (bestDrop < 0) break;
    limits = limits.filter((_, m) => m !== bestDrop);
    current = bestScore;
  }
  return limits;
}

function inLimit(columns: readonly Column[], l: Limit, i: number): boolean {
  const v = (columns[l.feature] as Column).values[i] as number;
  return v >= l.min && v <= l.max;
}

/** 1 for the trials inside every limit. */
export function boxMask(columns: readonly Column[], limits: readonly Limit[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = limits.every((l) => inLimit(columns, l, i)) ? 1 : 0;
  return out;
}

function count(a: Uint8Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}

function countWhere(a: Uint8Array, mask: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) & (mask[i] as number);
  return s;
}
