import { describe, expect, it } from 'vitest';
import { type Column, primRules } from './prim.js';

/** A column from a function of the trial index. */
function column(n: number, f: (i: number) => number): Column {
  return { values: Uint16Array.from({ length: n }, (_, i) => f(i)) };
}

/** A deterministic, well-mixed sequence in [0, 1): the fractional parts of i·φ (Weyl). */
const weyl = (i: number, k = 1) => (i * k * 0.6180339887498949) % 1;

describe('PRIM rules', () => {
  const n = 4000;

  it('finds the one condition of a failure that has one cause, with coverage and density 1', () => {
    // x honoured in 70% of trials; noise is unrelated; failure ⇔ not x.
    const x = column(n, (i) => (weyl(i) < 0.7 ? 1 : 0));
    const noise = column(n, (i) => (weyl(i, 7) < 0.5 ? 1 : 0));
    const days = column(n, (i) => Math.floor(weyl(i, 13) * 10));
    const fails = Uint8Array.from(x.values, (v) => 1 - v);
    const rules = primRules([noise, days, x], fails);
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule?.limits).toEqual([{ feature: 2, min: 0, max: 0 }]);
    const failures = fails.reduce((a, b) => a + b, 0);
    expect(rule).toMatchObject({ trials: failures, failures, cumulativeFailures: failures });
  });

  it('finds both causes of "not x, or late": the second on the trials the first left', () => {
    // failure ⇔ x = 0 (30%) or day ≥ 5 (50%, independent of x).
    const x = column(n, (i) => (weyl(i) < 0.7 ? 1 : 0));
    const day = column(n, (i) => Math.floor(weyl(i, 11) * 10));
    const fails = Uint8Array.from({ length: n }, (_, i) =>
      x.values[i] === 0 || (day.values[i] ?? 0) >= 5 ? 1 : 0,
    );
    const rules = primRules([x, day], fails);
    expect(rules.map((r) => r.limits)).toEqual([
      [{ feature: 0, min: 0, max: 0 }],
      [{ feature: 1, min: 5, max: 9 }],
    ]);
    const F = fails.reduce((a, b) => a + b, 0);
    // Every trial inside either box fails, and together they hold every failure.
    for (const r of rules) expect(r.failures).toBe(r.trials);
    expect(rules[1]?.cumulativeFailures).toBe(F);
  });

  it('leaves out a condition that does not add to the box (pruning keeps the rule short)', () => {
    // failure ⇔ a = 1 and b = 1; c is unrelated noise.
    const a = column(n, (i) => (weyl(i) < 0.5 ? 1 : 0));
    const b = column(n, (i) => (weyl(i, 3) < 0.5 ? 1 : 0));
    const c = column(n, (i) => (weyl(i, 17) < 0.5 ? 1 : 0));
    const fails = Uint8Array.from({ length: n }, (_, i) => (a.values[i] === 1 && b.values[i] === 1 ? 1 : 0));
    const [rule] = primRules([c, a, b], fails);
    expect(rule?.limits).toEqual([
      { feature: 1, min: 1, max: 1 },
      { feature: 2, min: 1, max: 1 },
    ]);
    expect(rule?.failures).toBe(rule?.trials);
  });

  it('finds nothing when nothing fails, everything fails, or failure is pure chance', () => {
    const a = column(n, (i) => (weyl(i) < 0.5 ? 1 : 0));
    expect(primRules([a], new Uint8Array(n))).toEqual([]);
    expect(primRules([a], new Uint8Array(n).fill(1))).toEqual([]);
    const chance = Uint8Array.from({ length: n }, (_, i) => (weyl(i, 29) < 0.3 ? 1 : 0));
    expect(primRules([a], chance)).toEqual([]);
  });

  it('is deterministic: ties go to the earlier feature', () => {
    const x = column(n, (i) => (weyl(i) < 0.6 ? 1 : 0));
    const twin = column(n, (i) => x.values[i] ?? 0);
    const fails = Uint8Array.from(x.values, (v) => 1 - v);
    expect(primRules([twin, x], fails)[0]?.limits).toEqual([{ feature: 0, min: 0, max: 0 }]);
  });
});
