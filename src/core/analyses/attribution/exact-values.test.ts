/**
 * Shapley and Owen values of textbook games, computed by hand (Shapley 1953; Owen 1977), and the axioms
 * both satisfy (efficiency, symmetry, null player) on random games.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOwen, addShapley, orderWeights, popcount } from './exact-values.js';

/** The table of a game over m players from its characteristic function on member lists. */
function table(m: number, v: (members: number[]) => number): Float64Array {
  return Float64Array.from({ length: 1 << m }, (_, mask) =>
    v(Array.from({ length: m }, (_, i) => i).filter((i) => (mask & (1 << i)) !== 0)),
  );
}

function shapley(m: number, v: Float64Array): number[] {
  const out = new Float64Array(m);
  addShapley(v, m, out);
  return Array.from(out);
}

function owen(m: number, v: Float64Array, bloc: number[]): number[] {
  const out = new Float64Array(m);
  addOwen(v, m, Int32Array.from(bloc), Math.max(0, ...bloc) + 1, out);
  return Array.from(out);
}

function close(actual: number[], expected: number[]): void {
  for (const [i, x] of actual.entries()) expect(x).toBeCloseTo(expected[i] as number, 14);
}

describe('Shapley value of a table', () => {
  it('two players: φ1 = (v(1) + v(12) − v(2)) / 2', () => {
    // v(1) = 0.3, v(2) = 0.5, v(12) = 1: φ1 = (0.3 + 0.5)/2 = 0.4, φ2 = (0.5 + 0.7)/2 = 0.6.
    const v = Float64Array.from([0, 0.3, 0.5, 1]);
    close(shapley(2, v), [0.4, 0.6]);
  });

  it('majority of three (any two win): 1/3 each', () => {
    close(
      shapley(
        3,
        table(3, (s) => (s.length >= 2 ? 1 : 0)),
      ),
      [1 / 3, 1 / 3, 1 / 3],
    );
  });

  it('glove game, one left glove and two right gloves: 2/3, 1/6, 1/6', () => {
    // v(S) = 1 iff S holds player 0 and one of players 1, 2: player 0 is pivotal in 4 of the 6 orders.
    const v = table(3, (s) => (s.includes(0) && (s.includes(1) || s.includes(2)) ? 1 : 0));
    close(shapley(3, v), [2 / 3, 1 / 6, 1 / 6]);
  });

  it('a player alone: its value on its own', () => {
    close(shapley(1, Float64Array.from([0.25, 0.75])), [0.5]);
  });

  it('weights are s!(m−s−1)!/m!', () => {
    close(Array.from(orderWeights(4)), [6 / 24, 2 / 24, 2 / 24, 6 / 24]);
    expect(popcount(0b1011_0110)).toBe(5);
    expect(popcount(0xffffffff | 0)).toBe(32);
  });
});

describe('Owen value of a table', () => {
  const glove = table(3, (s) => (s.includes(0) && (s.includes(1) || s.includes(2)) ? 1 : 0));

  it('glove game with blocs {0} and {1, 2}: the blocs split 1/2 – 1/2, the right gloves 1/4 each', () => {
    // Bloc order {0} first: 0 adds nothing, the first right glove completes: 1/4 each.
    // Bloc order {1, 2} first: 0 completes. So 0: 1/2, 1: 1/4, 2: 1/4 (Shapley: 2/3, 1/6, 1/6).
    close(owen(3, glove, [0, 1, 1]), [1 / 2, 1 / 4, 1 / 4]);
  });

  it('is the Shapley value when every player is its own bloc, or all share one', () => {
    close(owen(3, glove, [0, 1, 2]), [2 / 3, 1 / 6, 1 / 6]);
    close(owen(3, glove, [0, 0, 0]), [2 / 3, 1 / 6, 1 / 6]);
  });

  it('two blocs of two, a game that needs one player of each bloc', () => {
    // Blocs A = {0, 1}, B = {2, 3}; v = 1 iff S meets both. Between blocs: 1/2 each; inside a bloc
    // the first member brings the whole bloc: with the other bloc present (half the orders) the first
    // member gets 1, so each member gets 1/2 · 1/2 = 1/4.
    const v = table(4, (s) => (s.some((i) => i < 2) && s.some((i) => i >= 2) ? 1 : 0));
    close(owen(4, v, [0, 0, 1, 1]), [1 / 4, 1 / 4, 1 / 4, 1 / 4]);
  });

  it('an asymmetric case by hand: blocs {0, 1} and {2}, v = 1 iff 0 and 2, plus 0.5 for 1', () => {
    // v(S) = [0 ∈ S and 2 ∈ S] + 0.5·[1 ∈ S]: additive part 0.5 goes to player 1 whatever the order;
    // the product part is split 1/2 – 1/2 between blocs, and inside {0, 1} all of it goes to 0.
    const v = table(3, (s) => (s.includes(0) && s.includes(2) ? 1 : 0) + (s.includes(1) ? 0.5 : 0));
    close(owen(3, v, [0, 0, 1]), [0.5, 0.5, 0.5]);
  });
});

describe('axioms (property)', () => {
  const game = fc
    .integer({ min: 1, max: 6 })
    .chain((m) =>
      fc.tuple(
        fc.constant(m),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1 << m, maxLength: 1 << m }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: m, maxLength: m }),
      ),
    );

  it('efficiency: Σ φ = Σ Owen = v(N) − v(∅)', () => {
    fc.assert(
      fc.property(game, ([m, values, rawBloc]) => {
        const v = Float64Array.from(values);
        const bloc = renumber(rawBloc);
        const total = (v[(1 << m) - 1] as number) - (v[0] as number);
        expect(shapley(m, v).reduce((a, b) => a + b, 0)).toBeCloseTo(total, 10);
        expect(owen(m, v, bloc).reduce((a, b) => a + b, 0)).toBeCloseTo(total, 10);
      }),
      { numRuns: 200 },
    );
  });

  it('a null player gets 0 and leaves the others as they were', () => {
    fc.assert(
      fc.property(game, ([m, values, rawBloc]) => {
        // Add player m that changes nothing: v'(S ∪ {m}) = v'(S) = v(S).
        const v = Float64Array.from(values);
        const wide = Float64Array.from(
          { length: 1 << (m + 1) },
          (_, mask) => v[mask & ((1 << m) - 1)] as number,
        );
        const s = shapley(m + 1, wide);
        expect(s[m]).toBeCloseTo(0, 12);
        close(s.slice(0, m), shapley(m, v));
        const bloc = renumber(rawBloc);
        const o = owen(m + 1, wide, [...bloc, bloc[0] as number]);
        expect(o[m]).toBeCloseTo(0, 12);
        close(o.slice(0, m), owen(m, v, bloc));
      }),
      { numRuns: 100 },
    );
  });
});

/** Bloc labels as 0 … b−1 in order of first appearance (every bloc non-empty). */
function renumber(labels: number[]): number[] {
  const seen: number[] = [];
  return labels.map((l) => {
    if (!seen.includes(l)) seen.push(l);
    return seen.indexOf(l);
  });
}
