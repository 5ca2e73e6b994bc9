/**
 * Properties of the burden-sharing optimisation on random small inputs, checked against a recomputation
 * written here from MODEL.md §6 and against brute force over every integer allocation: the allocation
 * keeps every bound, closes every gap that spare capacity can close, its objective is
 * C + λ · Σ_a |C_a − w_a C| (and is what the solver says it is), and nothing cheaper exists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highsSolver } from '../../../solver/highs-solver.js';
import type { BurdenInput } from './burden-input.js';
import { solveBurden } from './optimize.js';

const solver = highsSolver();
const DOMAINS = ['land', 'sea'] as const;
/** Slack on a gap row: the solver's feasibility tolerance is absolute, 1e-7. */
const ROW_SLACK = 1e-6;

const inputArbitrary: fc.Arbitrary<BurdenInput> = fc
  .record({
    gdps: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
    reliabilities: fc.array(fc.constantFrom(0.4, 0.65, 0.8, 1), { minLength: 4, maxLength: 4 }),
    options: fc.array(
      fc.record({
        actor: fc.nat(3),
        units: fc.integer({ min: 0, max: 3 }),
        unitCost: fc.integer({ min: 1, max: 9 }),
        land: fc.integer({ min: 0, max: 6 }),
        sea: fc.integer({ min: 0, max: 6 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    gaps: fc.array(
      fc.record({
        domain: fc.constantFrom(...DOMAINS),
        gap: fc.integer({ min: 1, max: 80 }).map((g) => g / 4),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    beta: fc.constantFrom(0.5, 0.65, 1),
    fairness: fc.constantFrom(0, 0.5, 1, 3),
  })
  .map(({ gdps, reliabilities, options, gaps, beta, fairness }): BurdenInput => {
    const total = gdps.reduce((a, b) => a + b, 0);
    const actors = gdps.map((gdp, i) => ({
      id: `A${i}`,
      gdp,
      weight: gdp / total,
      reliability: reliabilities[i] ?? 1,
    }));
    return {
      variant: 'v',
      beta,
      fairness,
      actors,
      options: options.map((o, k) => {
        const actor = actors[o.actor % actors.length] ?? actors[0];
        const r = actor?.reliability ?? 1;
        const worth: Record<string, number> = {};
        if (o.land > 0) worth.land = beta * r * o.land;
        if (o.sea > 0) worth.sea = beta * r * o.sea;
        return { actor: actor?.id ?? 'A0', capability: `c${k}`, units: o.units, unitCost: o.unitCost, worth };
      }),
      gaps: gaps.map((g, i) => ({ scenario: `s${i}`, domain: g.domain, gap: g.gap })),
    };
  });

/** MODEL.md §6's objective of `units` (one count per option), written out independently. */
function objectiveOf(input: BurdenInput, units: readonly number[]): number {
  const paid = new Map<string, number>();
  input.options.forEach((o, k) => {
    paid.set(o.actor, (paid.get(o.actor) ?? 0) + o.unitCost * (units[k] ?? 0));
  });
  const total = [...paid.values()].reduce((a, b) => a + b, 0);
  let unfair = 0;
  for (const a of input.actors) unfair += Math.abs((paid.get(a.id) ?? 0) - a.weight * total);
  return total + input.fairness * unfair;
}

function activity(input: BurdenInput, domain: string, units: readonly number[]): number {
  return input.options.reduce((sum, o, k) => sum + (o.worth[domain] ?? 0) * (units[k] ?? 0), 0);
}

/** Every integer allocation within the spare bounds. */
function* allAllocations(input: BurdenInput): Generator<number[]> {
  const n = input.options.length;
  const units = new Array<number>(n).fill(0);
  for (;;) {
    yield [...units];
    let k = 0;
    while (k < n && (units[k] as number) === (input.options[k]?.units ?? 0)) units[k++] = 0;
    if (k === n) return;
    units[k] = (units[k] as number) + 1;
  }
}

describe('burden sharing on random small inputs', () => {
  it('satisfies every constraint, reports its true objective, and is optimal', async () => {
    await fc.assert(
      fc.asyncProperty(inputArbitrary, async (input) => {
        const { solution, mip, problem } = await solveBurden(input, solver);
        const units = input.options.map(
          (o) =>
            solution.allocation.find((a) => a.actor === o.actor && a.capability === o.capability)?.units ?? 0,
        );
        // Bounds and integrality.
        input.options.forEach((o, k) => {
          const u = units[k] as number;
          expect(Number.isInteger(u) && u >= 0 && u <= o.units).toBe(true);
        });
        // Every gap that all spare units together close is closed; the others are reported.
        const max = input.options.map((o) => o.units);
        for (const g of input.gaps) {
          const closable = activity(input, g.domain, max) >= g.gap - ROW_SLACK;
          const reported = problem.infeasible.some((i) => i.scenario === g.scenario && i.domain === g.domain);
          expect(reported).toBe(!closable);
          if (closable) expect(activity(input, g.domain, units)).toBeGreaterThanOrEqual(g.gap - ROW_SLACK);
        }
        // The objective is the recomputed one, and the solver's (back in currency) agrees.
        const objective = objectiveOf(input, units);
        expect(solution.objective).toBeCloseTo(objective, 9);
        expect(Math.abs(mip.objective * problem.costScale - objective)).toBeLessThanOrEqual(
          1e-6 * (1 + objective),
        );
        // No feasible allocation is cheaper.
        let best = Number.POSITIVE_INFINITY;
        const closable = input.gaps.filter((g) => activity(input, g.domain, max) >= g.gap - ROW_SLACK);
        for (const candidate of allAllocations(input)) {
          if (closable.every((g) => activity(input, g.domain, candidate) >= g.gap - ROW_SLACK)) {
            best = Math.min(best, objectiveOf(input, candidate));
          }
        }
        expect(objective).toBeLessThanOrEqual(best + 1e-6 * (1 + best));
      }),
      { numRuns: 80, seed: 20250914 },
    );
  });
});
