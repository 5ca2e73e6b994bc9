/**
 * The contract every Solver passes (STYLE.md habit 3): optima, integrality, dual signs, bounds of every
 * kind, infeasible and unbounded models, and the edge cases the burden-sharing model produces. Every
 * expected value is worked out by hand in the test's comment. A new Solver joins `solvers` below.
 */
import { describe, expect, it } from 'vitest';
import { highsSolver } from './highs-solver.js';
import type { MipModel, MipRow, MipVariable, Solver } from './solver.js';

const solvers: [string, Solver][] = [['HiGHS', highsSolver()]];

const INF = Number.POSITIVE_INFINITY;

function variable(lower: number, upper: number, cost: number, integer = false, label = ''): MipVariable {
  return { label, lower, upper, cost, integer };
}

function row(
  terms: [variable: number, coefficient: number][],
  lower: number,
  upper: number,
  label = '',
): MipRow {
  return { label, terms: terms.map(([v, c]) => ({ variable: v, coefficient: c })), lower, upper };
}

/** min 3x + 5y  s.t.  4x + 6y ≥ 10,  0 ≤ x, y ≤ 5. */
function twoUnits(integer: boolean): MipModel {
  return {
    sense: 'minimize',
    variables: [variable(0, 5, 3, integer), variable(0, 5, 5, integer)],
    rows: [
      row(
        [
          [0, 4],
          [1, 6],
        ],
        10,
        INF,
      ),
    ],
  };
}

