/**
 * Who honours, per trial (MODEL.md §2). Actor a honours iff Φ(Z_a) < r'_a (here: Z_a < Φ⁻¹(r'_a));
 * the protected actor always does. A counted pledge is active (before the scenario's triggers) iff its
 * actor honours, U_p < β(bindingness_p) (always for the protected actor's pledges), and every actor it
 * `requires` is in the variant and honours in this trial.
 */
import type { CompiledPlan } from './compile.js';
import type { TrialDraws } from './trial-draws.js';
import type { VariantSpec } from './variant-spec.js';

/** Fills `honours[a]` (1/0) for the actors of the variant; actors outside it get 0. */
export function actorsHonouring(
  compiled: CompiledPlan,
  spec: VariantSpec,
  draws: TrialDraws,
  honours: Uint8Array,
): void {
  const { z } = draws;
  for (let a = 0; a < honours.length; a++) {
    honours[a] =
      spec.actorIn[a] === 1 &&
      (a === compiled.protectedIndex || (z[a] as number) < (spec.threshold[a] as number))
        ? 1
        : 0;
  }
}

/** Fills `active[p]` (1/0): counted, honoured and with every required actor honouring. */
export function pledgesActive(
  compiled: CompiledPlan,
  spec: VariantSpec,
  draws: TrialDraws,
  honours: Uint8Array,
  active: Uint8Array,
): void {
  const { u } = draws;
  const { pledgeActor, pledgeBeta, requiresStart, requiresList } = compiled;
  const counted = spec.pledgeCounted;
  // Bitwise rather than && on purpose: honour is a coin flip per trial, and short-circuit branches on
  // coin flips mispredict. The requires loop depends only on the plan, so its branch is predictable.
  for (let p = 0; p < active.length; p++) {
    let on =
      (counted[p] as number) &
      (honours[pledgeActor[p] as number] as number) &
      +((u[p] as number) < (pledgeBeta[p] as number));
    // honours[] is 0 for actors outside the variant, so this also checks "is in the variant".
    for (let i = requiresStart[p] as number; i < (requiresStart[p + 1] as number); i++) {
      on &= honours[requiresList[i] as number] as number;
    }
    active[p] = on;
  }
}
