/**
 * The Solver on HiGHS (Huangfu & Hall 2018; https://highs.dev), compiled to WebAssembly by the `highs`
 * package: the model goes in as CPLEX LP text (lp-format.ts), the answer comes back keyed by the names
 * we gave. STACK.md: it matched GLPK on LPs and beat it on MIPs here.
 *
 * Concurrency decision: the WebAssembly build is single-threaded and `solve` blocks the calling thread;
 * burden-sharing models are small (a variable per spare entry, one per partner), so they are solved in
 * this thread. Each `solve` runs in a fresh native HiGHS instance (the package's one-shot API), so no
 * state is shared between calls. HiGHS runs without time limits, so the same model always gives the
 * same answer (a wall-clock limit would make results depend on the machine).
 */
import highsPackage from 'highs';
import { type LpText, toLpFormat, variableName } from './lp-format.js';
import type { MipModel, MipSolution, MipStatus, Solver } from './solver.js';

/**
 * The package's types describe its CommonJS build (the loader at `module.exports.default`); `import`
 * loads its ES build, whose default export is the loader itself. Take whichever is there.
 */
const loadHighs = ((highsPackage as unknown as { default?: unknown }).default ??
  highsPackage) as typeof highsPackage.default;

type Highs = Awaited<ReturnType<typeof loadHighs>>;
type HighsResult = ReturnType<Highs['solve']>;

export const HIGHS_NAME = 'HiGHS (highs-js, WebAssembly)';

/** HiGHS options for every solve: quiet, and a MIP solved to proven optimality (no relative gap). */
const OPTIONS = { output_flag: false, mip_rel_gap: 0 } as const;

export function highsSolver(): Solver {
  let loaded: Promise<Highs> | undefined;
  const highs = () => {
    loaded ??= loadHighs();
    return loaded;
  };
  return {
    name: HIGHS_NAME,
    async solve(model: MipModel): Promise<MipSolution> {
      if (model.variables.length === 0) return solveEmpty(model);
      const lp = toLpFormat(model);
      const instance = await highs();
      let result = run(instance, lp.text, OPTIONS);
      if (result.Status === 'Primal infeasible or unbounded') {
        // Presolve could not tell which; the simplex without presolve can.
        result = run(instance, lp.text, { ...OPTIONS, presolve: 'off' });
      }
      return read(model, lp, result);
    },
  };
}

function run(instance: Highs, text: string, options: Parameters<Highs['solve']>[1]): HighsResult {
  try {
    return instance.solve(text, options);
  } catch (error) {
    // The LP text is ours: a parse failure is a bug here, not the user's input.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`HiGHS could not solve the model: ${message}`);
  }
}

function read(model: MipModel, lp: LpText, result: HighsResult): MipSolution {
  const status = statusOf(result.Status);
  const detail = `HiGHS: ${result.Status}`;
  if (status !== 'optimal') return { status, objective: Number.NaN, values: [], detail };
  const values = model.variables.map((_, j) => {
    const column = result.Columns[variableName(j)];
    return column !== undefined && 'Primal' in column ? column.Primal : Number.NaN;
  });
  const linear = !model.variables.some((v) => v.integer);
  if (!linear) return { status, objective: result.ObjectiveValue, values, detail };
  const dualOf = new Map<string, number>();
  for (const row of result.Rows) {
    if ('Dual' in row && 'Name' in row) dualOf.set(row.Name, row.Dual);
  }
  // A split range row binds on at most one side at a time; its dual is the sum of both.
  const rowDuals = lp.lpRows.map((names) => names.reduce((sum, name) => sum + (dualOf.get(name) ?? 0), 0));
  return { status, objective: result.ObjectiveValue, values, rowDuals, detail };
}

function statusOf(status: string): MipStatus {
  switch (status) {
    case 'Optimal':
      return 'optimal';
    case 'Infeasible':
      return 'infeasible';
    case 'Unbounded':
      return 'unbounded';
    case 'Time limit reached':
    case 'Iteration limit reached':
    case 'Bound on objective reached':
    case 'Target for objective reached':
      return 'limit';
    default:
      // Includes 'Primal infeasible or unbounded' should it survive the solve without presolve.
      return 'error';
  }
}

/**
 * No variables: the objective is 0 and every row's activity is 0, so the model is feasible iff every
 * row admits 0 (HiGHS's LP reader needs at least one variable).
 */
function solveEmpty(model: MipModel): MipSolution {
  const feasible = model.rows.every((r) => r.lower <= 0 && r.upper >= 0);
  if (!feasible) return { status: 'infeasible', objective: Number.NaN, values: [], detail: 'no variables' };
  // Without variables the model is an LP, so it has duals: no bound can move the objective.
  return {
    status: 'optimal',
    objective: 0,
    values: [],
    rowDuals: model.rows.map(() => 0),
    detail: 'no variables',
  };
}
