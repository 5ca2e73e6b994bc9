/**
 * The draws of one trial (MODEL.md §2–3), shared by every variant and scenario of that trial:
 * Z_a = √ρ·X_g(a) + √(1−ρ)·ε_a for actors, U_p for pledges, and the arrival offset ⌈δ_p⌉ with
 * δ_p = readinessDays_p · exp(σ·W_p).
 */
import { trialWordA, trialWordB, uniformAt } from '../random/counter-rng.js';
import { normalQuantile } from '../random/normal.js';
import type { CompiledPlan } from './compile.js';

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
  for (let g = 0; g < bloc.length; g++) {
    const k = compiled.blocKeys[g] as { a: number; b: number };
    bloc[g] = normalQuantile(uniformAt(k.a, k.b, ta, tb));
  }
  const { z, u, arrival } = out;
  for (let a = 0; a < z.length; a++) {
    const k = compiled.actorKeys[a] as { a: number; b: number };
    const eps = normalQuantile(uniformAt(k.a, k.b, ta, tb));
    z[a] = sr * (bloc[compiled.actorBloc[a] as number] as number) + s1r * eps;
  }
  const { arrivalStart, arrivalCut, maxHorizon } = compiled;
  for (let p = 0; p < u.length; p++) {
    const k = compiled.pledgeHonourKeys[p] as { a: number; b: number };
    u[p] = uniformAt(k.a, k.b, ta, tb);
    const lo = arrivalStart[p] as number;
    const hi = arrivalStart[p + 1] as number;
    if (hi > lo) {
      const kr = compiled.readinessKeys[p] as { a: number; b: number };
      arrival[p] = arrivalDay(arrivalCut, lo, hi, uniformAt(kr.a, kr.b, ta, tb), maxHorizon);
    } else {
      arrival[p] = 0;
    }
  }
}

/**
 * ⌈δ⌉ for the readiness uniform `v`: the least k with v ≤ cut[k] (cuts ascending in k), or maxHorizon
 * when it is later than every horizon.
 */
export function arrivalDay(
  cuts: Float64Array,
  lo: number,
  hi: number,
  v: number,
  maxHorizon: number,
): number {
  if (v > (cuts[hi - 1] as number)) return maxHorizon;
  // Lower bound without data-dependent branches (the uniform is random, so a branchy search mispredicts
  // about half its steps).
  let base = lo;
  let n = hi - lo;
  while (n > 1) {
    const half = n >>> 1;
    base = (cuts[base + half - 1] as number) < v ? base + half : base;
    n -= half;
  }
  return base - lo;
}
