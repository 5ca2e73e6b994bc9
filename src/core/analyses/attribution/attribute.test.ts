/**
 * Attribution (MODEL.md §5) on games whose values are known by hand. Where honour is random, the exact
 * method still averages over trials, so its numbers are compared with the closed form within 4 standard
 * errors of that trial noise, the variance itself derived by hand from the honour patterns.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../engine/assess.js';
import { GuarantorError } from '../../errors.js';
import { attribute } from './attribute.js';
import { landAirGame, mixedPlan, powerGame } from './test-plans.js';
import { CHUNK } from './trial-moments.js';
import type { ActorAttribution, AttributionDocument, VariantAttribution } from './types.js';

const only = (doc: AttributionDocument): VariantAttribution => {
  expect(doc.attribution).toHaveLength(1);
  return doc.attribution[0] as VariantAttribution;
};
const byActor = (a: VariantAttribution, id: string): ActorAttribution => {
  const x = a.actors.find((y) => y.actor === id);
  if (x === undefined) throw new Error(`no actor ${id}`);
  return x;
};

/**
 * Mean and variance of a per-trial quantity over independent honour patterns: `f(honours)` for every
 * pattern of the given reliabilities.
 */
function overPatterns(r: readonly number[], f: (h: boolean[]) => number): { mean: number; variance: number } {
  let mean = 0;
  let square = 0;
  for (let mask = 0; mask < 1 << r.length; mask++) {
    const h = r.map((_, i) => (mask & (1 << i)) !== 0);
    const p = r.reduce((acc, ri, i) => acc * (h[i] ? ri : 1 - ri), 1);
    const x = f(h);
    mean += p * x;
    square += p * x * x;
  }
  return { mean, variance: square - mean * mean };
}

function expectWithin(actual: number, expected: { mean: number; variance: number }, trials: number) {
  expect(Math.abs(actual - expected.mean)).toBeLessThanOrEqual(
    4 * Math.sqrt(expected.variance / trials) + 1e-12,
  );
}

describe('two partners, each sufficient alone', () => {
  // v(∅) = 0, v({1}) = r1, v({2}) = r2, v({1,2}) = 1 − (1 − r1)(1 − r2):
  // φ1 = (r1 + v12 − r2)/2 = r1 − r1·r2/2; marginal 1 = v12 − r2 = r1(1 − r2).
  const r = [0.7, 0.4];
  const plan = powerGame(
    [
      { id: 'A', reliability: 0.7, power: 10 },
      { id: 'B', reliability: 0.4, power: 10 },
    ],
    10,
  );
  const trials = 20000;
  const a = only(attribute(plan, { variant: 'all', trials }));

  it('chooses the exact method and says so', () => {
    expect(a.method).toBe('exact');
    expect(a.reason).toMatch(/^exact: about [\d,.]+ coalition evaluations over 20,000 trials$/);
    expect(a.trials).toBe(trials);
    expect(a.trialsFrom).toBe('given');
  });

  it('finds φ1 = r1 − r1·r2/2 = 0.56 and φ2 = r2 − r1·r2/2 = 0.26', () => {
    // Per trial: both honour → 1/2 each; one alone → 1 to it.
    const phi1 = overPatterns(r, ([h1, h2]) => (h1 ? (h2 ? 0.5 : 1) : 0));
    const phi2 = overPatterns(r, ([h1, h2]) => (h2 ? (h1 ? 0.5 : 1) : 0));
    expect(phi1.mean).toBeCloseTo(0.56, 12);
    expect(phi2.mean).toBeCloseTo(0.26, 12);
    expectWithin(byActor(a, 'A').shapley, phi1, trials);
    expectWithin(byActor(a, 'B').shapley, phi2, trials);
    // Exact: no sampling of orders (the §7 convention se = 0); the trial noise is reported apart.
    expect(byActor(a, 'A').se).toBe(0);
    expect(byActor(a, 'A').trialSe).toBeCloseTo(Math.sqrt(phi1.variance / trials), 4);
  });

  it('finds marginals r1(1 − r2) = 0.42 and r2(1 − r1) = 0.12, and v(N) = 0.82', () => {
    expectWithin(
      byActor(a, 'A').marginal,
      overPatterns(r, ([h1, h2]) => (h1 && !h2 ? 1 : 0)),
      trials,
    );
    expectWithin(
      byActor(a, 'B').marginal,
      overPatterns(r, ([h1, h2]) => (h2 && !h1 ? 1 : 0)),
      trials,
    );
    expectWithin(
      a.check.vN,
      overPatterns(r, ([h1, h2]) => (h1 || h2 ? 1 : 0)),
      trials,
    );
    expect(a.check.vEmpty).toBe(0);
  });

  it('checks Σφ = v(N) − v(∅)', () => {
    expect(a.check.sumShapley).toBeCloseTo(a.check.vN - a.check.vEmpty, 12);
  });
});

