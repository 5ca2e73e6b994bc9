/**
 * The coalition game of MODEL.md §5 inside one trial: v_k(S) = Σ_s w_s · hold_s,k(S) / Σ_s w_s, where
 * hold_s,k(S) is whether scenario s holds in trial k for the variant restricted to S, with that trial's
 * draws (common random numbers, §2). It is composed from the engine's own pieces — drawTrial,
 * actorsHonouring, pledgesActive, candidatePledges, the day-0 table, scenarioPower — so it computes
 * what `assess(plan, { coalition: S })` computes, trial by trial.
 *
 * Two facts make it cheap (the hint):
 * - Only the trial's *relevant* players matter: those that honour and own, or are required by, a pledge
 *   active in the whole variant that can add power in some scenario. In a coalition S, pledge p is
 *   active iff it is active in the whole variant, its actor is in S and every actor it requires is in S
 *   (the draws do not move, and thresholds do not depend on S: see coalition-spec.ts). So
 *   v_k(S) = v_k(S ∩ R_k), and every other player is a null player of trial k's game.
 * - Moving between coalitions one actor at a time changes a few pledges; only the scenarios in which one
 *   of them can add power are evaluated again. Without backstops, power only grows with the active set
 *   (effects ≥ 0), so a scenario that holds keeps holding when an actor joins and one that fails keeps
 *   failing when an actor leaves. With backstops that is not so — more power can delay the backstop's
 *   call (MODEL.md §3) — and such scenarios are always evaluated again.
 */
import type { CompiledPlan, CompiledScenario } from '../../engine/compile.js';
import { buildDay0Table, sumDay0 } from '../../engine/day0-table.js';
import { actorsHonouring, pledgesActive } from '../../engine/honour.js';
import { scenarioHolds } from '../../engine/outcome.js';
import {
  allocatePowerScratch,
  type Candidates,
  candidatePledges,
  clearScenario,
  scenarioPower,
} from '../../engine/scenario-power.js';
import { allocateBlocScratch, allocateDraws, drawTrial, type TrialDraws } from '../../engine/trial-draws.js';
import type { VariantSpec } from '../../engine/variant-spec.js';
import { coalitionSpec } from './coalition-spec.js';

export interface CoalitionGame {
  /** The players (MODEL.md §5): actor indices of the variant's actors but the protected one, plan order. */
  readonly players: Int32Array;
  /** The players that can ever be relevant: they own, or are required by, a pledge that can add power. */
  readonly potential: Int32Array;
  /** Scenario weights w_s as in the plan, per scenario of the run. */
  readonly scenarioWeights: readonly number[];
  /** Normalised scenario weights w_s / Σ w (0 when every weight is 0, as the engine's value is then 0). */
  readonly weights: Float64Array;
  /** Draws trial `trial` and finds its relevant players; the coalition is then undefined until `clear`. */
  startTrial(trial: number): void;
  /** Relevant players of the current trial (actor indices, plan order) in relevant[0 … relevantCount). */
  readonly relevant: Int32Array;
  relevantCount(): number;
  /** Sets the empty coalition (the protected actor alone) and evaluates every scenario. */
  clear(): void;
  /** Adds (member = true) or removes a relevant player and re-evaluates the scenarios it can change. */
  set(actor: number, member: boolean): void;
  /** Per scenario of the run: 1 where it holds for the current coalition. */
  readonly holds: Uint8Array;
  /** v_k of the current coalition. */
  value(): number;
  /** Keeps the current coalition and its outcome in `slot`; `restore` returns to it without evaluating. */
  save(slot: number): void;
  restore(slot: number): void;
  /** Scenario evaluations so far (for cost estimates and benchmarks). */
  evaluations(): number;
}

