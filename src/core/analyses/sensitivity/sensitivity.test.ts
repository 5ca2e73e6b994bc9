/**
 * Closed-form cases. Every expected value is derived by hand from MODEL.md: with readiness 0 and the
 * power exactly the threat, a scenario holds iff its one pledge is active, so pHold = r · β.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../engine/assess.js';
import {
  actor,
  binomialTolerance,
  CERTAIN_BINDINGNESS,
  capability,
  flatScenario,
  makePlan,
  pledge,
} from '../../engine/test-plans.js';
import { sensitivityGrid } from './grid.js';
import { resolveGridAxes } from './grid-axes.js';
import { makeEvaluator } from './paired-runs.js';
import { sensitivity } from './sensitivity.js';
import type { TornadoRow } from './tornado.js';

const TRIALS = 20000;

/** One partner A (r = 0.5) whose one political pledge (β = 0.5) exactly meets a threat of 10. */
const onePartner = makePlan({
  actors: [actor('A', 0.5)],
  capabilities: [capability('brigade', { land: 10 })],
  pledges: [pledge('a-brigade', 'A', 'brigade', 1, 'on-call', { bindingness: 'political' })],
  scenarios: [flatScenario('s', 10, { land: 10 })],
  settings: { trials: TRIALS },
});

function row(rows: readonly TornadoRow[], parameter: string): TornadoRow {
  const r = rows.find((x) => x.parameter === parameter);
  if (r === undefined) throw new Error(`no row ${parameter}`);
  return r;
}

describe('the tornado of a one-partner plan, value = r · β', () => {
  const doc = sensitivity(onePartner, { variant: 'all', trials: TRIALS, seed: 3 });

  it('starts from the same value as assess, on the same trials', () => {
    expect(doc.base).toBe(assess(onePartner, { trials: TRIALS, seed: 3 }).variants[0]?.value);
    expect(Math.abs(doc.base - 0.25)).toBeLessThan(binomialTolerance(0.25, TRIALS));
    expect(doc).toMatchObject({ model: 1, variant: 'all', trials: TRIALS, seed: 3, target: 0.8 });
  });

  it("moves A's reliability 0.3 → 0.7: swing β · 0.4 = 0.2, with the paired standard error", () => {
    const r = row(doc.tornado, 'actors.A.reliability');
    expect(r).toMatchObject({ kind: 'reliability', label: 'A reliability', base: 0.5, low: 0.3, high: 0.7 });
    // The per-trial difference is 1 exactly when 0.3 ≤ Φ(Z_A) < 0.7 and U < β: Bernoulli(0.2).
    expect(r.se).toBeCloseTo(Math.sqrt((0.2 * 0.8) / TRIALS), 4);
    expect(Math.abs(r.swing - 0.2)).toBeLessThan(4.5 * r.se);
    expect(Math.abs(r.valueLow - 0.15)).toBeLessThan(binomialTolerance(0.15, TRIALS));
    expect(Math.abs(r.valueHigh - 0.35)).toBeLessThan(binomialTolerance(0.35, TRIALS));
  });

  it('moves β political 0.35 → 0.65: swing r · 0.3 = 0.15', () => {
    const r = row(doc.tornado, 'settings.bindingness.political');
    expect(r).toMatchObject({ kind: 'setting', low: 0.35, high: 0.65 });
    expect(Math.abs(r.swing - 0.15)).toBeLessThan(4.5 * r.se);
  });

  it('scales the threat: × 0.8 still holds iff active, × 1.2 never holds (shortfall 2/12 > 10%)', () => {
    const r = row(doc.tornado, 'threatScale.land');
    expect(r).toMatchObject({ kind: 'threat-scale', base: 1, low: 0.8, high: 1.2, valueHigh: 0 });
    // Same trials, same outcome in every one of them as at the plan's threat.
    expect(r.valueLow).toBe(doc.base);
    expect(r.swing).toBe(doc.base);
  });

  it('gives a swing of exactly 0 to what cannot matter here, thanks to the shared draws', () => {
    // No in-place pledge (tripwire), no readiness (σ), no production (years), no backstop (K), and
    // no pledge with these bindingness factors.
    for (const p of [
      'settings.tripwire',
      'settings.readinessSigma',
      'settings.yearsOfPeace',
      'settings.backstopTriggerDays',
      'settings.bindingness.treaty-automatic',
      'settings.bindingness.treaty-consultative',
      'settings.bindingness.executive',
    ]) {
      expect(row(doc.tornado, p), p).toMatchObject({
        swing: 0,
        se: 0,
        valueLow: doc.base,
        valueHigh: doc.base,
      });
    }
  });

  it('gives ρ no effect beyond noise: one actor alone in its bloc honours with probability r for any ρ', () => {
    const r = row(doc.tornado, 'settings.blocCorrelation');
    expect(r.swing).toBeLessThan(4.5 * r.se + 1e-12);
  });

  it('ranks by swing and states every range', () => {
    expect(doc.tornado.slice(0, 3).map((r) => r.parameter)).toEqual([
      'threatScale.land',
      'actors.A.reliability',
      'settings.bindingness.political',
    ]);
    const swings = doc.tornado.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(row(doc.tornado, 'settings.readinessSigma')).toMatchObject({
      base: 0.35,
      low: 0.175,
      high: 0.525,
    });
    expect(row(doc.tornado, 'settings.blocCorrelation')).toMatchObject({ low: 0.25, high: 0.75 });
    expect(row(doc.tornado, 'settings.backstopTriggerDays')).toMatchObject({ low: 1, high: 5 });
    expect(row(doc.tornado, 'settings.yearsOfPeace')).toMatchObject({ low: 1, high: 3 });
  });

  it('has no default grid with a single partner', () => {
    expect(doc.grid).toBeNull();
  });
});

