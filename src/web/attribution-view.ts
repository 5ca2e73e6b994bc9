/**
 * Shaping for the Attribution & gaps view, as pure functions (tested in attribution-view.test.ts): an
 * assessment's gaps (MODEL.md §4) into a table in capability units, and the plan's names. The Shapley
 * and Owen bars are shaped in src/charts/interval-bars.ts (shared with the reports), the burden-sharing
 * proposal in src/charts/burden-chart.ts.
 */
import type { VariantResult } from '../core/engine/result-types';
import { units } from './format';
import type { PlanData } from './session';

export interface CapabilityInfo {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
}

/** The plan's capabilities (plan-format data, loosely typed) as id, name and unit. */
export function capabilityInfo(plan: PlanData): Map<string, CapabilityInfo> {
  const out = new Map<string, CapabilityInfo>();
  for (const c of plan.capabilities ?? []) {
    const id = typeof c.id === 'string' ? c.id : undefined;
    if (id === undefined) continue;
    out.set(id, {
      id,
      name: typeof c.name === 'string' ? c.name : id,
      unit: typeof c.unit === 'string' ? c.unit : '',
    });
  }
  return out;
}

/** The plan's actors' names by id. */
export function actorNames(plan: PlanData): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of plan.actors ?? []) {
    if (typeof a.id === 'string') out.set(a.id, typeof a.name === 'string' ? a.name : a.id);
  }
  return out;
}

export interface GapUnits {
  readonly capability: string;
  readonly name: string;
  readonly quantity: number;
  /** "0.6 brigades", "28 lots of 1,000 drones". */
  readonly text: string;
}

export interface GapRow {
  readonly scenario: string;
  readonly title: string;
  readonly domain: string;
  readonly pHold: number;
  /** The gap at settings.target in power units (MODEL.md §4). */
  readonly power: number;
  /** The same gap in units of each capability with effect in the domain, fewest units first. */
  readonly units: readonly GapUnits[];
}

/** One row per threatened (scenario, domain) of the variant, plan order; a closed gap has no units. */
export function gapRows(variant: VariantResult, capabilities: ReadonlyMap<string, CapabilityInfo>): GapRow[] {
  return variant.scenarios.flatMap((s) =>
    s.domains
      .filter((d) => d.threatened !== false)
      .map((d): GapRow => {
        const list =
          d.gap.power > 0
            ? Object.entries(d.gap.units)
                .filter(([, q]) => q > 0)
                .map(([capability, quantity]): GapUnits => {
                  const info = capabilities.get(capability);
                  return {
                    capability,
                    name: info?.name ?? capability,
                    quantity,
                    text: units(quantity, info?.unit ?? ''),
                  };
                })
                .sort((a, b) => a.quantity - b.quantity)
            : [];
        return {
          scenario: s.id,
          title: s.title,
          domain: d.domain,
          pHold: d.pHold,
          power: d.gap.power,
          units: list,
        };
      }),
  );
}

/** Power with at most one decimal: 2.2453 → "2.2", 16.807 → "17". */
export function power(x: number): string {
  return units(x);
}