/** `scenarios`: indices of compiled.scenarios, as in the engine's layout. */
export function coalitionGame(
  compiled: CompiledPlan,
  variant: VariantSpec,
  scenarios: readonly number[],
  slots = 1,
): CoalitionGame {
  const nPledges = compiled.pledgeActor.length;
  const nScen = scenarios.length;
  const compiledScenarios = scenarios.map((si) => compiled.scenarios[si] as CompiledScenario);
  const candidates = compiledScenarios.map((s) => candidatePledges(compiled, s, variant.pledgeCounted));
  // The variant's tables serve every coalition: pledges outside it are inactive and add exactly 0. (A
  // coalition's own day-0 table may group rows in another order, so a sum of three or more rows can
  // differ from `assess` with that coalition in the last bit; the tests compare outcomes trial by trial.)
  const day0 = buildDay0Table(compiled, scenarios);
  const day0Sums = new Float64Array(Math.max(0, day0.rowStart.length - 1));
  const scratch = allocatePowerScratch(compiled);
  const K = compiled.plan.settings.backstopTriggerDays;
  const monotone = Uint8Array.from(candidates, (c) => (c.backstops.length === 0 ? 1 : 0));
  const byPledge = scenariosByPledge(nPledges, candidates);
  const weights = normalisedWeights(compiledScenarios);
  const players = Int32Array.from(
    compiled.actorIds
      .map((_, a) => a)
      .filter((a) => variant.actorIn[a] === 1 && a !== compiled.protectedIndex),
  );

  // A pledge that can add power in some scenario, with every actor it requires in the variant.
  const canAddPower = (p: number): boolean => {
    if (variant.pledgeCounted[p] !== 1 || byPledge.start[p] === byPledge.start[p + 1]) return false;
    for (let i = compiled.requiresStart[p] as number; i < (compiled.requiresStart[p + 1] as number); i++) {
      if (variant.actorIn[compiled.requiresList[i] as number] !== 1) return false;
    }
    return true;
  };
  const potential = Int32Array.from(
    players.filter((a) =>
      compiled.pledgeActor.some(
        (owner, p) => canAddPower(p) && (owner === a || requiresActor(compiled, p, a)),
      ),
    ),
  );

  const draws: TrialDraws = allocateDraws(compiled);
  const blocScratch = allocateBlocScratch(compiled);
  const honours = new Uint8Array(compiled.actorIds.length);
  const coalition = coalitionSpec(compiled, variant);
  let active = new Uint8Array(nPledges);
  let next = new Uint8Array(nPledges);
  const holds = new Uint8Array(nScen);
  const dirty = new Uint8Array(nScen);
  const relevant = new Int32Array(players.length);
  const mark = new Uint8Array(compiled.actorIds.length);
  let relevantCount = 0;
  let evaluations = 0;
  const saved = Array.from({ length: slots }, () => ({
    actorIn: new Uint8Array(compiled.actorIds.length),
    pledgeCounted: new Uint8Array(nPledges),
    active: new Uint8Array(nPledges),
    holds: new Uint8Array(nScen),
  }));

  const evaluate = (k: number): void => {
    const s = compiledScenarios[k] as CompiledScenario;
    scenarioPower(
      s,
      K,
      candidates[k] as Candidates,
      day0.rows[k] as Int32Array,
      day0.domains[k] as Int32Array,
      day0Sums,
      active,
      draws.arrival,
      scratch,
    );
    holds[k] = scenarioHolds(s, scratch.shortfall);
    clearScenario(s, scratch);
    evaluations++;
  };

  /** Recomputes the active pledges of the coalition and marks the scenarios where one changed. */
  const recompute = (): boolean => {
    actorsHonouring(compiled, coalition.spec, draws, honours);
    pledgesActive(compiled, coalition.spec, draws, honours, next);
    let any = false;
    for (let p = 0; p < nPledges; p++) {
      if (next[p] === active[p]) continue;
      for (let i = byPledge.start[p] as number; i < (byPledge.start[p + 1] as number); i++) {
        dirty[byPledge.list[i] as number] = 1;
        any = true;
      }
    }
    const t = active;
    active = next;
    next = t;
    return any;
  };

  return {
    players,
    potential,
    scenarioWeights: compiledScenarios.map((s) => s.weight),
    weights,
    relevant,
    relevantCount: () => relevantCount,
    startTrial(trial) {
      drawTrial(compiled, trial, draws, blocScratch);
      actorsHonouring(compiled, variant, draws, honours);
      pledgesActive(compiled, variant, draws, honours, next);
      mark.fill(0);
      for (let p = 0; p < nPledges; p++) {
        if (next[p] !== 1 || byPledge.start[p] === byPledge.start[p + 1]) continue;
        mark[compiled.pledgeActor[p] as number] = 1;
        for (
          let i = compiled.requiresStart[p] as number;
          i < (compiled.requiresStart[p + 1] as number);
          i++
        ) {
          mark[compiled.requiresList[i] as number] = 1;
        }
      }
      relevantCount = 0;
      for (const a of players) if (mark[a] === 1) relevant[relevantCount++] = a;
    },
    clear() {
      coalition.clear();
      actorsHonouring(compiled, coalition.spec, draws, honours);
      pledgesActive(compiled, coalition.spec, draws, honours, active);
      sumDay0(day0, active, day0Sums);
      for (let k = 0; k < nScen; k++) evaluate(k);
    },
    set(actor, member) {
      coalition.set(actor, member);
      if (!recompute()) return;
      let summed = false;
      for (let k = 0; k < nScen; k++) {
        if (dirty[k] !== 1) continue;
        dirty[k] = 0;
        // Monotone scenarios: joining cannot undo a hold, leaving cannot undo a failure.
        if (monotone[k] === 1 && holds[k] === (member ? 1 : 0)) continue;
        if (!summed) {
          sumDay0(day0, active, day0Sums);
          summed = true;
        }
        evaluate(k);
      }
    },
    holds,
    value() {
      let v = 0;
      for (let k = 0; k < nScen; k++) v += (holds[k] as number) * (weights[k] as number);
      return v;
    },
    save(slot) {
      const s = saved[slot] as (typeof saved)[number];
      s.actorIn.set(coalition.spec.actorIn);
      s.pledgeCounted.set(coalition.spec.pledgeCounted);
      s.active.set(active);
      s.holds.set(holds);
    },
    restore(slot) {
      const s = saved[slot] as (typeof saved)[number];
      (coalition.spec.actorIn as Uint8Array).set(s.actorIn);
      (coalition.spec.pledgeCounted as Uint8Array).set(s.pledgeCounted);
      active.set(s.active);
      holds.set(s.holds);
    },
    evaluations: () => evaluations,
  };
}

function requiresActor(compiled: CompiledPlan, p: number, a: number): boolean {
  for (let i = compiled.requiresStart[p] as number; i < (compiled.requiresStart[p + 1] as number); i++) {
    if (compiled.requiresList[i] === a) return true;
  }
  return false;
}

/** For each pledge, the scenarios (run indices) in which it is a candidate: where it can add power. */
function scenariosByPledge(
  nPledges: number,
  candidates: readonly Candidates[],
): { start: Int32Array; list: Int32Array } {
  const lists: number[][] = Array.from({ length: nPledges }, () => []);
  candidates.forEach((c, k) => {
    for (const group of [c.pledges, c.backstops, c.day0]) for (const p of group) lists[p]?.push(k);
  });
  const start = new Int32Array(nPledges + 1);
  lists.forEach((l, p) => {
    start[p + 1] = (start[p] as number) + l.length;
  });
  return { start, list: Int32Array.from(lists.flat()) };
}

function normalisedWeights(scenarios: readonly CompiledScenario[]): Float64Array {
  const total = scenarios.reduce((sum, s) => sum + s.weight, 0);
  return Float64Array.from(scenarios, (s) => (total > 0 ? s.weight / total : 0));
}
