/**
 * What the changes did to each variant: value and per-scenario pHold before → after, from two
 * assessments run with the same trials and seed: random numbers are a pure function of (seed, trial,
 * stream, entity), so entities that did not change see the same draws (README, "The model").
 */
import type { Assessment, ScenarioResult, VariantResult } from '../../engine/result-types.js';

export interface ScenarioPoint {
  readonly pHold: number;
  readonly ci95: readonly [number, number];
}

export interface ScenarioValue {
  readonly id: string;
  /** `null` where the scenario (or its variant) did not exist at that point. */
  readonly before: ScenarioPoint | null;
  readonly after: ScenarioPoint | null;
}

export interface VariantValueChange {
  readonly variant: string;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before; `null` unless both exist. */
  readonly delta: number | null;
  readonly scenarios: readonly ScenarioValue[];
}

/** Variants in the order of `after`, then those that no longer exist; scenarios likewise. */
export function diffValues(before: Assessment, after: Assessment): VariantValueChange[] {
  const was = new Map(before.variants.map((v) => [v.id, v]));
  const now = new Map(after.variants.map((v) => [v.id, v]));
  const ids = unionIds(after.variants, before.variants);
  return ids.map((variant) => {
    const b = was.get(variant);
    const a = now.get(variant);
    const scenariosBefore = new Map((b?.scenarios ?? []).map((s) => [s.id, s]));
    const scenariosAfter = new Map((a?.scenarios ?? []).map((s) => [s.id, s]));
    return {
      variant,
      before: b?.value ?? null,
      after: a?.value ?? null,
      delta: a === undefined || b === undefined ? null : a.value - b.value,
      scenarios: unionIds(a?.scenarios ?? [], b?.scenarios ?? []).map((id) => ({
        id,
        before: point(scenariosBefore.get(id)),
        after: point(scenariosAfter.get(id)),
      })),
    };
  });
}

function point(result: ScenarioResult | undefined): ScenarioPoint | null {
  return result === undefined ? null : { pHold: result.pHold, ci95: result.ci95 };
}

function unionIds(
  first: readonly (VariantResult | ScenarioResult)[],
  second: readonly (VariantResult | ScenarioResult)[],
): string[] {
  return [...new Set([...first.map((x) => x.id), ...second.map((x) => x.id)])];
}