/**
 * Three scenarios, each held iff one actor honours (β = 1): "us" (weight 2) by the USA, "fra" by
 * France, "deu" by Germany. value = (2 r_USA + r_FRA + r_DEU) / 4; with every r = 0.5 and shifts x (USA)
 * and y (FRA and DEU): value = 0.5 + (x + y) / 2.
 */
const linear = makePlan({
  actors: [actor('USA', 0.5), actor('FRA', 0.5, 'EU'), actor('DEU', 0.5, 'EU')],
  capabilities: [capability('force', { land: 10 })],
  pledges: [
    pledge('usa', 'USA', 'force', 1, 'on-call', { triggers: ['us'] }),
    pledge('fra', 'FRA', 'force', 1, 'on-call', { triggers: ['fra'] }),
    pledge('deu', 'DEU', 'force', 1, 'on-call', { triggers: ['deu'] }),
  ],
  scenarios: [
    flatScenario('us', 10, { land: 10 }, { tags: ['us'], weight: 2 }),
    flatScenario('fra', 10, { land: 10 }, { tags: ['fra'] }),
    flatScenario('deu', 10, { land: 10 }, { tags: ['deu'] }),
  ],
  settings: { bindingness: CERTAIN_BINDINGNESS, target: 0.625, trials: TRIALS },
});

