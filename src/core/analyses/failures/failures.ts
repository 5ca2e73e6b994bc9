/**
 * `failures`: when does the guarantee fail? Scenario discovery on the trials of one (variant,
 * scenario): among the trials in which the scenario fails, the few conditions — who did not honour,
 * which pledge was not active or arrived late, whether a backstop was called — that best explain the
 * failures, as PRIM boxes (prim.ts) with their coverage, density and support.
 */

import type { Plan } from '../../plan/types.js';
import { wilsonInterval } from '../../stats/wilson.js';
import { type Condition, describeLimit } from './describe-condition.js';
import { primRules } from './prim.js';
import { type Feature, trialFeatures } from './trial-features.js';

export interface FailuresOptions {
  readonly variant: string;
  readonly scenario: string;
  /** Default settings.trials (the same trials as `assess`). */
  readonly trials?: number;
  readonly seed?: number;
}

export interface FailureRule {
  /** All must hold: a box. */
  readonly conditions: readonly Condition[];
  /** The conditions joined by "and". */
  readonly text: string;
  /** Share of all failing trials that are inside the box. */
  readonly coverage: number;
  /** Share of the trials inside the box that fail. */
  readonly density: number;
  /** Share of all trials that are inside the box. */
  readonly support: number;
  readonly trials: number;
  readonly failures: number;
  /** Share of all failing trials inside this box or an earlier one. */
  readonly cumulativeCoverage: number;
}

export interface Failures {
  readonly model: 1;
  readonly title: string;
  readonly variant: string;
  readonly scenario: string;
  readonly trials: number;
  readonly seed: number;
  /** The baseline: share of trials in which the scenario fails (1 − pHold). */
  readonly failureRate: number;
  readonly ci95: readonly [number, number];
  readonly failures: number;
  readonly method: 'prim';
  /** Conditions the search could use (those that vary over the trials). */
  readonly features: number;
  /** In the order found: each explains failures the earlier ones left. */
  readonly rules: readonly FailureRule[];
}

export function failures(plan: Plan, options: FailuresOptions): Failures {
  const data = trialFeatures(plan, options);
  const { fails, features, trials, horizon } = data;
  let failed = 0;
  for (const f of fails) failed += f;
  const tops = features.map((f) => f.values.reduce((m, v) => Math.max(m, v), 0));
  const rules = primRules(features, fails).map((rule): FailureRule => {
    const conditions = rule.limits.map((limit) =>
      describeLimit(features[limit.feature] as Feature, limit, tops[limit.feature] as number, horizon),
    );
    return {
      conditions,
      text: conditions.map((c) => c.text).join(' and '),
      coverage: rule.failures / failed,
      density: rule.failures / rule.trials,
      support: rule.trials / trials,
      trials: rule.trials,
      failures: rule.failures,
      cumulativeCoverage: rule.cumulativeFailures / failed,
    };
  });
  return {
    model: 1,
    title: plan.title,
    variant: data.variant,
    scenario: data.scenario,
    trials,
    seed: data.seed,
    failureRate: failed / trials,
    ci95: wilsonInterval(failed, trials),
    failures: failed,
    method: 'prim',
    features: features.length,
    rules,
  };
}
