/**
 * What a variant counts (MODEL.md §1 variants, §2): which actors are in it, which pledges are counted
 * (actor in, status allowed, not withdrawn), and each actor's honour threshold after the tripwire.
 * An optional coalition restricts the variant further, with the same draws — the seam attribution
 * (MODEL.md §5) uses.
 */
import { GuarantorError } from '../errors.js';
import { normalQuantile } from '../random/normal.js';
import type { CompiledPlan } from './compile.js';

export interface VariantSpec {
  readonly id: string;
  /** 1 where actor a is counted by the variant (the protected actor always is). */
  readonly actorIn: Uint8Array;
  /** 1 where pledge p is counted: its actor is in, its status is allowed and it is not withdrawn. */
  readonly pledgeCounted: Uint8Array;
  /** Actor a honours iff Z_a < threshold[a] (= Φ⁻¹(r'_a), the copula form of Φ(Z_a) < r'_a). */
  readonly threshold: Float64Array;
  /** Ids of the actors in, plan order. */
  readonly actors: readonly string[];
}

/**
 * Tripwire (MODEL.md §2): an actor with at least one counted in-place pledge has its reliability raised,
 * r' = 1 − (1 − r)(1 − τ).
 */
export function tripwireReliability(r: number, hasInPlace: boolean, tau: number): number {
  return hasInPlace ? 1 - (1 - r) * (1 - tau) : r;
}

/**
 * The spec of variant `variantId`, optionally restricted to the actors in `coalition` (ids; the protected
 * actor is always in).
 */
export function variantSpec(
  compiled: CompiledPlan,
  variantId: string,
  coalition?: ReadonlySet<string>,
): VariantSpec {
  const { plan } = compiled;
  const variant = plan.variants.find((v) => v.id === variantId);
  if (variant === undefined) {
    throw new GuarantorError(
      'UNKNOWN_VARIANT',
      `unknown variant "${variantId}"; the plan has ${plan.variants.map((v) => `"${v.id}"`).join(', ')}`,
    );
  }
  const include = variant.include === undefined ? undefined : new Set(variant.include);
  const exclude = new Set(variant.exclude ?? []);
  const actorIn = Uint8Array.from(plan.actors, (a, i) => {
    if (i === compiled.protectedIndex) return 1;
    if (include !== undefined && !include.has(a.id)) return 0;
    if (exclude.has(a.id)) return 0;
    if (coalition !== undefined && !coalition.has(a.id)) return 0;
    return 1;
  });
  const statuses = new Set(variant.statuses);
  const pledgeCounted = Uint8Array.from(plan.pledges, (p, i) =>
    actorIn[compiled.pledgeActor[i] as number] === 1 && p.status !== 'withdrawn' && statuses.has(p.status)
      ? 1
      : 0,
  );
  const hasInPlace = new Uint8Array(plan.actors.length);
  plan.pledges.forEach((p, i) => {
    if (pledgeCounted[i] === 1 && p.posture === 'in-place') hasInPlace[compiled.pledgeActor[i] as number] = 1;
  });
  const tau = plan.settings.tripwire;
  const threshold = Float64Array.from(plan.actors, (_, a) =>
    a === compiled.protectedIndex
      ? Number.POSITIVE_INFINITY
      : normalQuantile(tripwireReliability(compiled.reliability[a] as number, hasInPlace[a] === 1, tau)),
  );
  return {
    id: variant.id,
    actorIn,
    pledgeCounted,
    threshold,
    actors: plan.actors.filter((_, i) => actorIn[i] === 1).map((a) => a.id),
  };
}
