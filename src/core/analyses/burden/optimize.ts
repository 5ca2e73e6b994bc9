/**
 * Burden sharing (MODEL.md §6) end to end: assess the variant, turn its gaps and the partners' spare
 * capacity into a mixed-integer program, solve it and its LP relaxation (for shadow prices), and
 * re-assess the plan with the allocation added as pledges, so the user sees whether it works.
 *
 * Pure given its dependencies: the solver and the assessment runner are passed in (an in-process
 * `assess` by default); same plan, seed and solver give the same document.
 */
import { assess as assessInProcess } from '../../engine/assess.js';
import type { Assessment, VariantResult } from '../../engine/result-types.js';
import type { RunOptions } from '../../engine/run-plan.js';
import { GuarantorError } from '../../errors.js';
import type { Plan } from '../../plan/types.js';
import { verdict } from '../../views/verdict.js';
import { type BurdenInput, burdenInput } from './burden-input.js';
import { type BurdenProblem, burdenProblem } from './burden-model.js';
import type { AssessedState, BurdenReport } from './burden-report.js';
import { type MipSolution, type MipSolver, relaxation } from './mip-model.js';
import { allocationPledges, withPledges } from './new-pledges.js';
import { type BurdenSolution, readBurden } from './read-solution.js';

export interface OptimizeOptions {
  readonly variant: string;
  readonly trials?: number;
  readonly seed?: number;
}

export interface OptimizeDeps {
  readonly solver: MipSolver;
  /** Runs an assessment (e.g. a Runner's, on worker threads); default the in-process engine. */
  readonly assess?: (plan: Plan, options: RunOptions) => Promise<Assessment>;
}

export const REASSESSMENT_NOTE =
  'The gaps are quantiles of constant power over trials, and new units count at their expected worth ' +
  '(β × reliability), so the allocation can fall short of the target: in a trial where a new pledge is ' +
  'not honoured its power is missing, and expected power does not close a quantile. The after column ' +
  'is the engine re-assessing the plan with the new pledges, with the same draws.';

export const RELAXATION_NOTE =
  'Shadow prices are the duals of the gap rows in the LP relaxation (integrality dropped), solved ' +
  'separately from the integer program: the marginal objective of one more unit of power there.';

export async function optimizeBurden(
  plan: Plan,
  options: OptimizeOptions,
  deps: OptimizeDeps,
): Promise<BurdenReport> {
  const run = deps.assess ?? (async (p: Plan, o: RunOptions) => assessInProcess(p, o));
  const runOptions: RunOptions = {
    variants: [options.variant],
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const before = await run(plan, runOptions);
  const variant = onlyVariant(before);
  const { problem, mip, lp, solution } = await solveBurden(burdenInput(plan, variant), deps.solver);
  const pledges = allocationPledges(plan, options.variant, solution.allocation);
  // Nothing to add: the plan is unchanged and so is its assessment (same draws).
  const after = pledges.length === 0 ? before : await run(withPledges(plan, pledges), runOptions);
  const { settings } = before;
  return {
    model: 1,
    title: plan.title,
    variant: options.variant,
    ...(plan.currency === undefined ? {} : { currency: plan.currency }),
    settings: {
      trials: settings.trials,
      seed: settings.seed,
      target: settings.target,
      fairness: plan.settings.fairness,
      newPledgeBindingness: plan.settings.newPledgeBindingness,
      beta: problem.input.beta,
    },
    allocation: solution.allocation,
    costs: solution.costs,
    infeasible: problem.infeasible.map((g) => ({
      scenario: g.scenario,
      domain: g.domain,
      gap: g.gap,
      reachable: g.reachable,
    })),
    objective: solution.objective,
    totalCost: solution.totalCost,
    unfairness: solution.unfairness,
    shadowPrices: solution.shadowPrices,
    reassessment: {
      pledges,
      before: assessed(variant, settings.target),
      after: assessed(onlyVariant(after), settings.target),
      note: REASSESSMENT_NOTE,
    },
    solver: {
      name: deps.solver.name,
      status: mip.status,
      objective: mip.objective * problem.costScale,
      relaxation: { status: lp.status, objective: lp.objective * problem.costScale, note: RELAXATION_NOTE },
    },
  };
}

export interface SolvedBurden {
  readonly problem: BurdenProblem;
  readonly mip: MipSolution;
  readonly lp: MipSolution;
  readonly solution: BurdenSolution;
}

/** The optimisation alone: builds the model, solves it and its LP relaxation, reads the answer. */
export async function solveBurden(input: BurdenInput, solver: MipSolver): Promise<SolvedBurden> {
  const problem = burdenProblem(input);
  const mip = expectOptimal(await solver.solve(problem.model), 'integer program', solver.name);
  const lp = expectOptimal(await solver.solve(relaxation(problem.model)), 'LP relaxation', solver.name);
  return { problem, mip, lp, solution: readBurden(problem, mip, lp) };
}

function onlyVariant(doc: Assessment): VariantResult {
  const v = doc.variants[0];
  if (v === undefined) throw new GuarantorError('INTERNAL', 'the assessment has no variant');
  return v;
}

function expectOptimal(solution: MipSolution, what: string, solver: string): MipSolution {
  // Every closable row is closed by all spare units at once and the fairness rows always have a
  // solution, so anything but optimal is the solver's failure, not the plan's.
  if (solution.status !== 'optimal') {
    throw new GuarantorError(
      'BURDEN_SOLVER_FAILED',
      `${solver} did not solve the burden-sharing ${what}: ${solution.status} (${solution.detail})`,
    );
  }
  return solution;
}

function assessed(variant: VariantResult, target: number): AssessedState {
  const v = verdict(variant, target);
  return {
    value: variant.value,
    verdict: v.kind,
    reached: v.reached,
    scenarios: variant.scenarios.map((s) => ({
      id: s.id,
      pHold: s.pHold,
      ci95: s.ci95,
      domains: s.domains.map((d) => ({ domain: d.domain, pHold: d.pHold, gap: d.gap.power })),
    })),
  };
}
