/**
 * The burden-sharing document (`guarantor optimize --json`), MODEL.md §7: `model`, `variant`,
 * `allocation`, `costs` and `infeasible` with their fixed field names, and more fields to read and
 * check the proposal by. Money is in the plan's currency, power in the plan's power units.
 */
import type { Bindingness, PledgeStatus, Posture } from '../../plan/types.js';
import type { VerdictKind } from '../../views/verdict.js';
import type { MipStatus } from './mip-model.js';

export interface AllocationEntry {
  readonly actor: string;
  readonly capability: string;
  /** x_{a,c}: whole extra units. */
  readonly units: number;
  /** Extra: unitCost_c · units. */
  readonly cost: number;
}

export interface ActorCost {
  readonly actor: string;
  /** C_a. */
  readonly cost: number;
  /** w_a · C. */
  readonly fairShare: number;
  /** Extra: w_a = gdp_a / Σ gdp over the variant's partners. */
  readonly gdpShare: number;
}

export interface InfeasibleEntry {
  readonly scenario: string;
  readonly domain: string;
  /** gap.power at settings.target. */
  readonly gap: number;
  /** Extra: the expected power that every spare unit together would add there. */
  readonly reachable: number;
}

export interface ShadowPriceEntry {
  readonly scenario: string;
  readonly domain: string;
  readonly gap: number;
  /**
   * Marginal objective (currency; cost plus λ × the change in unfairness) of closing one more unit of
   * power of this gap, from the LP relaxation's dual. 0 where another gap of the same domain is larger
   * (new units answer every scenario, so only the largest gap per domain binds).
   */
  readonly price: number;
  /** Extra: expected power (β_b · r_a · effect) that the allocation adds in the domain. */
  readonly expectedPower: number;
}

export interface DomainState {
  readonly domain: string;
  readonly pHold: number;
  readonly gap: number;
}

export interface ScenarioState {
  readonly id: string;
  readonly pHold: number;
  readonly ci95: readonly [number, number];
  readonly domains: readonly DomainState[];
}

export interface AssessedState {
  readonly value: number;
  /** Against settings.target, as `assess` judges it (src/core/views/verdict.ts). */
  readonly verdict: VerdictKind;
  /** Scenarios whose pHold reaches the target. */
  readonly reached: number;
  readonly scenarios: readonly ScenarioState[];
}

export interface NewPledge {
  readonly id: string;
  readonly actor: string;
  readonly capability: string;
  readonly quantity: number;
  readonly posture: Posture;
  readonly bindingness: Bindingness;
  readonly status: PledgeStatus;
}

export interface Reassessment {
  /** The allocation as the pledges added to the plan for `after`. */
  readonly pledges: readonly NewPledge[];
  /** The variant as planned, and with the new pledges: same trials and seed, so the same draws. */
  readonly before: AssessedState;
  readonly after: AssessedState;
  readonly note: string;
}

export interface SolveSummary {
  readonly status: MipStatus;
  /** The solver's objective, back in currency (equals `objective` up to its tolerances). */
  readonly objective: number;
}

export interface BurdenReport {
  readonly model: 1;
  readonly title: string;
  readonly variant: string;
  readonly currency?: string;
  readonly settings: {
    readonly trials: number;
    readonly seed: number;
    readonly target: number;
    /** λ. */
    readonly fairness: number;
    readonly newPledgeBindingness: Bindingness;
    /** β(newPledgeBindingness). */
    readonly beta: number;
  };
  /** Units > 0 only, plan order of `spare`. */
  readonly allocation: readonly AllocationEntry[];
  /** Every partner of the variant, plan order. */
  readonly costs: readonly ActorCost[];
  readonly infeasible: readonly InfeasibleEntry[];
  /** C + λ · Σ_a |C_a − w_a C|, recomputed from the allocation. */
  readonly objective: number;
  /** C. */
  readonly totalCost: number;
  /** Σ_a |C_a − w_a C|. */
  readonly unfairness: number;
  readonly shadowPrices: readonly ShadowPriceEntry[];
  readonly reassessment: Reassessment;
  readonly solver: SolveSummary & {
    readonly name: string;
    readonly relaxation: SolveSummary & { readonly note: string };
  };
}