describe('the grid of a plan whose value is linear in the reliabilities', () => {
  // The grid alone (49 runs), both rules on one evaluator: the second rule re-uses every run.
  const evaluate = makeEvaluator('all', TRIALS, 5);
  const axes = resolveGridAxes(linear, 'USA,europe', ['USA', 'FRA', 'DEU'], 'all');
  const grid = sensitivityGrid(linear, axes, evaluate, 'value');

  it('is USA × europe by default: the US against every other partner', () => {
    const doc = sensitivity(linear, { variant: 'all', trials: 1000 });
    expect(doc.grid?.x).toMatchObject({ name: 'USA', actors: ['USA'], baseReliability: 0.5 });
    expect(doc.grid?.x.reliability).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    expect(doc.grid?.y).toMatchObject({ name: 'europe', actors: ['FRA', 'DEU'] });
    expect(doc.grid?.y.values).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(doc.grid?.rule).toBe('value');
  });

  it('gives each cell value 0.5 + (x + y) / 2', () => {
    grid.y.values.forEach((y, iy) => {
      grid.x.values.forEach((x, ix) => {
        const expected = 0.5 + (x + y) / 2;
        // Var of (2h_USA + h_FRA + h_DEU)/4 ≤ (4 + 1 + 1 + 2)/64 = 1/8 (the two EU actors correlate).
        expect(Math.abs((grid.value[iy]?.[ix] ?? 0) - expected)).toBeLessThan(
          4.5 * Math.sqrt(0.125 / TRIALS),
        );
      });
    });
  });

  it('draws the tipping line x + y = 0.25 where the value reaches the 0.625 target', () => {
    // x = −0.3, −0.2, −0.1 would need y ≥ 0.55, 0.45, 0.35: beyond the grid's +0.3.
    expect(grid.tipping.slice(0, 3).map((t) => t.status)).toEqual(['never', 'never', 'never']);
    const expected = [
      { x: 0, yBelow: 0.2, yAbove: 0.3, y: 0.25 },
      { x: 0.1, yBelow: 0.1, yAbove: 0.2, y: 0.15 },
      { x: 0.2, yBelow: 0, yAbove: 0.1, y: 0.05 },
      { x: 0.3, yBelow: -0.1, yAbove: 0, y: -0.05 },
    ];
    expected.forEach((e, i) => {
      const t = grid.tipping[3 + i];
      expect(t).toMatchObject({ x: e.x, status: 'crosses', yBelow: e.yBelow, yAbove: e.yAbove });
      expect(Math.abs((t?.y ?? 0) - e.y)).toBeLessThan(0.02);
    });
    expect(grid.reaches[5]?.[3]).toBe(false); // x = 0, y = 0.2: value 0.6
    expect(grid.reaches[6]?.[3]).toBe(true); // x = 0, y = 0.3: value 0.65
  });

  it('with the every-scenario rule needs both r_USA and r_EU ≥ 0.625: y* = 0.125 where x ≥ 0.2', () => {
    const runs = evaluate.runs();
    const strict = sensitivityGrid(linear, axes, evaluate, 'every-scenario');
    expect(evaluate.runs()).toBe(runs);
    expect(strict.rule).toBe('every-scenario');
    // x = 0.1 leaves r_USA = 0.6 < 0.625 whatever y is.
    expect(strict.tipping.slice(0, 5).map((t) => t.status)).toEqual([
      'never',
      'never',
      'never',
      'never',
      'never',
    ]);
    for (const t of strict.tipping.slice(5)) {
      // Margins at y = 0.1 and 0.2: min(r) − 0.625 = −0.025 and +0.075, so y* = 0.1 + 0.025 = 0.125.
      expect(t).toMatchObject({ status: 'crosses', yBelow: 0.1, yAbove: 0.2 });
      expect(Math.abs((t.y ?? 0) - 0.125)).toBeLessThan(0.015);
    }
  });

  it('takes explicit axes, and reports every setting only once per distinct plan run, against one total', () => {
    const runs: number[] = [];
    const totals = new Set<number>();
    const custom = sensitivity(linear, {
      variant: 'all',
      trials: 500,
      grid: 'FRA,DEU',
      onProgress: (p) => {
        runs.push(p.done);
        totals.add(p.total);
      },
    });
    expect(custom.grid?.x.actors).toEqual(['FRA']);
    expect(custom.grid?.y.actors).toEqual(['DEU']);
    // 1 base + 2 × (3 reliabilities + 9 settings + 1 threat) + 49 cells, each reported once.
    expect(runs.at(-1)).toBe(500 * (1 + 26 + 49));
    // The bar never shows done before the end: the total is the whole run's from the first report on.
    expect([...totals]).toEqual([500 * (1 + 26 + 49)]);
    expect(runs).toEqual([...runs].sort((a, b) => a - b));
    // Default trials: min(settings.trials, 5000).
    expect(sensitivity(linear, { variant: 'all', grid: false })).toMatchObject({ grid: null, trials: 5000 });
  });

  it('fails on a bad grid before any long run, and on an unknown variant', () => {
    expect(() => sensitivity(linear, { variant: 'all', grid: 'USA,NOR' })).toThrow(/"NOR" is neither/);
    expect(() => sensitivity(linear, { variant: 'nope' })).toThrow(/unknown variant "nope"/);
  });
});
