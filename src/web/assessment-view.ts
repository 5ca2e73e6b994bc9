/**
 * The assessment document (MODEL.md §7) shaped for the Overview: per variant its value, each scenario's
 * pHold and 95% interval against the plan's target, the weakest scenario and the verdict, in words.
 * The decision rule (ENOUGH / BORDERLINE / NOT ENOUGH) is core's `verdict`, the one the CLI prints.
 */
import { headlineSentence, holdsText, verdictDetail, verdictSentence } from '../charts/verdict-text';
import type { Assessment, ScenarioResult } from '../core/engine/result-types';
import { VERDICT_LABEL, type VerdictKind, verdict } from '../core/views/verdict';

export { headlineSentence, holdsText, verdictDetail, verdictSentence } from '../charts/verdict-text';

/** Where a scenario's 95% interval lies against the target (the same reading as `verdict`). */
export type TargetStanding = 'above' | 'within' | 'below';

export function standing(ci95: readonly [number, number], target: number): TargetStanding {
  if (ci95[1] < target) return 'below';
  if (ci95[0] < target) return 'within';
  return 'above';
}

export interface ScenarioRow {
  readonly id: string;
  readonly title: string;
  readonly pHold: number;
  readonly ci95: readonly [number, number];
  readonly standing: TargetStanding;
  /** "41% (38–44%)". */
  readonly text: string;
}

export interface VariantSummary {
  readonly id: string;
  readonly value: number;
  readonly verdict: VerdictKind;
  readonly label: string;
  readonly reached: number;
  readonly scenarios: readonly ScenarioRow[];
  readonly weakest?: ScenarioRow;
  /** One sentence: the verdict and the weakest scenario ("NOT ENOUGH: 1 of 4 scenarios reach …"). */
  readonly sentence: string;
  /** The same sentence without the verdict's label, for beside a label shown apart. */
  readonly detail: string;
}

export interface OverviewModel {
  readonly target: number;
  readonly variants: readonly VariantSummary[];
  /** The sentence across variants, on the scenario that limits the best variant. */
  readonly headline?: string;
}

function scenarioRow(s: ScenarioResult, target: number): ScenarioRow {
  return {
    id: s.id,
    title: s.title,
    pHold: s.pHold,
    ci95: s.ci95,
    standing: standing(s.ci95, target),
    text: holdsText(s.pHold, s.ci95),
  };
}

export function overviewModel(doc: Assessment): OverviewModel {
  const target = doc.settings.target;
  const variants = doc.variants.map((variant): VariantSummary => {
    const v = verdict(variant, target);
    const scenarios = variant.scenarios.map((s) => scenarioRow(s, target));
    const weakest = scenarios.find((s) => s.id === v.weakest?.id);
    return {
      id: variant.id,
      value: variant.value,
      verdict: v.kind,
      label: VERDICT_LABEL[v.kind],
      reached: v.reached,
      scenarios,
      ...(weakest === undefined ? {} : { weakest }),
      sentence: verdictSentence(variant, target),
      detail: verdictDetail(variant, target),
    };
  });
  const headline = headlineSentence(doc.variants);
  return { target, variants, ...(headline === undefined ? {} : { headline }) };
}

/** The CSS class of the shared stylesheet for a verdict or standing (colour is never the only cue). */
export function toneOf(kind: VerdictKind | TargetStanding): 'good' | 'warn' | 'bad' {
  switch (kind) {
    case 'enough':
    case 'above':
      return 'good';
    case 'borderline':
    case 'within':
      return 'warn';
    case 'not-enough':
    case 'below':
      return 'bad';
    default:
      return kind satisfies never;
  }
}

/** The one assess run the Overview and the Scenario timeline share: the plan's own trials and seed. */
export const ASSESS_REQUEST = { kind: 'assess', params: {} } as const;

/**
 * What a variant counts, from its definition in the plan: `without USA`, `only FRA, DEU`, `committed,
 * delivered pledges only`; `every actor, every pledge` when it restricts nothing.
 */
export function variantScopeText(definition: Readonly<Record<string, unknown>> | undefined): string {
  const list = (x: unknown) => (Array.isArray(x) ? x.map(String) : []);
  const parts: string[] = [];
  const include = list(definition?.include);
  const exclude = list(definition?.exclude);
  const statuses = list(definition?.statuses);
  if (include.length > 0) parts.push(`only ${include.join(', ')} (and the protected state)`);
  if (exclude.length > 0) parts.push(`without ${exclude.join(', ')}`);
  if (statuses.length > 0) parts.push(`${statuses.join(', ')} pledges only`);
  return parts.length === 0 ? 'every actor, every pledge' : parts.join('; ');
}
