/**
 * The outcome rule (MODEL.md §4), in one place: S_d = Σ_t max(0, R_d(t) − P_d(t)) / Σ_t R_d(t); a domain
 * holds iff S_d ≤ tolerance_d; a domain with Σ_t R_d(t) = 0 is not threatened and always holds; a
 * scenario holds iff every domain does. The trial loop and the coalition games of attribution both call
 * these, so the same trials hold in both.
 */
import type { CompiledScenario } from './compile.js';

/** S_j from the summed shortfall of domain j (0 for an unthreatened domain). */
export function shortfallShare(s: CompiledScenario, j: number, shortfallSum: number): number {
  const total = s.totalRequirement[j] as number;
  return total > 0 ? shortfallSum / total : 0;
}

export function domainHolds(s: CompiledScenario, j: number, shortfallSum: number): boolean {
  return shortfallShare(s, j, shortfallSum) <= (s.tolerance[j] as number);
}

/** 1 where every domain of the scenario holds, given the summed shortfall per domain. */
export function scenarioHolds(s: CompiledScenario, shortfall: Float64Array): 0 | 1 {
  for (let j = 0; j < s.domains.length; j++) {
    if (!domainHolds(s, j, shortfall[j] as number)) return 0;
  }
  return 1;
}