describe.each(solvers)('Solver contract: %s', (_, solver) => {
  it('solves an LP to its optimum and gives the shadow price of a binding ≥ row', async () => {
    // Power from x costs 3/4 per unit, from y 5/6: the LP buys x only, x = 10/4 = 2.5, objective 7.5,
    // and one more unit of the bound costs 3/4 (dual 0.75). y's reduced cost is 5 − 6·0.75 = 0.5.
    const s = await solver.solve(twoUnits(false));
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(7.5, 9);
    expect(s.values[0]).toBeCloseTo(2.5, 9);
    expect(s.values[1]).toBeCloseTo(0, 9);
    expect(s.rowDuals?.[0]).toBeCloseTo(0.75, 9);
  });

  it('solves the same model with integers to the integer optimum, not the rounded LP', async () => {
    // Integer points with 4x + 6y ≥ 10: (3,0) costs 9, (1,1) 8, (0,2) 10, (2,1) 11: the optimum is
    // (1,1) at 8, while rounding the LP's x = 2.5 up gives 9.
    const s = await solver.solve(twoUnits(true));
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(8, 9);
    expect(s.values.map((v) => Math.round(v))).toEqual([1, 1]);
    for (const v of s.values) expect(Math.abs(v - Math.round(v))).toBeLessThan(1e-6);
    expect(s.rowDuals).toBeUndefined();
  });

  it('maximises, with the dual as the objective gained per unit raise of a binding ≤ row', async () => {
    // max 2x s.t. x ≤ 3: x = 3, objective 6; raising the bound by 1 gains 2.
    const s = await solver.solve({
      sense: 'maximize',
      variables: [variable(0, INF, 2)],
      rows: [row([[0, 1]], -INF, 3)],
    });
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(6, 9);
    expect(s.rowDuals?.[0]).toBeCloseTo(2, 9);
  });

  it('handles a ranged row binding on either side, an equality and a row that does not bind', async () => {
    // min x0 + x1 + x2 s.t. 2 ≤ x0 − x1 ≤ 5, x2 + x1 = 4, x0 + x1 + x2 ≥ −1, x1 ∈ [1, 3], x0, x2 ≥ 0:
    // x1 = 1 (least), x0 = 3 (range at 2), x2 = 3 (equality), objective 7. Raising the range's lower
    // side by 1 raises x0 by 1 (dual 1); raising the equality by 1 raises x2 (dual 1); the third row
    // does not bind (dual 0).
    const s = await solver.solve({
      sense: 'minimize',
      variables: [variable(0, INF, 1), variable(1, 3, 1), variable(0, INF, 1)],
      rows: [
        row(
          [
            [0, 1],
            [1, -1],
          ],
          2,
          5,
        ),
        row(
          [
            [2, 1],
            [1, 1],
          ],
          4,
          4,
        ),
        row(
          [
            [0, 1],
            [1, 1],
            [2, 1],
          ],
          -1,
          INF,
        ),
      ],
    });
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(7, 9);
    expect(s.values[0]).toBeCloseTo(3, 9);
    expect(s.values[1]).toBeCloseTo(1, 9);
    expect(s.values[2]).toBeCloseTo(3, 9);
    expect(s.rowDuals?.[0]).toBeCloseTo(1, 9);
    expect(s.rowDuals?.[1]).toBeCloseTo(1, 9);
    expect(s.rowDuals?.[2]).toBeCloseTo(0, 9);
    // max x0 with 2 ≤ x0 − x1 ≤ 5 and x1 ≤ 1: x0 = 6 on the upper side, which gains 1 per unit.
    const up = await solver.solve({
      sense: 'maximize',
      variables: [variable(0, 100, 1), variable(0, 1, 0)],
      rows: [
        row(
          [
            [0, 1],
            [1, -1],
          ],
          2,
          5,
        ),
      ],
    });
    expect(up.objective).toBeCloseTo(6, 9);
    expect(up.rowDuals?.[0]).toBeCloseTo(1, 9);
  });

  it('respects negative and free bounds', async () => {
    // min x0 + x1 with x0 ∈ [−5, 2] and x1 free but x1 ≥ −2.5 by a row: −5 + −2.5 = −7.5.
    const s = await solver.solve({
      sense: 'minimize',
      variables: [variable(-5, 2, 1), variable(-INF, INF, 1)],
      rows: [row([[1, 1]], -2.5, INF)],
    });
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(-7.5, 9);
    expect(s.values).toHaveLength(2);
  });

  it('reports an infeasible LP and an LP-feasible but integer-infeasible model as infeasible', async () => {
    const lp = await solver.solve({
      sense: 'minimize',
      variables: [variable(0, 1, 1)],
      rows: [row([[0, 1]], 3, INF)],
    });
    expect(lp.status).toBe('infeasible');
    expect(lp.values).toEqual([]);
    // 2x + 2y = 3 has fractional solutions only.
    const mip = await solver.solve({
      sense: 'minimize',
      variables: [variable(0, 5, 1, true), variable(0, 5, 1, true)],
      rows: [
        row(
          [
            [0, 2],
            [1, 2],
          ],
          3,
          3,
        ),
      ],
    });
    expect(mip.status).toBe('infeasible');
  });

  it('reports an unbounded model', async () => {
    const s = await solver.solve({
      sense: 'minimize',
      variables: [variable(0, INF, -1)],
      rows: [row([[0, 1]], 1, INF)],
    });
    expect(s.status).toBe('unbounded');
  });

  it('solves a model without variables (feasible iff every row admits 0) or without rows', async () => {
    const empty = await solver.solve({ sense: 'minimize', variables: [], rows: [] });
    expect(empty).toMatchObject({ status: 'optimal', objective: 0, values: [], rowDuals: [] });
    const bad = await solver.solve({ sense: 'minimize', variables: [], rows: [row([], 1, INF)] });
    expect(bad.status).toBe('infeasible');
    // A variable in no row and with no cost still gets a value within its bounds.
    const free = await solver.solve({ sense: 'minimize', variables: [variable(2, 7, 0)], rows: [] });
    expect(free.status).toBe('optimal');
    expect(free.values[0]).toBeGreaterThanOrEqual(2);
    expect(free.values[0]).toBeLessThanOrEqual(7);
  });

  it('takes labels with any characters, repeated terms, and coefficients from 1e-7 to 1e9', async () => {
    // min 1e9·a + 1e-7·b s.t. a + a ≥ 1 (the repeated term counts twice: a ≥ 0.5), b ≥ 3:
    // objective 5e8 + 3e-7.
    const s = await solver.solve({
      sense: 'minimize',
      variables: [
        variable(0, 10, 1e9, false, 'x[DEU, sam-long] "é"'),
        variable(0, 10, 1e-7, false, 'b: 1 >= 0'),
      ],
      rows: [
        row(
          [
            [0, 1],
            [0, 1],
          ],
          1,
          INF,
          'gap[sea-odesa, sea]',
        ),
        row([[1, 1]], 3, INF, 'End'),
      ],
    });
    expect(s.status).toBe('optimal');
    expect(s.values[0]).toBeCloseTo(0.5, 9);
    expect(s.values[1]).toBeCloseTo(3, 9);
    expect(s.objective / 5e8).toBeCloseTo(1, 9);
  });

  it('gives the same answer to the same model, also when solves overlap', async () => {
    const model = twoUnits(true);
    const [a, b, c] = await Promise.all([
      solver.solve(model),
      solver.solve(model),
      solver.solve(twoUnits(false)),
    ]);
    expect(b).toEqual(a);
    expect(c?.objective).toBeCloseTo(7.5, 9);
  });
});
