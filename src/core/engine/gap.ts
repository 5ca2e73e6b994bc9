/**
 * The gap of one trial and domain (MODEL.md §4): the least constant power c ≥ 0 that, added to P_d(t) on
 * every day, makes the shortfall share S_d ≤ tolerance_d, i.e. Σ_t max(0, D_t − c) ≤ B with
 * D_t = R_d(t) − P_d(t) and B = tolerance_d · Σ_t R_d(t).
 *
 * The left side is convex, piecewise linear and decreasing in c, so the answer solves
 * Σ_{D_t > c} (D_t − c) = B exactly. It is found by Michelot's fixed point (the algorithm for projection
 * onto the simplex: C. Michelot, J. Optim. Theory Appl. 50, 1986): start from all positive D_t, set
 * c = (Σ D − B)/m, drop the D_t ≤ c, repeat until nothing drops. c only grows, so dropped terms stay
 * at zero; it ends in at most m rounds and in practice in a few.
 */

/**
 * Least constant power for one series. `scratch` must hold `horizon` values. Returns 0 when the domain
 * already holds (Σ max(0, D_t) ≤ B).
 */
export function leastConstantPower(
  requirement: Float64Array,
  power: Float64Array,
  powerOffset: number,
  horizon: number,
  budget: number,
  scratch: Float64Array,
): number {
  let m = 0;
  let sum = 0;
  for (let t = 0; t < horizon; t++) {
    const d = (requirement[t] as number) - (power[powerOffset + t] as number);
    if (d > 0) {
      scratch[m++] = d;
      sum += d;
    }
  }
  if (sum <= budget || m === 0) return 0;
  let c = (sum - budget) / m;
  for (;;) {
    let kept = 0;
    let keptSum = 0;
    for (let i = 0; i < m; i++) {
      const d = scratch[i] as number;
      if (d > c) {
        scratch[kept++] = d;
        keptSum += d;
      }
    }
    if (kept === m || kept === 0) break;
    m = kept;
    sum = keptSum;
    c = (sum - budget) / m;
  }
  return Math.max(c, 0);
}
