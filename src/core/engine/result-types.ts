/**
 * The assessment document, MODEL.md §7 (`--json`). Field names of the contract are fixed; the extra
 * fields (marked) help people read and trace the numbers.
 */
import type { Settings } from '../plan/types.js';

export const MODEL_VERSION = 1 as const;

export interface Bands {
  /** Per day t = 0 … H−1: percentiles of P_d(t) over trials (nearest rank). */
  readonly p10: readonly number[];
  readonly p50: readonly number[];
  readonly p90: readonly number[];
}

export interface Gap {
  /** q-quantile (q = settings.target, nearest rank) over trials of the least constant power that closes the domain. */
  readonly power: number;
  /** The same gap in units of every capability with an effect in the domain: power / effect. */
  readonly units: Readonly<Record<string, number>>;
}

export interface DomainResult {
  readonly domain: string;
  readonly pHold: number;
  readonly meanShortfall: number;
  readonly gap: Gap;
  readonly bands: Bands;
  /** R_d(t) per day. */
  readonly requirement: readonly number[];
  /** Extra: false where Σ_t R_d(t) = 0 (the domain always holds). */
  readonly threatened: boolean;
}

export interface ScenarioResult {
  readonly id: string;
  readonly pHold: number;
  /** Wilson 95% interval of pHold. */
  readonly ci95: readonly [number, number];
  readonly domains: readonly DomainResult[];
  /** Extra: for reading. */
  readonly title: string;
  readonly weight: number;
  readonly horizonDays: number;
}

export interface VariantResult {
  readonly id: string;
  /** Σ_s weight_s · pHold(s) / Σ_s weight_s. */
  readonly value: number;
  readonly scenarios: readonly ScenarioResult[];
  /** Extra: the actors counted by this variant (the protected actor included), in plan order. */
  readonly actors: readonly string[];
}

export interface AttributionActor {
  readonly actor: string;
  readonly shapley: number;
  readonly se: number;
  readonly marginal: number;
}

export interface Attribution {
  readonly variant: string;
  readonly method: 'exact' | 'sampled';
  readonly actors: readonly AttributionActor[];
}

export interface AssessmentSettings extends Settings {
  /** Extra: trials whose daily power entered the bands (all trials unless the run was very large). */
  readonly bandsTrials: number;
}

export interface Assessment {
  readonly model: typeof MODEL_VERSION;
  readonly title: string;
  readonly settings: AssessmentSettings;
  readonly variants: readonly VariantResult[];
  readonly attribution?: readonly Attribution[];
}
