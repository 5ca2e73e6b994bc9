/**
 * A mixed-integer linear program as plain data: what the burden-sharing analysis (MODEL.md §6) hands to
 * a solver, and what a solver hands back. The core builds and reads these values and never sees a
 * solver's own format, so any implementation of `MipSolver` (src/solver: HiGHS) can be plugged in and
 * the core stays pure.
 *
 *   minimise (or maximise)  Σ_j cost_j · x_j
 *   subject to              lower_i ≤ Σ_j a_ij · x_j ≤ upper_i   for every row i
 *                           lower_j ≤ x_j ≤ upper_j, x_j integer where marked
 */

export interface MipVariable {
  /** For people and solver logs only; solvers name variables themselves. */
  readonly label: string;
  /** May be −Infinity. */
  readonly lower: number;
  /** May be Infinity. */
  readonly upper: number;
  readonly integer: boolean;
  /** Objective coefficient. */
  readonly cost: number;
}

export interface MipTerm {
  /** Index into `MipModel.variables`. */
  readonly variable: number;
  readonly coefficient: number;
}

export interface MipRow {
  readonly label: string;
  readonly terms: readonly MipTerm[];
  /** May be −Infinity. */
  readonly lower: number;
  /** May be Infinity. lower = upper makes an equality. */
  readonly upper: number;
}

export interface MipModel {
  readonly sense: 'minimize' | 'maximize';
  readonly variables: readonly MipVariable[];
  readonly rows: readonly MipRow[];
}

/**
 * optimal: proved optimal (within the solver's tolerances); infeasible; unbounded; limit: stopped by a
 * limit with or without a feasible point; error: the solver failed.
 */
export type MipStatus = 'optimal' | 'infeasible' | 'unbounded' | 'limit' | 'error';

export interface MipSolution {
  readonly status: MipStatus;
  /** Objective value at `values`; NaN where there is no solution. */
  readonly objective: number;
  /** One value per variable, in model order; empty where there is no solution. */
  readonly values: readonly number[];
  /**
   * Only for models without integer variables (LPs), where duals exist: per row, the rate at which the
   * optimal objective changes per unit raise of the row's binding bound (0 for a row that does not
   * bind). For a minimisation with a `≥` row that binds it is ≥ 0: the shadow price of the row.
   */
  readonly rowDuals?: readonly number[];
  /** Solver's own words on the outcome (e.g. HiGHS's model status), for messages. */
  readonly detail: string;
}

/** Anything that solves a MipModel. Implementations must pass src/solver/solver.contract.test.ts. */
export interface MipSolver {
  /** Shown in outputs, e.g. `HiGHS 1.15 (highs-js, WebAssembly)`. */
  readonly name: string;
  solve(model: MipModel): Promise<MipSolution>;
}

/** The LP relaxation: the same model with integrality dropped (its duals are shadow prices). */
export function relaxation(model: MipModel): MipModel {
  return { ...model, variables: model.variables.map((v) => ({ ...v, integer: false })) };
}
