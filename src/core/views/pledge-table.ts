/**
 * The pledge matrix as rows (question 1 of DESIGN.md: "what exactly is each partner ready to do on our
 * land, in our seas, in our sky?"): one row per pledge and domain in which its capability has an effect,
 * grouped by actor (plan order) and domain, with the nominal power it brings (units × effect, before
 * reliability, bindingness and conditions are applied by the engine).
 */
import { pledgeUnits } from '../engine/production.js';
import type { Capability, Plan, Pledge, Posture } from '../plan/types.js';

export interface PledgeFilter {
  /** Only rows of this domain. */
  readonly domain?: string;
  /** Only pledges of this actor id. */
  readonly actor?: string;
  readonly posture?: Posture;
}

/** The pledge's own terms, as in the plan. */
type PledgeTerms = Pick<
  Pledge,
  | 'posture'
  | 'readinessDays'
  | 'bindingness'
  | 'triggers'
  | 'requires'
  | 'fundingPerYear'
  | 'status'
  | 'sources'
>;

export interface PledgeRow extends PledgeTerms {
  readonly actor: string;
  readonly actorName: string;
  /** The domain of this row; `null` for a capability with no effect anywhere (listed, adds nothing). */
  readonly domain: string | null;
  readonly pledge: string;
  readonly capability: string;
  readonly capabilityName: string;
  readonly unit?: string;
  /** Units: the declared quantity, or for production pledges the units funded over the years of peace (MODEL.md §3). */
  readonly units: number;
  /** Domain power per unit (the capability's effect in this domain). */
  readonly unitPower: number;
  /** units × unitPower: nominal power in this domain. */
  readonly power: number;
}

export interface DomainTotal {
  readonly domain: string;
  /** Nominal power of the rows in this domain, withdrawn pledges left out. */
  readonly power: number;
  /** Pledges counted in `power`. */
  readonly pledges: number;
  /** `power` split by posture (postures with no power are absent). */
  readonly byPosture: Readonly<Partial<Record<Posture, number>>>;
}

export interface PledgeTable {
  readonly rows: readonly PledgeRow[];
  readonly totals: readonly DomainTotal[];
}

/** Every domain of the plan: capability effects first (in plan order), then threat-only domains. */
export function planDomains(plan: Plan): string[] {
  const seen = new Set<string>();
  for (const c of plan.capabilities) for (const d of Object.keys(c.effect)) seen.add(d);
  for (const s of plan.scenarios) for (const d of Object.keys(s.threat)) seen.add(d);
  return [...seen];
}

/**
 * The rows of the `pledges` command; filters combine (AND).
 *
 * @example
 * pledgeTable(plan, { domain: 'air' }).rows // every pledge with air power, by actor
 */
export function pledgeTable(plan: Plan, filter: PledgeFilter = {}): PledgeTable {
  const capabilities = new Map<string, Capability>(plan.capabilities.map((c) => [c.id, c]));
  const domains = planDomains(plan);
  const rank = new Map(domains.map((d, i) => [d, i]));
  const actorIndex = new Map(plan.actors.map((a, i) => [a.id, i]));
  const rows: (PledgeRow & { readonly order: number })[] = [];
  plan.pledges.forEach((p, order) => {
    if (filter.actor !== undefined && p.actor !== filter.actor) return;
    if (filter.posture !== undefined && p.posture !== filter.posture) return;
    const capability = capabilities.get(p.capability);
    if (capability === undefined) return; // the loader guarantees references resolve
    const actor = plan.actors[actorIndex.get(p.actor) ?? -1];
    const units = pledgeUnits(p, capability, plan.settings.yearsOfPeace);
    const effects = Object.entries(capability.effect).filter(([, e]) => e > 0);
    const cells: [string | null, number][] = effects.length === 0 ? [[null, 0]] : effects;
    for (const [domain, unitPower] of cells) {
      if (filter.domain !== undefined && domain !== filter.domain) continue;
      rows.push({
        order,
        actor: p.actor,
        actorName: actor?.name ?? p.actor,
        domain,
        pledge: p.id,
        capability: capability.id,
        capabilityName: capability.name,
        ...(capability.unit === undefined ? {} : { unit: capability.unit }),
        units,
        unitPower,
        power: units * unitPower,
        posture: p.posture,
        readinessDays: p.readinessDays,
        ...(p.bindingness === undefined ? {} : { bindingness: p.bindingness }),
        ...(p.triggers === undefined ? {} : { triggers: p.triggers }),
        requires: p.requires,
        ...(p.fundingPerYear === undefined ? {} : { fundingPerYear: p.fundingPerYear }),
        status: p.status,
        sources: p.sources,
      });
    }
  });
  const domainRank = (d: string | null) => (d === null ? domains.length : (rank.get(d) ?? domains.length));
  rows.sort(
    (a, b) =>
      (actorIndex.get(a.actor) ?? 0) - (actorIndex.get(b.actor) ?? 0) ||
      domainRank(a.domain) - domainRank(b.domain) ||
      a.order - b.order,
  );
  const sorted = rows.map(({ order: _order, ...row }): PledgeRow => row);
  return { rows: sorted, totals: domainTotals(sorted, domains) };
}

function domainTotals(rows: readonly PledgeRow[], domains: readonly string[]): DomainTotal[] {
  const totals: DomainTotal[] = [];
  for (const domain of domains) {
    const counted = rows.filter((r) => r.domain === domain && r.status !== 'withdrawn');
    if (!rows.some((r) => r.domain === domain)) continue;
    const byPosture: Partial<Record<Posture, number>> = {};
    let power = 0;
    for (const r of counted) {
      power += r.power;
      byPosture[r.posture] = (byPosture[r.posture] ?? 0) + r.power;
    }
    totals.push({ domain, power, pledges: counted.length, byPosture });
  }
  return totals;
}
