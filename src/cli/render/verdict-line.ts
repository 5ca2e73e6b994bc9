/** The one-line answer to "is it enough?" for a variant (the decision rule is in core/views/verdict.ts). */
import type { VariantResult } from '../../core/engine/result-types.js';
import { VERDICT_LABEL, type Verdict, verdict } from '../../core/views/verdict.js';
import { formatPercent, formatProbability, width } from './format.js';

/**
 * `europe-only: value 0.39 — NOT ENOUGH: 1 of 4 scenarios reach the 80% target; weakest land-north
 * 22% (21–23%)`, as one line, or two (the second indented) when one would pass `maxWidth`.
 */
export function verdictLines(variant: VariantResult, target: number, maxWidth = 100): string[] {
  const v = verdict(variant, target);
  const head = `${variant.id}: value ${variant.value.toFixed(2)} — ${VERDICT_LABEL[v.kind]}`;
  const detail = verdictDetail(v);
  const one = `${head}: ${detail}`;
  return width(one) <= maxWidth ? [one] : [head, `  ${detail}`];
}

export function verdictDetail(v: Verdict): string {
  const goal = `the ${formatPercent(v.target)} target`;
  const weakest =
    v.weakest === undefined
      ? ''
      : `; weakest ${v.weakest.id} ${formatProbability(v.weakest.pHold, v.weakest.ci95)}`;
  const count = v.reached === v.scenarios ? `all ${v.scenarios}` : `${v.reached} of ${v.scenarios}`;
  const reach = `${count} ${v.scenarios === 1 ? 'scenario reaches' : 'scenarios reach'} ${goal}`;
  switch (v.kind) {
    case 'enough':
    case 'not-enough':
      return reach + weakest;
    case 'borderline':
      return `${reach}, some within sampling noise of it (more --trials will tell)${weakest}`;
    default:
      return v.kind satisfies never;
  }
}
