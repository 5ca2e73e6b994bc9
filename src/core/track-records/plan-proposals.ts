/**
 * What a track record proposes for a plan, per actor: its record, delivered ÷ committed, the reliability
 * prior that maps to (prior.ts) next to the plan's own, and — for an actor without gdp, in a plan counted
 * in US dollars — the World Bank's GDP. Proposals only: nothing here changes the plan (accept-proposals.ts
 * turns the ones a user accepts into changes). Shared by `guarantor import kiel --plan` and the server.
 */
import type { Plan } from '../plan/types.js';
import type { ActorRecord, TrackRecords } from './kiel.js';
import { type PriorMapping, proposePrior } from './prior.js';
import type { WorldBankGdp } from './worldbank.js';

export const WORLD_BANK_SOURCE = 'World Bank WDI NY.GDP.MKTP.CD (current US$), CC BY 4.0';

export interface ProposedGdp {
  /** Current US dollars (not billions), as the plan's gdp is in the plan's currency. */
  readonly usd: number;
  readonly year: number;
  readonly source: string;
}

export interface PlanProposal {
  readonly actor: string;
  readonly name: string;
  /** Pledges that are not withdrawn. */
  readonly pledges: number;
  readonly record: ActorRecord | null;
  readonly deliveredRatio: number | null;
  readonly proposedReliability: number | null;
  readonly currentReliability: number;
  /** Proposed only for actors without gdp: current US dollars, World Bank. */
  readonly proposedGdp: ProposedGdp | null;
}

/**
 * Whether World Bank GDP (current US dollars) can go into the plan: only when the plan counts in US
 * dollars (or names no currency, MODEL.md §1's gdp has then no stated unit and dollars are the guess).
 */
export function gdpFitsPlan(plan: Pick<Plan, 'currency'>): boolean {
  return plan.currency === undefined || plan.currency.toUpperCase() === 'USD';
}

/** One proposal per plan actor, in the plan's order; `gdp` is ignored when the plan is not in US dollars. */
export function proposeForPlan(
  plan: Plan,
  records: TrackRecords,
  mapping: PriorMapping,
  gdp: ReadonlyMap<string, WorldBankGdp> | undefined,
): PlanProposal[] {
  const usableGdp = gdpFitsPlan(plan) ? gdp : undefined;
  return plan.actors.map((actor) => {
    const record = records.actors.find((r) => r.actor === actor.id) ?? null;
    const prior = record === null ? undefined : proposePrior(record, mapping);
    const wb = actor.gdp === undefined ? usableGdp?.get(actor.id) : undefined;
    return {
      actor: actor.id,
      name: actor.name,
      pledges: plan.pledges.filter((p) => p.actor === actor.id && p.status !== 'withdrawn').length,
      record,
      deliveredRatio: prior?.deliveredRatio ?? null,
      proposedReliability: prior?.prior ?? null,
      currentReliability: actor.reliability,
      proposedGdp: wb === undefined ? null : { usd: wb.gdpUsd, year: wb.year, source: WORLD_BANK_SOURCE },
    };
  });
}
