/**
 * The two-way grid: the reliabilities of the actors on the x axis shifted together by each x value,
 * those on the y axis by each y value (clamped to [0, 1]), the variant re-run per cell on the same
 * draws; then the tipping line where the verdict flips (tipping-line.ts).
 *
 * The verdict of a cell is one of two rules: `value` — the variant's value reaches settings.target;
 * `every-scenario` — every scenario's pHold does (the rule of "ENOUGH" in `assess`, without its
 * interval: the grid is about where the line runs, and paired cells are smooth in x and y).
 */
import type { Plan } from '../../plan/types.js';
import type { AxisSpec } from './grid-axes.js';
import type { Evaluator } from './paired-runs.js';
import { clamp01, withReliabilityShift } from './plan-edits.js';
import { type TippingPoint, tippingLine } from './tipping-line.js';

export type GridRule = 'value' | 'every-scenario';

/** Common shifts of reliability on each axis: −0.3 … +0.3 in steps of 0.1 (7 × 7 cells). */
export const GRID_SHIFTS: readonly number[] = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3];

export interface GridAxis {
  readonly name: string;
  readonly actors: readonly string[];
  /**
   * The shifts added to each actor's reliability, ascending: GRID_SHIFTS, slid for a one-actor axis so
   * its reliability stays in [0, 1] (see axisShifts).
   */
  readonly values: readonly number[];
  /** For an axis of one actor: its reliability at each shift (clamped to [0, 1]). */
  readonly reliability?: readonly number[];
  /** For an axis of one actor: its reliability in the plan (shift 0). */
  readonly baseReliability?: number;
}

export interface GridScenario {
  readonly id: string;
  /** pHold[iy][ix]. */
  readonly pHold: readonly (readonly number[])[];
}

export interface Grid {
  readonly x: GridAxis;
  readonly y: GridAxis;
  readonly rule: GridRule;
  readonly target: number;
  /** value[iy][ix]: the variant's value in the cell of y value iy and x value ix. */
  readonly value: readonly (readonly number[])[];
  readonly scenarios: readonly GridScenario[];
  /** reaches[iy][ix]: the cell's verdict under the rule. */
  readonly reaches: readonly (readonly boolean[])[];
  /** Per x value, where the verdict flips along y. */
  readonly tipping: readonly TippingPoint[];
}

export function sensitivityGrid(
  plan: Plan,
  axes: readonly [AxisSpec, AxisSpec],
  evaluate: Evaluator,
  rule: GridRule,
  shifts: readonly number[] = GRID_SHIFTS,
): Grid {
  const [xSpec, ySpec] = axes;
  const target = plan.settings.target;
  const xs = axisShifts(plan, xSpec, shifts);
  const ys = axisShifts(plan, ySpec, shifts);
  const cells = ys.map((sy) =>
    xs.map((sx) => {
      const edited = withReliabilityShift(withReliabilityShift(plan, xSpec.actors, sx), ySpec.actors, sy);
      return evaluate(edited);
    }),
  );
  const margin = cells.map((row) =>
    row.map((run) => (rule === 'value' ? run.value : Math.min(...run.pHold)) - target),
  );
  return {
    x: axis(plan, xSpec, xs),
    y: axis(plan, ySpec, ys),
    rule,
    target,
    value: cells.map((row) => row.map((run) => run.value)),
    scenarios: plan.scenarios.map((s, k) => ({
      id: s.id,
      pHold: cells.map((row) => row.map((run) => run.pHold[k] as number)),
    })),
    reaches: margin.map((row) => row.map((m) => m >= 0)),
    tipping: tippingLine(xs, ys, margin),
  };
}

/**
 * The shifts of an axis. One actor's reliability is slid to stay inside [0, 1] (0.9 − 0.3 … 0.9 + 0.3
 * becomes 0.4 … 1.0), so no two columns are the same clamped value; a group's common shift is kept, and
 * each member is clamped on its own.
 */
export function axisShifts(plan: Plan, spec: AxisSpec, shifts: readonly number[]): number[] {
  const r =
    spec.actors.length === 1 ? plan.actors.find((a) => a.id === spec.actors[0])?.reliability : undefined;
  const lo = shifts[0];
  const hi = shifts[shifts.length - 1];
  if (r === undefined || lo === undefined || hi === undefined) return [...shifts];
  const offset = r + hi > 1 ? 1 - (r + hi) : r + lo < 0 ? -(r + lo) : 0;
  return shifts.map((s) => Math.round((s + offset) * 1e12) / 1e12);
}

function axis(plan: Plan, spec: AxisSpec, shifts: readonly number[]): GridAxis {
  const only = spec.actors.length === 1 ? spec.actors[0] : undefined;
  const r = plan.actors.find((a) => a.id === only)?.reliability;
  return {
    name: spec.name,
    actors: spec.actors,
    values: shifts,
    ...(r === undefined
      ? {}
      : { reliability: shifts.map((s) => Math.round(clamp01(r + s) * 1e12) / 1e12), baseReliability: r }),
  };
}
