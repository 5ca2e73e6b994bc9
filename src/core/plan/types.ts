/**
 * The plan after validation, with every default of MODEL.md §1 filled in. Inside the core, code works
 * on these types only: `parsePlan` (the edge) guarantees that every reference resolves and every number
 * is in range.
 */
import type { Bindingness, PledgeStatus, Posture, Source } from './schema.js';

export type { Bindingness, PledgeStatus, Posture, Source };

export interface Actor {
  readonly id: string;
  readonly name: string;
  /** Defaults to the actor's own id. */
  readonly bloc: string;
  /** r_a, default 0.75; always 1 for the protected actor. */
  readonly reliability: number;
  readonly gdp?: number;
}

export interface Capability {
  readonly id: string;
  readonly name: string;
  readonly unit?: string;
  /** Domain power per unit, per domain; only domains with a positive effect are kept. */
  readonly effect: Readonly<Record<string, number>>;
  readonly unitCost?: number;
  readonly productionPerYear?: number;
}

export interface Pledge {
  readonly id: string;
  readonly actor: string;
  readonly capability: string;
  /** Units; 0 where omitted (production pledges derive their units from funding, MODEL.md §3). */
  readonly quantity: number;
  readonly posture: Posture;
  /** Declared days from trigger to effect; default 0. */
  readonly readinessDays: number;
  /** Undefined for the protected actor's pledges (always honoured). */
  readonly bindingness?: Bindingness;
  /** Scenario tags it answers; undefined = every scenario. */
  readonly triggers?: readonly string[];
  /** Actors that must be in the variant and honour in the same trial. */
  readonly requires: readonly string[];
  readonly fundingPerYear?: number;
  readonly status: PledgeStatus;
  readonly sources: readonly Source[];
}

export type ThreatPoint = readonly [day: number, level: number];

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly weight: number;
  readonly horizonDays: number;
  /** Per domain, points sorted by day. The scenario's domains are the keys of `threat`. */
  readonly threat: Readonly<Record<string, readonly ThreatPoint[]>>;
  /** Filled for every threat domain (default 1). */
  readonly requiredRatio: Readonly<Record<string, number>>;
  /** Filled for every threat domain (default 0.1). */
  readonly tolerance: Readonly<Record<string, number>>;
}

export interface Spare {
  readonly actor: string;
  readonly capability: string;
  readonly quantity: number;
}

export interface Variant {
  readonly id: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Pledge statuses counted; default all. Withdrawn pledges never count (MODEL.md §2). */
  readonly statuses: readonly PledgeStatus[];
}

export interface Settings {
  readonly trials: number;
  readonly seed: number;
  readonly target: number;
  readonly yearsOfPeace: number;
  readonly readinessSigma: number;
  readonly blocCorrelation: number;
  readonly tripwire: number;
  readonly backstopTriggerDays: number;
  readonly fairness: number;
  readonly newPledgeBindingness: Bindingness;
  readonly bindingness: Readonly<Record<Bindingness, number>>;
}

export interface Plan {
  readonly guarantor: 1;
  readonly title: string;
  readonly protected: string;
  readonly currency?: string;
  readonly actors: readonly Actor[];
  readonly capabilities: readonly Capability[];
  readonly pledges: readonly Pledge[];
  readonly scenarios: readonly Scenario[];
  readonly spare: readonly Spare[];
  /** Filled with one variant `all` where the plan has none. */
  readonly variants: readonly Variant[];
  readonly settings: Settings;
}
