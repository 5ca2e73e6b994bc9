/**
 * The variant restricted to a coalition (MODEL.md §5: v(S) is the variant's value with only the actors
 * of S), as a mutable spec that moves from one coalition to the next in O(pledges of the actor moved).
 *
 * It differs from the variant's spec only in `actorIn` and `pledgeCounted`: the honour thresholds stay.
 * That is sound because the tripwire (MODEL.md §2) raises an actor's reliability from its own counted
 * in-place pledges only, and those are counted exactly when the actor itself is in — so an actor in S has
 * the threshold it has in the whole variant. `variantSpec(compiled, id, coalition)` computes the same
 * arrays from scratch (coalition-spec.test.ts checks that they agree).
 */
import type { CompiledPlan } from '../../engine/compile.js';
import type { VariantSpec } from '../../engine/variant-spec.js';

export interface CoalitionSpec {
  /** Pass this to actorsHonouring / pledgesActive: the variant restricted to the current coalition. */
  readonly spec: VariantSpec;
  /** Puts actor a (an actor of the variant) in or out of the coalition. */
  set(actor: number, member: boolean): void;
  /** The empty coalition: the protected actor only. */
  clear(): void;
}

export function coalitionSpec(compiled: CompiledPlan, variant: VariantSpec): CoalitionSpec {
  const nActors = compiled.actorIds.length;
  const actorIn = new Uint8Array(nActors);
  const pledgeCounted = new Uint8Array(variant.pledgeCounted.length);
  const pledgesOf = pledgesByActor(compiled);
  const set = (actor: number, member: boolean): void => {
    const on = member && variant.actorIn[actor] === 1 ? 1 : 0;
    actorIn[actor] = on;
    for (let i = pledgesOf.start[actor] as number; i < (pledgesOf.start[actor + 1] as number); i++) {
      const p = pledgesOf.list[i] as number;
      pledgeCounted[p] = on & (variant.pledgeCounted[p] as number);
    }
  };
  const clear = (): void => {
    for (let a = 0; a < nActors; a++) set(a, a === compiled.protectedIndex);
  };
  clear();
  return {
    // `actors` lists ids for people; the honour rules do not read it.
    spec: { id: variant.id, actorIn, pledgeCounted, threshold: variant.threshold, actors: [] },
    set,
    clear,
  };
}

/** Pledge indices by actor, as offsets into one list (plan order within an actor). */
export function pledgesByActor(compiled: CompiledPlan): { start: Int32Array; list: Int32Array } {
  const nActors = compiled.actorIds.length;
  const start = new Int32Array(nActors + 1);
  for (const a of compiled.pledgeActor) start[a + 1] = (start[a + 1] as number) + 1;
  for (let a = 0; a < nActors; a++) start[a + 1] = (start[a + 1] as number) + (start[a] as number);
  const fill = start.slice(0, nActors);
  const list = new Int32Array(compiled.pledgeActor.length);
  compiled.pledgeActor.forEach((a, p) => {
    list[fill[a] as number] = p;
    fill[a] = (fill[a] as number) + 1;
  });
  return { start, list };
}