describe('three partners, any two of them suffice (majority game)', () => {
  const partners = (r: readonly number[], blocs: readonly string[] = ['A', 'B', 'C']) =>
    powerGame(
      ['A', 'B', 'C'].map((id, i) => ({
        id,
        reliability: r[i] as number,
        power: 5,
        bloc: blocs[i] as string,
      })),
      10,
    );

  it('symmetric and certain: φ = v(N)/3 = 1/3 each, marginals 0', () => {
    const a = only(attribute(partners([1, 1, 1]), { variant: 'all', trials: 100 }));
    for (const x of a.actors) {
      expect(x.shapley).toBeCloseTo(1 / 3, 12);
      expect(x.owen).toBeCloseTo(1 / 3, 12);
      // Any two still suffice without the third.
      expect(x.marginal).toBe(0);
    }
    expect(a.check.vN).toBe(1);
  });

  it('with blocs {A, B} and {C}: Owen gives ½, ½, 0 — the bloc {A, B} wins alone', () => {
    // Game between blocs: v({AB}) = 1, v({C}) = 0, v(both) = 1, so the bloc AB gets 1, C's bloc 0;
    // inside AB, A and B are symmetric.
    const a = only(attribute(partners([1, 1, 1], ['EU', 'EU', 'US']), { variant: 'all', trials: 100 }));
    expect(a.actors.map((x) => x.owen)).toEqual([0.5, 0.5, 0].map((v) => expect.closeTo(v, 12)));
    expect(a.blocs).toEqual([
      { bloc: 'EU', owen: expect.closeTo(1, 12), se: 0, actors: ['A', 'B'] },
      { bloc: 'US', owen: expect.closeTo(0, 12), se: 0, actors: ['C'] },
    ]);
    // Shapley ignores the blocs.
    for (const x of a.actors) expect(x.shapley).toBeCloseTo(1 / 3, 12);
  });

  it('asymmetric reliabilities 0.9, 0.6, 0.3: φ_i = r1r2r3/3 + ½ Σ_j r_i r_j (1 − r_l)', () => {
    // By hand: φ_A = 0.054 + ½(0.378 + 0.108) = 0.297, φ_B = 0.054 + ½(0.378 + 0.018) = 0.252,
    // φ_C = 0.054 + ½(0.108 + 0.018) = 0.117; Σ = 0.666 = P(at least two honour).
    const r = [0.9, 0.6, 0.3];
    const trials = 20000;
    const a = only(attribute(partners(r), { variant: 'all', trials }));
    const perTrial = (i: number) => (h: boolean[]) => {
      const count = h.filter(Boolean).length;
      return !h[i] ? 0 : count === 3 ? 1 / 3 : count === 2 ? 1 / 2 : 0;
    };
    const expected = [0.297, 0.252, 0.117];
    ['A', 'B', 'C'].forEach((id, i) => {
      const phi = overPatterns(r, perTrial(i));
      expect(phi.mean).toBeCloseTo(expected[i] as number, 12);
      expectWithin(byActor(a, id).shapley, phi, trials);
    });
    expect(a.check.sumShapley).toBeCloseTo(a.check.vN, 12);
  });
});

