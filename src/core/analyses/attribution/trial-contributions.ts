/**
 * Per trial, each player's contribution to that trial's value (MODEL.md §5), summed over trials.
 * Shapley and Owen values are linear in the game, so the value of the averaged game is the average of
 * the trials' values: φ_a = mean_k φ_a,k.
 *
 * - exact: every coalition of the trial's relevant players (coalition-game.ts) is evaluated, in Gray-code
 *   order so that each step moves one actor, and φ_a,k and the Owen value come from the table
 *   (exact-values.ts). Only the orders are exact: the trials remain a sample.
 * - sampled: one uniformly random order of the players per trial; φ_a,k is a's marginal contribution
 *   when it joins in that order, an unbiased estimate of trial k's φ_a, so the mean over trials is an
 *   unbiased estimate of φ_a with the usual standard error (Castro, Gómez & Tejada, "Polynomial
 *   calculation of the Shapley value based on sampling", Computers & OR 36, 2009). The Owen value is
 *   sampled the same way over orders that keep each bloc together, walked backwards from the whole
 *   variant (a reversed uniform order is a uniform order), so one trial costs ~3 evaluations per
 *   relevant player: joining, the marginal probes, leaving.
 * Along any order the contributions add up to v_k(N) − v_k(∅), so Σφ = v(N) − v(∅) holds trial by trial.
 */
import type { CompiledPlan } from '../../engine/compile.js';
import type { VariantSpec } from '../../engine/variant-spec.js';
import { type CoalitionGame, coalitionGame } from './coalition-game.js';
import { addOwen, addShapley } from './exact-values.js';
import { playerOrders } from './player-order.js';
import { type TrialMoments, trialMoments } from './trial-moments.js';
import type { AttributionMethod } from './types.js';

/** Most relevant players per trial the exact method enumerates (a table of 2^20 values, 8 MB). */
export const MAX_EXACT_PLAYERS = 20;

export interface ContributionSums {
  readonly game: CoalitionGame;
  /** Player p's bloc, 0 … blocs.length−1 (blocs of the players, by first appearance). */
  readonly playerBloc: Int32Array;
  readonly blocs: readonly string[];
  /** Runs trials [start, end) (after the trials before them, in order). */
  run(method: AttributionMethod, start: number, end: number, onTrial?: (trial: number) => void): void;
  finish(): void;
  /** Means and SEs: shapley(p), owen(p), marginal(p), bloc(g) — index helpers below. */
  readonly moments: TrialMoments;
  shapleyAt(player: number): number;
  owenAt(player: number): number;
  marginalAt(player: number): number;
  blocAt(bloc: number): number;
  /** Per scenario: trials in which it held with every player, and with none. */
  readonly heldAll: Float64Array;
  readonly heldNone: Float64Array;
  /** [player · scenarios + s]: trials in which s held with every player but not without `player`, minus the reverse. */
  readonly lostWithout: Float64Array;
}

