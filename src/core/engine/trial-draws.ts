/**
 * The draws of one trial (MODEL.md §2–3), shared by every variant and scenario of that trial:
 * Z_a = √ρ·X_g(a) + √(1−ρ)·ε_a for actors, U_p for pledges, and the arrival offset ⌈δ_p⌉ with
 * δ_p = readinessDays_p · exp(σ·W_p).
 */
import { trialWordA, trialWordB, uniformAt } from '../random/counter-rng.js';
import { normalQuantile } from '../random/normal.js';
import { ARRIVAL_BUCKETS, type CompiledPlan } from './compile.js';

/** A day index beyond any horizon (horizons are ≤ 3650 days): "does not arrive". */
export const NEVER = 1 << 30;

export interface TrialDraws {
  readonly z: Float64Array;
  readonly u: Float64Array;
  /**
   * ⌈δ_p⌉: the first day index t with t ≥ δ_p (0 for in-place and production pledges), capped at NEVER.
   * Integers in an Int32Array, because day indices computed from doubles make V8's keyed stores slow.
   */
  readonly arrival: Int32Array;
}

export function allocateDraws(compiled: CompiledPlan): TrialDraws {
  return {
    z: new Float64Array(compiled.actorIds.length),
    u: new Float64Array(compiled.pledgeActor.length),
    arrival: new Int32Array(compiled.pledgeActor.length),
  };
}

/** Scratch for the bloc factors, sized once. */
export function allocateBlocScratch(compiled: CompiledPlan): Float64Array {
  return new Float64Array(compiled.blocIds.length);
}

export function drawTrial(compiled: CompiledPlan, trial: number, out: TrialDraws, bloc: Float64Array): void {
  const ta = trialWordA(trial);
  const tb = trialWordB(trial);
  const { settings } = compiled.plan;
  const rho = settings.blocCorrelation;
  const sr = Math.sqrt(rho);
  const s1r = Math.sqrt(1 - rho);
  const { blocKeys, actorKeys, pledgeHonourKeys, readinessKeys, actorBloc } = compiled;
  for (let g = 0; g < bloc.length; g++) {
    bloc[g] = normalQuantile(uniformAt(blocKeys[2 * g] as number, blocKeys[2 * g + 1] as number, ta, tb));
  }
  const { z, u, arrival } = out;
  for (let a = 0; a < z.length; a++) {
    const eps = normalQuantile(uniformAt(actorKeys[2 * a] as number, actorKeys[2 * a + 1] as number, ta, tb));
    z[a] = sr * (bloc[actorBloc[a] as number] as number) + s1r * eps;
  }
  for (let p = 0; p < u.length; p++) {
    u[p] = uniformAt(pledgeHonourKeys[2 * p] as number, pledgeHonourKeys[2 * p + 1] as number, ta, tb);
  }
  // Pledges not in this list act from day 0: their arrival stays 0 as allocated.
  const { arrivalStart, arrivalCut, arrivalGuess, readinessPledges } = compiled;
  for (let i = 0; i < readinessPledges.length; i++) {
    const p = readinessPledges[i] as number;
    const v = uniformAt(readinessKeys[2 * p] as number, readinessKeys[2 * p + 1] as number, ta, tb);
    // Start from the lower bound of v's bucket: the buckets are narrow, so the scan is usually zero or one
    // step (a binary search here was a chain of dependent loads, the slowest part of the draws).
    const guess = arrivalGuess[i * (ARRIVAL_BUCKETS + 1) + Math.floor(v * ARRIVAL_BUCKETS)] as number;
    arrival[p] = arrivalDay(arrivalCut, arrivalStart[p] as number, arrivalStart[p + 1] as number, v, guess);
  }
}

/**
 * ⌈δ⌉ for the readiness uniform `v`: the least k with v ≤ cuts[lo + k] (cuts rise with k), or hi − lo
 * (= maxHorizon, "too late") when v is above every cut. `from` must not exceed the answer: a lower bound
 * such as CompiledPlan.arrivalGuess, from which a short forward scan finds the day.
 */
export function arrivalDay(cuts: Float64Array, lo: number, hi: number, v: number, from = 0): number {
  let k = lo + from;
  while (k < hi && (cuts[k] as number) < v) k++;
  return k - lo;
}