describe('a bloc game for the Owen value: A brings land (bloc X), B and C each bring air (bloc Y)', () => {
  it('certain honour: Owen ½, ¼, ¼ and blocs ½ – ½, against Shapley 2/3, 1/6, 1/6', () => {
    const a = only(attribute(landAirGame(1, 1, 1), { variant: 'all', trials: 50 }));
    expect(a.actors.map((x) => x.shapley)).toEqual([2 / 3, 1 / 6, 1 / 6].map((v) => expect.closeTo(v, 12)));
    expect(a.actors.map((x) => x.owen)).toEqual([1 / 2, 1 / 4, 1 / 4].map((v) => expect.closeTo(v, 12)));
    expect(a.blocs.map((b) => [b.bloc, b.owen])).toEqual([
      ['X', expect.closeTo(0.5, 12)],
      ['Y', expect.closeTo(0.5, 12)],
    ]);
    // Without A nothing holds; without B, C still brings the air.
    expect(a.actors.map((x) => x.marginal)).toEqual([1, 0, 0]);
  });

  it('reliabilities 0.8, 0.7, 0.5: Owen_A = rA(rB + rC − rB·rC)/2 = 0.34, B 0.21, C 0.13', () => {
    // Per trial, on the honouring players: all three → ½, ¼, ¼; A with one of B, C → ½, ½;
    // otherwise 0. So Owen_B = rA(rB·rC/4 + rB(1 − rC)/2) = 0.21, Owen_C = rA(rB·rC/4 + rC(1 − rB)/2) = 0.13.
    const r = [0.8, 0.7, 0.5];
    const trials = 20000;
    const perTrial = (i: number) => (h: boolean[]) => {
      const [hA, hB, hC] = h;
      if (!hA || !(hB || hC)) return 0;
      if (hB && hC) return i === 0 ? 0.5 : 0.25;
      return h[i] ? 0.5 : 0;
    };
    const expected = [0.34, 0.21, 0.13];
    const exact = only(attribute(landAirGame(0.8, 0.7, 0.5), { variant: 'all', trials }));
    const sampled = only(
      attribute(landAirGame(0.8, 0.7, 0.5), { variant: 'all', trials, method: 'sampled' }),
    );
    expect(sampled.method).toBe('sampled');
    ['A', 'B', 'C'].forEach((id, i) => {
      const owen = overPatterns(r, perTrial(i));
      expect(owen.mean).toBeCloseTo(expected[i] as number, 12);
      expectWithin(byActor(exact, id).owen, owen, trials);
      // The sampled estimate adds the noise of the orders: its own standard error covers both.
      const s = byActor(sampled, id);
      expect(Math.abs(s.owen - owen.mean)).toBeLessThanOrEqual(4 * s.owenSe);
    });
    expect(exact.check.sumOwen).toBeCloseTo(exact.check.vN, 12);
  });
});

describe('on a plan with backstops, conditions, statuses and the tripwire', () => {
  const plan = mixedPlan();
  const trials = 3000;
  const ids = ['A', 'B', 'C', 'D', 'E'];
  const exact = only(attribute(plan, { variant: 'all', trials }));
  const assessedValue = (coalition: readonly string[]) =>
    assess(plan, { variants: ['all'], trials, coalition }).variants[0]?.value as number;

  it('v(N) is the assessed value of the variant, to the last bit', () => {
    expect(exact.check.vN).toBe(assessedValue(ids));
    expect(exact.check.vEmpty).toBe(assessedValue([]));
  });

  it('marginal = assess(variant) − assess(coalition without the actor), to the last bit', () => {
    for (const id of ids) {
      expect(byActor(exact, id).marginal).toBe(
        assessedValue(ids) - assessedValue(ids.filter((x) => x !== id)),
      );
    }
  });

  it('exact Shapley = the Shapley formula over the assessed values of all 32 coalitions', () => {
    const v = new Map<number, number>();
    for (let mask = 0; mask < 32; mask++)
      v.set(mask, assessedValue(ids.filter((_, i) => (mask & (1 << i)) !== 0)));
    const n = ids.length;
    const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
    ids.forEach((id, i) => {
      let phi = 0;
      for (let mask = 0; mask < 32; mask++) {
        if ((mask & (1 << i)) !== 0) continue;
        let s = 0;
        for (let j = 0; j < n; j++) if ((mask & (1 << j)) !== 0) s++;
        const weight = (fact(s) * fact(n - s - 1)) / fact(n);
        phi += weight * ((v.get(mask | (1 << i)) as number) - (v.get(mask) as number));
      }
      expect(byActor(exact, id).shapley).toBeCloseTo(phi, 12);
    });
  });

  it('the sampled estimate agrees with the exact values within 4 standard errors', () => {
    const sampled = only(attribute(plan, { variant: 'all', trials, method: 'sampled' }));
    for (const id of ids) {
      const s = byActor(sampled, id);
      const e = byActor(exact, id);
      expect(Math.abs(s.shapley - e.shapley)).toBeLessThanOrEqual(4 * s.se + 1e-12);
      expect(Math.abs(s.owen - e.owen)).toBeLessThanOrEqual(4 * s.owenSe + 1e-12);
      // Marginals do not depend on the method.
      expect(s.marginal).toBe(e.marginal);
    }
    // Efficiency holds along every order, so the sampled values add up too.
    expect(sampled.check.sumShapley).toBeCloseTo(sampled.check.vN - sampled.check.vEmpty, 12);
    expect(sampled.maxSe).toBe(Math.max(...sampled.actors.map((x) => x.se)));
  });

  it('is deterministic: same seed, same document; another seed, other numbers', () => {
    const one = attribute(plan, { variant: 'all', trials: 500, method: 'sampled', seed: 4 });
    const two = attribute(plan, { variant: 'all', trials: 500, method: 'sampled', seed: 4 });
    const other = attribute(plan, { variant: 'all', trials: 500, method: 'sampled', seed: 5 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(other.attribution)).not.toBe(JSON.stringify(one.attribution));
    expect(one.settings.seed).toBe(4);
    expect(one.settings.trials).toBe(500);
  });
});

describe('trial count from a pilot run', () => {
  const plan = powerGame(
    [
      { id: 'A', reliability: 0.7, power: 10 },
      { id: 'B', reliability: 0.4, power: 10 },
    ],
    10,
  );

  it('runs until every Shapley SE is about the target, and equals a run of that length', () => {
    const auto = only(attribute(plan, { variant: 'all', method: 'sampled', targetSe: 0.01 }));
    expect(auto.trialsFrom).toBe('pilot');
    expect(auto.targetSe).toBe(0.01);
    expect(auto.trials % CHUNK).toBe(0);
    expect(auto.maxSe).toBeLessThanOrEqual(0.011);
    const fixed = only(attribute(plan, { variant: 'all', method: 'sampled', trials: auto.trials }));
    expect(fixed.actors).toEqual(auto.actors);
    expect(fixed.check).toEqual(auto.check);
  });

  it('does not run a pilot for the exact method or when the trials are given', () => {
    expect(only(attribute(plan, { variant: 'all' })).trials).toBe(plan.settings.trials);
    expect(only(attribute(plan, { variant: 'all', method: 'sampled', trials: 700 })).trials).toBe(700);
  });

  it('reports progress up to the final count', () => {
    const events: { done: number; total: number }[] = [];
    attribute(plan, { variant: 'all', method: 'sampled', targetSe: 0.02, onProgress: (p) => events.push(p) });
    const last = events.at(-1);
    expect(last?.done).toBe(last?.total);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.done).toBeGreaterThanOrEqual(events[i - 1]?.done as number);
    }
  });
});

