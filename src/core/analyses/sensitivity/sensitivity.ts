/**
 * `sensitivity`: which assumptions move the verdict? A tornado over every partner's reliability, the
 * model's global settings and the threat per domain (tornado.ts, parameters.ts), and a two-way grid of
 * reliabilities with its tipping line (grid.ts). Every run uses the same trials and seed, so all the
 * comparisons are paired (MODEL.md §2, common random numbers).
 *
 * Cost: one run of the variant per distinct edited plan — about 2 per parameter plus 49 for the grid.
 * Runs are in-process: on the example plan one run of 5,000 trials takes ~50 ms, and starting worker
 * threads per run (src/runner) costs more than that.
 */
import type { Progress } from '../../engine/assess.js';
import type { Plan } from '../../plan/types.js';
import { GRID_SHIFTS, type Grid, type GridRule, sensitivityGrid } from './grid.js';
import { type AxisSpec, resolveGridAxes } from './grid-axes.js';
import { makeEvaluator } from './paired-runs.js';
import { tornadoParameters } from './parameters.js';
import { type TornadoRow, tornado } from './tornado.js';

/**
 * Default trials: on the example plan (27 actors) the tornado's ~77 runs of 5,000 trials take ~4 s and
 * the whole command with the grid ~6 s on one core (bench/run.js), and paired swings of a few points
 * still have standard errors of a few tenths of a point.
 */
export const DEFAULT_SENSITIVITY_TRIALS = 5000;

/** The grid asked for when none is given (see resolveDefaultAxes). */
export const DEFAULT_GRID = 'USA,europe';

export interface SensitivityOptions {
  readonly variant: string;
  /** Default min(settings.trials, DEFAULT_SENSITIVITY_TRIALS). */
  readonly trials?: number;
  /** Default settings.seed. */
  readonly seed?: number;
  /** `x,y` axes (grid-axes.ts); false for no grid; default DEFAULT_GRID where it applies. */
  readonly grid?: string | false;
  /** Default `value`. */
  readonly rule?: GridRule;
  readonly onProgress?: (progress: Progress) => void;
}

export interface Sensitivity {
  readonly model: 1;
  readonly title: string;
  readonly variant: string;
  /** The variant's value at the plan's own assumptions. */
  readonly base: number;
  readonly trials: number;
  readonly seed: number;
  readonly target: number;
  /** Highest swing first. */
  readonly tornado: readonly TornadoRow[];
  /** Null when no grid was asked for, or the default one does not apply (a variant with one partner). */
  readonly grid: Grid | null;
}

export function sensitivity(plan: Plan, options: SensitivityOptions): Sensitivity {
  const trials = options.trials ?? Math.min(plan.settings.trials, DEFAULT_SENSITIVITY_TRIALS);
  const seed = options.seed ?? plan.settings.seed;
  const rule = options.rule ?? 'value';
  // Progress counts requested runs (memo hits included) in trials, as the CLI's bar expects. The total is
  // known once the base run has named the partners: nothing is reported before (a first report of 1/1
  // would show a finished bar that then falls back).
  let total: number | undefined;
  let done = 0;
  const report = () => {
    done += trials;
    if (total !== undefined) options.onProgress?.({ done: Math.min(done, total), total });
  };
  const evaluate = makeEvaluator(options.variant, trials, seed, report);
  const base = evaluate(plan);
  const partners = base.actors.filter((a) => a !== plan.protected);
  const parameters = tornadoParameters(plan, partners);
  // Resolve an explicit grid before the tornado runs, so a bad one fails at once; the default is
  // resolved after it (it may need the tornado's ranking).
  const explicitAxes =
    options.grid === undefined || options.grid === false
      ? undefined
      : resolveGridAxes(plan, options.grid, partners, options.variant);
  const gridCells = options.grid === false ? 0 : GRID_SHIFTS.length ** 2;
  total = trials * (1 + 2 * parameters.length + gridCells);
  options.onProgress?.({ done, total });
  const rows = tornado(plan, parameters, evaluate);
  let grid: Grid | null = null;
  if (options.grid !== false) {
    const axes = explicitAxes ?? resolveDefaultAxes(plan, partners, rows, options.variant);
    if (axes !== undefined) grid = sensitivityGrid(plan, axes, evaluate, rule);
  }
  options.onProgress?.({ done: total, total });
  return {
    model: 1,
    title: plan.title,
    variant: options.variant,
    base: base.value,
    trials,
    seed,
    target: plan.settings.target,
    tornado: rows,
    grid,
  };
}

/**
 * `USA,europe` where the variant counts the USA and someone else; otherwise the partner whose
 * reliability swings the value most, against everyone else; no grid with fewer than two partners.
 */
export function resolveDefaultAxes(
  plan: Plan,
  partners: readonly string[],
  rows: readonly TornadoRow[],
  variant: string,
): [AxisSpec, AxisSpec] | undefined {
  if (partners.length < 2) return undefined;
  if (partners.includes('USA')) return resolveGridAxes(plan, DEFAULT_GRID, partners, variant);
  const top = rows.find((r) => r.kind === 'reliability');
  const id = partners.find((p) => top?.parameter === `actors.${p}.reliability`);
  if (id === undefined) throw new Error('a variant with partners has no reliability row');
  return resolveGridAxes(plan, `${id},rest`, partners, variant);
}
