/**
 * Where the pledges arrive on a scenario's timeline (the markers of the timeline chart, shared by the
 * dashboard and the briefing report): the pledges that count in a domain under a variant, placed on
 * their median arrival day (MODEL.md §3: δ = readinessDays · exp(σW) has median readinessDays, and power
 * arrives on day ⌈δ⌉; in-place and production pledges act from day 0).
 *
 * A backstop has no day of its own: it is called on the day t* the power has fallen short for
 * backstopTriggerDays days in a row (MODEL.md §3 Backstop). Here t* is read off the median path of the
 * domains its capability serves, so its marker is an estimate and says so.
 *
 * The plan is read as plan-format data, loosely typed (`LoosePlan`): the dashboard has the API's JSON;
 * the report passes the validated plan, whose fields have the same names.
 */
import type { Assessment, ScenarioResult } from '../core/engine/result-types.js';
import type { ArrivalMarker, ArrivingPledge, DomainBands } from './timeline-chart.js';

/** A plan as plan-format data (MODEL.md §1), every field unchecked. */
export type LoosePlan = Readonly<Record<string, unknown>> & {
  readonly protected?: unknown;
  readonly actors?: readonly Readonly<Record<string, unknown>>[];
  readonly capabilities?: readonly Readonly<Record<string, unknown>>[];
  readonly pledges?: readonly Readonly<Record<string, unknown>>[];
  readonly scenarios?: readonly Readonly<Record<string, unknown>>[];
  readonly variants?: readonly Readonly<Record<string, unknown>>[];
};

export function findScenario(
  doc: Assessment,
  variantId: string,
  scenarioId: string,
): ScenarioResult | undefined {
  return doc.variants.find((v) => v.id === variantId)?.scenarios.find((s) => s.id === scenarioId);
}

export interface DomainArrivals {
  /** Within the horizon, by day (estimated backstop arrivals apart from the others of the same day). */
  readonly markers: readonly ArrivalMarker[];
  /** Pledges that count here but arrive after the horizon or, backstops, are not called on the median. */
  readonly outside: readonly ArrivingPledge[];
}

type Rec = Readonly<Record<string, unknown>>;

const STATUSES = ['announced', 'committed', 'delivered', 'withdrawn'];

function strings(x: unknown): readonly string[] | undefined {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : undefined;
}

function num(x: unknown, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

/** Actors in the variant (MODEL.md §1 variants: include keeps only those, exclude leaves out; the
 * protected actor is always in) and the pledge statuses it counts. */
function variantScope(plan: LoosePlan, variantId: string): { actors: Set<string>; statuses: Set<string> } {
  const variant = plan.variants?.find((v) => v.id === variantId);
  const include = strings(variant?.include);
  const exclude = new Set(strings(variant?.exclude) ?? []);
  const actors = new Set<string>();
  for (const a of plan.actors ?? []) {
    const id = String(a.id);
    const isProtected = id === plan.protected;
    if (isProtected || ((include === undefined || include.includes(id)) && !exclude.has(id))) actors.add(id);
  }
  return { actors, statuses: new Set(strings(variant?.statuses) ?? STATUSES) };
}

/** The day the backstop is called on the median path: the K-th day of K failing days in a row. */
export function medianTriggerDay(
  domains: readonly Pick<DomainBands, 'p50' | 'requirement'>[],
  triggerDays: number,
): number | undefined {
  if (triggerDays <= 0) return 0;
  let first: number | undefined;
  for (const d of domains) {
    let streak = 0;
    for (let t = 0; t < d.p50.length; t++) {
      streak = (d.p50[t] ?? 0) < (d.requirement[t] ?? 0) ? streak + 1 : 0;
      if (streak === triggerDays) {
        if (first === undefined || t < first) first = t;
        break;
      }
    }
  }
  return first;
}

/**
 * The pledges counted by the variant that add power to `domain` in the scenario (status counted and not
 * withdrawn, actor in, a trigger matching the scenario's tags or none, every required actor in), placed
 * on their median arrival day.
 */
export function domainArrivals(
  plan: LoosePlan,
  variantId: string,
  scenario: ScenarioResult,
  domain: string,
  backstopTriggerDays: number,
): DomainArrivals {
  const { actors, statuses } = variantScope(plan, variantId);
  const planScenario = plan.scenarios?.find((s) => s.id === scenario.id);
  const tags = new Set(strings(planScenario?.tags) ?? []);
  const capabilities = new Map((plan.capabilities ?? []).map((c) => [String(c.id), c] as const));
  const actorNames = new Map((plan.actors ?? []).map((a) => [String(a.id), String(a.name ?? a.id)] as const));
  const domainsOf = (c: Rec | undefined): Rec => (c?.effect ?? {}) as Rec;
  const bands = new Map(scenario.domains.map((d) => [d.domain, d] as const));

  const arriving: ArrivingPledge[] = [];
  for (const p of plan.pledges ?? []) {
    const actor = String(p.actor);
    const status = typeof p.status === 'string' ? p.status : 'committed';
    if (!actors.has(actor) || status === 'withdrawn' || !statuses.has(status)) continue;
    const triggers = strings(p.triggers);
    if (triggers !== undefined && !triggers.some((t) => tags.has(t))) continue;
    if (!(strings(p.requires) ?? []).every((a) => actors.has(a))) continue;
    const capability = capabilities.get(String(p.capability));
    const effect = domainsOf(capability);
    if (!(num(effect[domain], 0) > 0)) continue;
    const posture = String(p.posture);
    const readinessDays = num(p.readinessDays, 0);
    let day: number | undefined;
    if (posture === 'in-place' || posture === 'production') day = 0;
    else if (posture === 'backstop') {
      const served = Object.keys(effect)
        .filter((d) => num(effect[d], 0) > 0)
        .flatMap((d) => {
          const b = bands.get(d);
          return b === undefined || !b.threatened ? [] : [{ p50: b.bands.p50, requirement: b.requirement }];
        });
      const called = medianTriggerDay(served, backstopTriggerDays);
      day = called === undefined ? undefined : called + Math.ceil(readinessDays);
    } else day = Math.ceil(readinessDays);
    arriving.push({
      id: String(p.id),
      actor,
      actorName: actorNames.get(actor) ?? actor,
      capability: String(p.capability),
      capabilityName: String(capability?.name ?? p.capability),
      ...(typeof capability?.unit === 'string' ? { unit: capability.unit } : {}),
      ...(typeof p.quantity === 'number' ? { quantity: p.quantity } : {}),
      posture,
      readinessDays,
      ...(day === undefined ? {} : { day }),
      estimated: posture === 'backstop',
    });
  }

  const byDay = new Map<string, { day: number; estimated: boolean; pledges: ArrivingPledge[] }>();
  const outside: ArrivingPledge[] = [];
  for (const a of arriving) {
    if (a.day === undefined || a.day >= scenario.horizonDays) {
      outside.push(a);
      continue;
    }
    const key = `${a.day}:${a.estimated}`;
    const marker = byDay.get(key) ?? { day: a.day, estimated: a.estimated, pledges: [] };
    marker.pledges.push(a);
    byDay.set(key, marker);
  }
  const markers = [...byDay.values()].sort(
    (a, b) => a.day - b.day || Number(a.estimated) - Number(b.estimated),
  );
  return { markers, outside };
}
