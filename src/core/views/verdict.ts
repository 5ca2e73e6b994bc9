/**
 * "Is it enough?" (DESIGN.md question 3) for one variant: does every scenario reach the plan's target
 * pHold (settings.target)? The answer respects the Monte Carlo noise: a scenario whose 95% interval
 * contains the target can go either way, which makes the verdict borderline rather than a coin flip.
 */
import type { ScenarioResult, VariantResult } from '../engine/result-types.js';

/** enough: every interval is at or above the target; not-enough: some interval is wholly below it. */
export type VerdictKind = 'enough' | 'not-enough' | 'borderline';

/** The verdict as the CLI, the dashboard and the reports print it. */
export const VERDICT_LABEL: Readonly<Record<VerdictKind, string>> = {
  enough: 'ENOUGH',
  'not-enough': 'NOT ENOUGH',
  borderline: 'BORDERLINE',
};

export interface Verdict {
  readonly kind: VerdictKind;
  readonly target: number;
  /** Scenarios whose pHold is at least the target. */
  readonly reached: number;
  readonly scenarios: number;
  /** The scenario with the lowest pHold (first in plan order on ties); undefined with no scenarios. */
  readonly weakest?: ScenarioResult;
}

export function verdict(variant: VariantResult, target: number): Verdict {
  let weakest: ScenarioResult | undefined;
  let reached = 0;
  let below = false;
  let unsure = false;
  for (const s of variant.scenarios) {
    if (weakest === undefined || s.pHold < weakest.pHold) weakest = s;
    if (s.pHold >= target) reached++;
    if (s.ci95[1] < target) below = true;
    else if (s.ci95[0] < target) unsure = true;
  }
  const kind: VerdictKind = below ? 'not-enough' : unsure ? 'borderline' : 'enough';
  return {
    kind,
    target,
    reached,
    scenarios: variant.scenarios.length,
    ...(weakest === undefined ? {} : { weakest }),
  };
}
