/**
 * The attribution document (`guarantor attribute --json`): the MODEL.md §7 assessment document of the
 * variant with `attribution` filled. The §7 fields (variant, method, actors[].actor/shapley/se/marginal)
 * are exactly there; the others are extras, named here once and kept stable.
 */
import type { Progress } from '../../engine/assess.js';
import type { Assessment, Attribution, AttributionActor } from '../../engine/result-types.js';

export type AttributionMethod = Attribution['method'];

export interface ActorAttribution extends AttributionActor {
  /** Shapley value φ_a: the actor's average marginal value over orders of joining (MODEL.md §5). */
  readonly shapley: number;
  /**
   * Standard error of `shapley`: over trials and random orders for the sampled method; 0 for the exact
   * method (the §7 convention: no sampling of orders), whose trial noise is `trialSe`.
   */
  readonly se: number;
  /** v(N) − v(N ∖ {a}): what the variant loses without this actor alone. */
  readonly marginal: number;
  /** Extra: standard error of `marginal` over trials (it is a paired difference, on the same draws). */
  readonly marginalSe: number;
  /** Extra: Owen value over the union structure of blocs (the actors' `bloc` field). */
  readonly owen: number;
  /** Extra: standard error of `owen` (0 for the exact method; see `se`). */
  readonly owenSe: number;
  /** Extra, exact method only: the Monte Carlo standard error of `shapley` from the trials. */
  readonly trialSe?: number;
  /** Extra: the actor's bloc. */
  readonly bloc: string;
}

export interface BlocAttribution {
  readonly bloc: string;
  /** Σ of its members' Owen values: the bloc's Shapley value in the game between blocs. */
  readonly owen: number;
  /** Standard error of `owen` (0 for the exact method). */
  readonly se: number;
  /** Its members among the players, plan order. */
  readonly actors: readonly string[];
}

export interface AttributionCheck {
  /** Σ_a φ_a; equals vN − vEmpty (efficiency of the Shapley value) up to rounding. */
  readonly sumShapley: number;
  /** Extra: Σ_a Owen_a, which is efficient too. */
  readonly sumOwen: number;
  /** v(N): the variant's value; the same number as variants[0].value. */
  readonly vN: number;
  /** v(∅): the protected actor alone. */
  readonly vEmpty: number;
}

export interface VariantAttribution extends Attribution {
  readonly variant: string;
  readonly method: AttributionMethod;
  /** Every player (the variant's actors but the protected one), plan order. */
  readonly actors: readonly ActorAttribution[];
  readonly blocs: readonly BlocAttribution[];
  readonly check: AttributionCheck;
  /** Trials of the estimate (also settings.trials of the document). */
  readonly trials: number;
  /** How the trial count was set: given (`--trials` or settings.trials) or from a pilot run. */
  readonly trialsFrom: 'given' | 'pilot';
  /** Extra: the standard-error goal of the pilot (sampled method without a trial count). */
  readonly targetSe?: number;
  /** Extra: the largest `se` of any actor (0 for exact). */
  readonly maxSe: number;
  /** Extra: why this method (auto choice or forced, with the cost estimate). */
  readonly reason: string;
}

export interface AttributionDocument extends Assessment {
  readonly attribution: readonly VariantAttribution[];
}

export interface AttributeOptions {
  readonly variant: string;
  /** Default: exact when its estimated cost is small, else sampled. */
  readonly method?: AttributionMethod;
  /** Default: settings.trials for exact; a pilot run's choice for sampled. */
  readonly trials?: number;
  readonly seed?: number;
  /** Standard error the pilot aims at for every actor's Shapley value; default 0.005. */
  readonly targetSe?: number;
  /** Trials done of the (possibly growing) total. */
  readonly onProgress?: (progress: Progress) => void;
}
