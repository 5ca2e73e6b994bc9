/**
 * A variant's verdict in words, as the dashboard's Overview and the briefing report write it: the
 * verdict (core's `verdict`, the rule the CLI prints) and the weakest scenario in one sentence, and the
 * headline across variants.
 */
import type { ScenarioResult, VariantResult } from '../core/engine/result-types.js';
import { VERDICT_LABEL, verdict } from '../core/views/verdict.js';
import { percent, percentRange } from './format.js';

/** "41% (38–44%)": a pHold with its 95% interval. */
export function holdsText(pHold: number, ci95: readonly [number, number]): string {
  return `${percent(pHold)} (${percentRange(ci95[0], ci95[1])})`;
}

/**
 * `NOT ENOUGH: 1 of 4 scenarios reach the 80% target; the weakest, land-north, holds in 21% of trials
 * (19–23%).`
 */
export function verdictSentence(variant: VariantResult, target: number): string {
  return `${VERDICT_LABEL[verdict(variant, target).kind]}: ${verdictDetail(variant, target)}`;
}

/** `1 of 4 scenarios reach the 80% target; the weakest, land-north, holds in 21% of trials (19–23%).` */
export function verdictDetail(variant: VariantResult, target: number): string {
  const v = verdict(variant, target);
  const n = v.scenarios;
  const count =
    n === 1 ? 'its one scenario' : v.reached === n ? `all ${n} scenarios` : `${v.reached} of ${n} scenarios`;
  const verb = n !== 1 ? 'reach' : v.reached === 1 ? 'reaches' : 'does not reach';
  let text = `${count} ${verb} the ${percent(target)} target`;
  if (v.kind === 'borderline') text += ', some within sampling noise of it (more trials will tell)';
  if (v.weakest !== undefined && n > 1) {
    text += `; the weakest, ${v.weakest.id}, holds in ${percent(v.weakest.pHold)} of trials (${percentRange(
      v.weakest.ci95[0],
      v.weakest.ci95[1],
    )})`;
  }
  return `${text}.`;
}

/**
 * "With europe-only sea-odesa holds in 33% of trials (31–35%); with europe-us 68% (66–70%)." — the
 * scenario that is weakest under the variant of highest value, across every variant, first in plan order.
 */
export function headlineSentence(variants: readonly VariantResult[]): string | undefined {
  if (variants.length === 0) return undefined;
  const best = variants.reduce((a, b) => (b.value > a.value ? b : a));
  const weakest = best.scenarios.reduce<ScenarioResult | undefined>(
    (a, s) => (a === undefined || s.pHold < a.pHold ? s : a),
    undefined,
  );
  if (weakest === undefined) return undefined;
  const parts = variants.flatMap((v, i) => {
    const s = v.scenarios.find((x) => x.id === weakest.id);
    if (s === undefined) return [];
    return i === 0
      ? [
          `With ${v.id} ${weakest.id} holds in ${percent(s.pHold)} of trials (${percentRange(s.ci95[0], s.ci95[1])})`,
        ]
      : [`with ${v.id} ${holdsText(s.pHold, s.ci95)}`];
  });
  return `${parts.join('; ')}.`;
}
