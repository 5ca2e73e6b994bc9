/**
 * A gap (MODEL.md §4) in units a negotiator can ask for: "7.7 land power ≈ 1.9 mech-brigade". The
 * assessment document lists the gap in units of every capability with an effect in the domain; for
 * reading, this keeps the capabilities that are made for the domain and that the variant's actors can
 * add, fewest units first.
 */
import type { Gap } from '../engine/result-types.js';
import type { Capability, Plan } from '../plan/types.js';

export interface GapUnit {
  readonly capability: string;
  readonly units: number;
}

/**
 * The capabilities that can close a gap in `domain`, fewest units first (ties by id):
 * 1. made for the domain: their largest effect is in it (a fighter squadron's land effect is incidental);
 * 2. addable by the variant: an actor of the variant holds it in `spare`, or pledges it other than as
 *    a backstop (a backstop package is sized by its giver, not bought by the unit).
 * Each rule is dropped when it would leave nothing, so a positive gap always has at least one entry.
 * Returns [] when the gap is zero.
 */
export function gapInUnits(
  plan: Plan,
  variantActors: readonly string[],
  domain: string,
  gap: Gap,
): GapUnit[] {
  if (!(gap.power > 0)) return [];
  const byId = new Map<string, Capability>(plan.capabilities.map((c) => [c.id, c]));
  let candidates = Object.entries(gap.units)
    .filter(([, units]) => Number.isFinite(units))
    .map(([capability, units]): GapUnit => ({ capability, units }));
  candidates = preferNonEmpty(candidates, (u) => isMadeFor(byId.get(u.capability), domain));
  const addable = addableCapabilities(plan, variantActors);
  candidates = preferNonEmpty(candidates, (u) => addable.has(u.capability));
  return candidates.sort((a, b) => a.units - b.units || (a.capability < b.capability ? -1 : 1));
}

function isMadeFor(capability: Capability | undefined, domain: string): boolean {
  if (capability === undefined) return false;
  const own = capability.effect[domain] ?? 0;
  return Object.values(capability.effect).every((e) => e <= own);
}

function addableCapabilities(plan: Plan, variantActors: readonly string[]): Set<string> {
  const actors = new Set(variantActors);
  const out = new Set<string>();
  for (const s of plan.spare) if (actors.has(s.actor) && s.quantity > 0) out.add(s.capability);
  for (const p of plan.pledges) if (actors.has(p.actor) && p.posture !== 'backstop') out.add(p.capability);
  return out;
}

function preferNonEmpty<T>(items: T[], keep: (item: T) => boolean): T[] {
  const kept = items.filter(keep);
  return kept.length > 0 ? kept : items;
}
