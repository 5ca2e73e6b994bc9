/**
 * The coalition game is the engine's assessment restricted to a coalition (MODEL.md §5), trial by trial:
 * whatever path of joins and departures leads to a coalition S, its scenario outcomes are those of
 * `runTrials(plan, { coalition: S })` — with backstops, conditions, triggers, statuses and the tripwire.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../engine/compile.js';
import { runTrials, scenarioHolds } from '../../engine/trial-results.js';
import { variantSpec } from '../../engine/variant-spec.js';
import { coalitionGame } from './coalition-game.js';
import { coalitionSpec } from './coalition-spec.js';
import { mixedPlan } from './test-plans.js';

const plan = mixedPlan();
const compiled = compilePlan(plan);
const PARTNERS = ['A', 'B', 'C', 'D', 'E'];
const VARIANTS = ['all', 'committed', 'without-c'];
const TRIALS = 300;

describe('coalition spec', () => {
  it('equals variantSpec(compiled, id, coalition) for every coalition of every variant', () => {
    for (const id of VARIANTS) {
      const variant = variantSpec(compiled, id);
      const moving = coalitionSpec(compiled, variant);
      for (let mask = 0; mask < 1 << PARTNERS.length; mask++) {
        const members = PARTNERS.filter((_, i) => (mask & (1 << i)) !== 0);
        moving.clear();
        for (const m of members) moving.set(compiled.actorIndex.get(m) as number, true);
        const fresh = variantSpec(compiled, id, new Set(members));
        expect(Array.from(moving.spec.actorIn)).toEqual(Array.from(fresh.actorIn));
        expect(Array.from(moving.spec.pledgeCounted)).toEqual(Array.from(fresh.pledgeCounted));
        // The tripwire depends on the actor's own in-place pledges only: thresholds do not move.
        fresh.threshold.forEach((t, a) => {
          if (fresh.actorIn[a] === 1) expect(moving.spec.threshold[a]).toBe(t);
        });
      }
    }
  });
});

describe('coalition game', () => {
  it('lists the players (the protected actor is not one) and those that can add power', () => {
    const game = coalitionGame(compiled, variantSpec(compiled, 'without-c'), [0, 1]);
    const ids = (xs: Int32Array) => Array.from(xs, (a) => compiled.actorIds[a]);
    expect(ids(game.players)).toEqual(['A', 'B', 'D', 'E']);
    // B's SAMs require C, who is not in this variant: B can never add power.
    expect(ids(game.potential)).toEqual(['A', 'D', 'E']);
  });

  it('gives the outcome of runTrials with the coalition, whatever path leads to it (property)', () => {
    const holdsOf = new Map<string, Uint8Array[]>();
    const engineHolds = (variant: string, members: readonly string[]): Uint8Array[] => {
      const key = `${variant}:${members.join(',')}`;
      let h = holdsOf.get(key);
      if (h === undefined) {
        const results = runTrials(plan, { variants: [variant], trials: TRIALS, coalition: members });
        h = [scenarioHolds(results, 0, 0), scenarioHolds(results, 0, 1)];
        holdsOf.set(key, h);
      }
      return h;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...VARIANTS),
        fc.array(fc.constantFrom(...PARTNERS), { maxLength: 12 }),
        (variant, path) => {
          const game = coalitionGame(compiled, variantSpec(compiled, variant), [0, 1]);
          for (let trial = 0; trial < TRIALS; trial++) {
            game.startTrial(trial);
            game.clear();
            // Toggle actors along the path: join when out, leave when in.
            const members = new Set<string>();
            for (const id of path) {
              const join = !members.has(id);
              if (join) members.add(id);
              else members.delete(id);
              game.set(compiled.actorIndex.get(id) as number, join);
            }
            const expected = engineHolds(
              variant,
              PARTNERS.filter((p) => members.has(p)),
            );
            expect([game.holds[0], game.holds[1]]).toEqual([expected[0]?.[trial], expected[1]?.[trial]]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('players outside the trial’s relevant set change nothing (they are null players of that trial)', () => {
    const game = coalitionGame(compiled, variantSpec(compiled, 'all'), [0, 1]);
    let checked = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      game.startTrial(trial);
      const relevant = new Set(game.relevant.subarray(0, game.relevantCount()));
      game.clear();
      for (const a of relevant) game.set(a, true);
      const withRelevant = Array.from(game.holds);
      for (const a of game.players) {
        if (relevant.has(a)) continue;
        game.set(a, true);
        expect(Array.from(game.holds)).toEqual(withRelevant);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('restores a saved coalition without evaluating', () => {
    const game = coalitionGame(compiled, variantSpec(compiled, 'all'), [0, 1]);
    game.startTrial(5);
    game.clear();
    for (const a of game.players) game.set(a, true);
    const whole = Array.from(game.holds);
    game.save(0);
    const before = game.evaluations();
    game.set(game.players[2] as number, false);
    game.restore(0);
    expect(Array.from(game.holds)).toEqual(whole);
    // Back at the whole variant, leaving again re-evaluates from the restored state.
    expect(game.evaluations()).toBeGreaterThanOrEqual(before);
  });
});
