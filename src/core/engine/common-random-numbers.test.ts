/**
 * MODEL.md §2 "Common random numbers": every draw is a pure function of (seed, trial, stream, entity
 * index), so removing an actor from a variant leaves every other draw unchanged, and the same plan and
 * seed give the same document however the trials are split.
 */
import { describe, expect, it } from 'vitest';
import { Stream, uniform } from '../random/counter-rng.js';
import { normalQuantile } from '../random/normal.js';
import { assess } from './assess.js';
import { compilePlan } from './compile.js';
import { prepareRun } from './run-plan.js';
import { simulateTrials } from './simulate.js';
import { summarize } from './summarize.js';
import {
  actor,
  capability,
  domainOf,
  flatScenario,
  makePlan,
  type PlanParts,
  pledge,
  scenarioOf,
} from './test-plans.js';
import { joinBlocks } from './trial-block.js';
import { allocateBlocScratch, allocateDraws, drawTrial } from './trial-draws.js';

// A, B and C share the bloc EU (ρ = 0.5); scenario "b" depends only on B (honour, β, readiness),
// scenario "ac" only on A and C.
const parts: PlanParts = {
  actors: [actor('A', 0.7, 'EU'), actor('B', 0.6, 'EU'), actor('C', 0.5, 'EU'), actor('D', 0.8)],
  capabilities: [capability('u', { air: 1 })],
  pledges: [
    pledge('a', 'A', 'u', 10, 'in-place', { triggers: ['ac'], bindingness: 'executive' }),
    pledge('b', 'B', 'u', 10, 'on-call', { triggers: ['b'], bindingness: 'political', readinessDays: 3 }),
    pledge('c', 'C', 'u', 10, 'on-call', { triggers: ['ac'], readinessDays: 2 }),
    pledge('d', 'D', 'u', 10, 'in-place', { triggers: ['ac'], requires: ['A'] }),
  ],
  scenarios: [
    flatScenario('b', 10, { air: 10 }, { tags: ['b'], tolerance: { air: 0.3 } }),
    flatScenario('ac', 10, { air: 20 }, { tags: ['ac'] }),
  ],
  variants: [
    { id: 'all' },
    { id: 'no-a', exclude: ['A'] },
    { id: 'no-c', exclude: ['C'] },
    { id: 'only-b', include: ['B'] },
  ],
  settings: { trials: 4000, seed: 7 },
};
const plan = makePlan(parts);

describe('common random numbers', () => {
  const a = assess(plan);

  it('removing an actor leaves the results of a scenario that does not depend on it identical', () => {
    const ref = scenarioOf(a, 'all', 'b');
    expect(ref.pHold).toBeGreaterThan(0.05);
    expect(ref.pHold).toBeLessThan(0.95);
    for (const v of ['no-a', 'no-c', 'only-b']) {
      const s = scenarioOf(a, v, 'b');
      expect(s.pHold).toBe(ref.pHold);
      expect(s.ci95).toEqual(ref.ci95);
      expect(s.domains).toEqual(ref.domains);
    }
  });

  it('removing an actor changes the scenarios that depend on it', () => {
    expect(scenarioOf(a, 'no-a', 'ac').pHold).not.toBe(scenarioOf(a, 'all', 'ac').pHold);
  });

  it('evaluating a subset of scenarios or variants gives the same numbers', () => {
    const sub = assess(plan, { scenarios: ['b'], variants: ['no-c'] });
    expect(scenarioOf(sub, 'no-c', 'b')).toEqual(scenarioOf(a, 'all', 'b'));
  });

  it('draws are Z_a = √ρ·Φ⁻¹(u(seed, trial, bloc, g)) + √(1−ρ)·Φ⁻¹(u(seed, trial, actor, a)) and U_p = u(seed, trial, pledge, p)', () => {
    const compiled = compilePlan(plan);
    const draws = allocateDraws(compiled);
    const bloc = allocateBlocScratch(compiled);
    // Blocs in order of first appearance: UKR (0), EU (1), D (2).
    const blocOf = [0, 1, 1, 1, 2];
    for (const trial of [0, 1, 99, 3999]) {
      drawTrial(compiled, trial, draws, bloc);
      for (let i = 0; i < 5; i++) {
        const z =
          Math.sqrt(0.5) * normalQuantile(uniform(7, trial, Stream.bloc, blocOf[i] as number)) +
          Math.sqrt(0.5) * normalQuantile(uniform(7, trial, Stream.actor, i));
        expect(draws.z[i]).toBeCloseTo(z, 14);
      }
      for (let p = 0; p < 4; p++) expect(draws.u[p]).toBe(uniform(7, trial, Stream.pledgeHonour, p));
    }
  });
});

describe('determinism', () => {
  it('the same plan and seed give an identical document', () => {
    expect(JSON.stringify(assess(plan))).toBe(JSON.stringify(assess(plan)));
  });

  it('the seed option and settings.seed are the same thing', () => {
    const other = makePlan({ ...parts, settings: { trials: 4000, seed: 3 } });
    expect(JSON.stringify(assess(plan, { seed: 3 }))).toBe(JSON.stringify(assess(other)));
  });

  it('a different seed gives different numbers', () => {
    const x = assess(plan, { seed: 1 });
    const y = assess(plan, { seed: 2 });
    expect(JSON.stringify(x)).not.toBe(JSON.stringify(y));
    expect(domainOf(x, 'all', 'b', 'air').meanShortfall).not.toBe(
      domainOf(y, 'all', 'b', 'air').meanShortfall,
    );
  });

  it('splitting the trials into blocks and joining them gives the same document', () => {
    const { compiled, layout, trials } = prepareRun(plan);
    const cuts = [0, 1, 1234, 2000, trials];
    const blocks = cuts.slice(1).map((end, i) => simulateTrials(compiled, layout, cuts[i] as number, end));
    const joined = summarize(
      compiled,
      layout,
      joinBlocks(blocks.reverse(), layout.nSeries, layout.bandValuesPerTrial),
    );
    expect(JSON.stringify(joined)).toBe(JSON.stringify(assess(plan)));
  });
});