describe('choice of method and errors', () => {
  const many = (n: number) =>
    powerGame(
      Array.from({ length: n }, (_, i) => ({ id: `P${i}`, reliability: 0.5, power: 1 })),
      Math.ceil(n / 2),
    );

  it('is sampled for 21 players that can add power; asking for exact is a clear error', () => {
    const plan = many(21);
    expect(only(attribute(plan, { variant: 'all', trials: 20 })).method).toBe('sampled');
    const error = (() => {
      try {
        attribute(plan, { variant: 'all', trials: 20, method: 'exact' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GuarantorError);
    expect((error as GuarantorError).code).toBe('ATTRIBUTION_EXACT_TOO_LARGE');
    expect((error as GuarantorError).message).toMatch(/21 of them .* use --method sampled/);
  });

  it('is sampled when exact would cost too much, and refuses exact beyond its hard limit', () => {
    // 16 certain players: 2^16 coalitions per trial. 40 trials: 2.6 million evaluations (above the
    // automatic budget); 2000 trials: 130 million (above the hard limit).
    const plan = powerGame(
      Array.from({ length: 16 }, (_, i) => ({ id: `P${i}`, reliability: 1, power: 1 })),
      8,
    );
    const auto = only(attribute(plan, { variant: 'all', trials: 40 }));
    expect(auto.method).toBe('sampled');
    expect(auto.reason).toBe(
      'sampled: exact would need about 2.6 million coalition evaluations over 40 trials, more than 1 million',
    );
    expect(() => attribute(plan, { variant: 'all', trials: 2000, method: 'exact' })).toThrow(
      /exact attribution would need about 130 million coalition evaluations over 2,000 trials, more than the 30 million/,
    );
  });

  it('rejects an unknown variant and a bad target', () => {
    expect(() => attribute(many(2), { variant: 'nope' })).toThrow(/unknown variant "nope"/);
    expect(() => attribute(many(2), { variant: 'all', targetSe: 0 })).toThrow(GuarantorError);
  });

  it('handles a variant without players: nothing to attribute, v(N) = v(∅)', () => {
    const plan = powerGame([{ id: 'A', reliability: 0.5, power: 1 }], 1);
    const lonely = {
      ...plan,
      variants: [{ id: 'alone', exclude: ['A'], statuses: plan.variants[0]?.statuses ?? [] }],
    };
    const a = only(attribute(lonely, { variant: 'alone', trials: 10 }));
    expect(a.actors).toEqual([]);
    expect(a.blocs).toEqual([]);
    expect(a.check).toEqual({ sumShapley: 0, sumOwen: 0, vN: 0, vEmpty: 0 });
  });
});
