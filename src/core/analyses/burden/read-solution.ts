/**
 * Reads the solver's answers back into the terms of MODEL.md §6: units per (actor, capability), cost per
 * actor against its fair share, the objective recomputed from the units (not taken on the solver's
 * word), and the shadow price of each gap from the LP relaxation.
 */
import { GuarantorError } from '../../errors.js';
import type { BurdenProblem } from './burden-model.js';
import type { ActorCost, AllocationEntry, ShadowPriceEntry } from './burden-report.js';
import type { MipSolution } from './mip-model.js';

export interface BurdenSolution {
  readonly allocation: readonly AllocationEntry[];
  readonly costs: readonly ActorCost[];
  readonly totalCost: number;
  readonly unfairness: number;
  readonly objective: number;
  readonly shadowPrices: readonly ShadowPriceEntry[];
}

/** Integer variables come back within the solver's integrality tolerance (1e-6 for HiGHS). */
const INTEGRALITY_TOLERANCE = 1e-5;

export function readBurden(problem: BurdenProblem, mip: MipSolution, lp: MipSolution): BurdenSolution {
  const { input } = problem;
  const units = input.options.map((o, k) => {
    const v = mip.values[k] ?? Number.NaN;
    const n = Math.round(v);
    if (!(Math.abs(v - n) <= INTEGRALITY_TOLERANCE) || n < 0 || n > o.units) {
      throw new GuarantorError(
        'INTERNAL',
        `the solver returned ${v} units for ${o.actor}/${o.capability}, not a whole number in 0 … ${o.units}`,
      );
    }
    return n;
  });
  const allocation: AllocationEntry[] = [];
  const costOf = new Map<string, number>();
  input.options.forEach((o, k) => {
    const n = units[k] as number;
    if (n === 0) return;
    const cost = o.unitCost * n;
    allocation.push({ actor: o.actor, capability: o.capability, units: n, cost });
    costOf.set(o.actor, (costOf.get(o.actor) ?? 0) + cost);
  });
  const totalCost = allocation.reduce((sum, a) => sum + a.cost, 0);
  const costs = input.actors.map(
    (a): ActorCost => ({
      actor: a.id,
      cost: costOf.get(a.id) ?? 0,
      fairShare: a.weight * totalCost,
      gdpShare: a.weight,
    }),
  );
  const unfairness = costs.reduce((sum, c) => sum + Math.abs(c.cost - c.fairShare), 0);
  const duals = lp.rowDuals ?? [];
  const shadowPrices = problem.gapRows.map((g): ShadowPriceEntry => {
    let expectedPower = 0;
    input.options.forEach((o, k) => {
      expectedPower += (o.worth[g.domain] ?? 0) * (units[k] as number);
    });
    // Duals are per unit of the row's bound (power) in the model's cost unit; clamp −0 and the
    // solver's tiny negative noise on a row that does not bind.
    const dual = (duals[g.row] ?? Number.NaN) * problem.costScale;
    const price = Math.abs(dual) < 1e-9 * problem.costScale ? 0 : dual;
    return { scenario: g.scenario, domain: g.domain, gap: g.gap, price, expectedPower };
  });
  return {
    allocation,
    costs,
    totalCost,
    unfairness,
    objective: totalCost + input.fairness * unfairness,
    shadowPrices,
  };
}