export function contributionSums(
  compiled: CompiledPlan,
  variant: VariantSpec,
  scenarios: readonly number[],
): ContributionSums {
  const game = coalitionGame(compiled, variant, scenarios);
  const { players } = game;
  const n = players.length;
  const nScen = scenarios.length;
  const slot = new Int32Array(compiled.actorIds.length).fill(-1);
  players.forEach((a, p) => {
    slot[a] = p;
  });
  const blocs: string[] = [];
  const playerBloc = Int32Array.from(players, (a) => {
    const id = compiled.blocIds[compiled.actorBloc[a] as number] as string;
    const g = blocs.indexOf(id);
    if (g >= 0) return g;
    blocs.push(id);
    return blocs.length - 1;
  });
  const width = 3 * n + blocs.length;
  const moments = trialMoments(width);
  const x = new Float64Array(width);
  const heldAll = new Float64Array(nScen);
  const heldNone = new Float64Array(nScen);
  const lostWithout = new Float64Array(n * nScen);
  const orders = playerOrders(compiled);
  const order = new Int32Array(n);
  const allHolds = new Uint8Array(nScen);
  // Exact method scratch, sized for the largest table.
  let table = new Float64Array(1);
  const local = new Float64Array(MAX_EXACT_PLAYERS);
  const localBloc = new Int32Array(MAX_EXACT_PLAYERS);
  const blocLocal = new Int32Array(blocs.length);

  const shapleyAt = (p: number) => p;
  const owenAt = (p: number) => n + p;
  const marginalAt = (p: number) => 2 * n + p;
  const blocAt = (g: number) => 3 * n + g;

  /** At the whole variant: count its holds, then probe the variant without each relevant player. */
  const marginals = (m: number): void => {
    const { relevant, holds } = game;
    for (let s = 0; s < nScen; s++) heldAll[s] = (heldAll[s] as number) + (holds[s] as number);
    allHolds.set(holds);
    const vAll = game.value();
    game.save(0);
    for (let j = 0; j < m; j++) {
      const a = relevant[j] as number;
      const p = slot[a] as number;
      game.set(a, false);
      x[marginalAt(p)] = vAll - game.value();
      for (let s = 0; s < nScen; s++) {
        const at = p * nScen + s;
        lostWithout[at] = (lostWithout[at] as number) + (allHolds[s] as number) - (holds[s] as number);
      }
      game.restore(0);
    }
  };

  const sampledTrial = (trial: number, m: number): void => {
    const { relevant } = game;
    let prev = game.value();
    order.set(relevant.subarray(0, m));
    orders.shapleyOrder(trial, order, m);
    for (let j = 0; j < m; j++) {
      const a = order[j] as number;
      game.set(a, true);
      const v = game.value();
      x[shapleyAt(slot[a] as number)] = v - prev;
      prev = v;
    }
    marginals(m);
    orders.owenOrder(trial, order, m);
    for (let j = m - 1; j >= 0; j--) {
      const a = order[j] as number;
      game.set(a, false);
      const v = game.value();
      const p = slot[a] as number;
      x[owenAt(p)] = prev - v;
      x[blocAt(playerBloc[p] as number)] = (x[blocAt(playerBloc[p] as number)] as number) + prev - v;
      prev = v;
    }
  };

  const exactTrial = (m: number): void => {
    const { relevant } = game;
    // chooseMethod keeps the exact method to variants with at most MAX_EXACT_PLAYERS potential players.
    if (m > MAX_EXACT_PLAYERS) throw new Error(`exact attribution with ${m} relevant players in one trial`);
    const size = 1 << m;
    if (table.length < size) table = new Float64Array(size);
    table[0] = game.value();
    // Gray code: coalition g(i) = i ^ (i >> 1) differs from g(i − 1) in bit ctz(i) only.
    for (let i = 1; i < size; i++) {
      const bit = 31 - Math.clz32(i & -i);
      const g = i ^ (i >>> 1);
      game.set(relevant[bit] as number, ((g >>> bit) & 1) === 1);
      table[g] = game.value();
    }
    // The walk ends at {the last player}; join the others to reach the whole variant.
    for (let j = 0; j < m - 1; j++) game.set(relevant[j] as number, true);
    marginals(m);

    local.fill(0);
    addShapley(table, m, local);
    for (let j = 0; j < m; j++) x[shapleyAt(slot[relevant[j] as number] as number)] = local[j] as number;
    // Blocs of the relevant players, renumbered 0 … b−1 for the table.
    blocLocal.fill(-1);
    let b = 0;
    for (let j = 0; j < m; j++) {
      const g = playerBloc[slot[relevant[j] as number] as number] as number;
      if (blocLocal[g] === -1) blocLocal[g] = b++;
      localBloc[j] = blocLocal[g] as number;
    }
    local.fill(0);
    addOwen(table, m, localBloc, b, local);
    for (let j = 0; j < m; j++) {
      const p = slot[relevant[j] as number] as number;
      x[owenAt(p)] = local[j] as number;
      const at = blocAt(playerBloc[p] as number);
      x[at] = (x[at] as number) + (local[j] as number);
    }
  };

  return {
    game,
    playerBloc,
    blocs,
    moments,
    heldAll,
    heldNone,
    lostWithout,
    shapleyAt,
    owenAt,
    marginalAt,
    blocAt,
    run(method, start, end, onTrial) {
      for (let trial = start; trial < end; trial++) {
        x.fill(0);
        game.startTrial(trial);
        const m = game.relevantCount();
        game.clear();
        for (let s = 0; s < nScen; s++) heldNone[s] = (heldNone[s] as number) + (game.holds[s] as number);
        if (m === 0) {
          // No player can change anything: the whole variant is the empty coalition.
          for (let s = 0; s < nScen; s++) heldAll[s] = (heldAll[s] as number) + (game.holds[s] as number);
        } else if (method === 'exact') {
          exactTrial(m);
        } else {
          sampledTrial(trial, m);
        }
        moments.add(trial, x);
        onTrial?.(trial);
      }
    },
    finish: () => moments.finish(),
  };
}
