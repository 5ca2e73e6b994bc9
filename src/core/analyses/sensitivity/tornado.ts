/**
 * The tornado: each parameter moved to its low and its high value, everything else at the plan's
 * value, the variant's value re-estimated on the same trials and draws; ranked by swing
 * |value(high) − value(low)|. Because the draws are shared, the swing is a paired difference and its
 * Monte Carlo standard error is small; a parameter that cannot matter (the tripwire of a plan without
 * in-place forces) has a swing of exactly 0, not of a little noise.
 */
import type { Plan } from '../../plan/types.js';
import type { Evaluator } from './paired-runs.js';
import { pairedDifference } from './paired-runs.js';
import type { Parameter, ParameterKind } from './parameters.js';

export interface TornadoRow {
  readonly parameter: string;
  readonly kind: ParameterKind;
  readonly label: string;
  /** The plan's value of the parameter. */
  readonly base: number;
  readonly low: number;
  readonly high: number;
  readonly valueLow: number;
  readonly valueHigh: number;
  /** |valueHigh − valueLow|. */
  readonly swing: number;
  /** Monte Carlo standard error of valueHigh − valueLow (paired over trials). */
  readonly se: number;
}

/** Rows in decreasing swing; ties keep the parameters' order (reliabilities, settings, threats). */
export function tornado(plan: Plan, parameters: readonly Parameter[], evaluate: Evaluator): TornadoRow[] {
  const rows = parameters.map((p): TornadoRow => {
    const low = evaluate(p.low === p.base ? plan : p.apply(plan, p.low));
    const high = evaluate(p.high === p.base ? plan : p.apply(plan, p.high));
    const { difference, se } = pairedDifference(low, high);
    return {
      parameter: p.parameter,
      kind: p.kind,
      label: p.label,
      base: p.base,
      low: p.low,
      high: p.high,
      valueLow: low.value,
      valueHigh: high.value,
      swing: Math.abs(difference),
      se,
    };
  });
  // Array.prototype.sort is stable (ES2019), so equal swings keep their order.
  return rows.sort((a, b) => b.swing - a.swing);
}
