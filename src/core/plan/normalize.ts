/**
 * Fills the defaults of MODEL.md §1 into a plan whose shapes and references are already valid.
 */
import { DEFAULT_BINDINGNESS_FACTORS, DEFAULT_RELIABILITY, type RawPlan, STATUSES } from './schema.js';
import type { Plan, Settings } from './types.js';

export const DEFAULT_SETTINGS: Settings = {
  trials: 20000,
  seed: 1,
  target: 0.8,
  yearsOfPeace: 2,
  readinessSigma: 0.35,
  blocCorrelation: 0.5,
  tripwire: 0.5,
  backstopTriggerDays: 3,
  fairness: 1,
  newPledgeBindingness: 'executive',
  bindingness: DEFAULT_BINDINGNESS_FACTORS,
};

export const DEFAULT_REQUIRED_RATIO = 1;
export const DEFAULT_TOLERANCE = 0.1;

export function normalizePlan(raw: RawPlan): Plan {
  const s = raw.settings ?? {};
  const settings: Settings = {
    trials: s.trials ?? DEFAULT_SETTINGS.trials,
    seed: s.seed ?? DEFAULT_SETTINGS.seed,
    target: s.target ?? DEFAULT_SETTINGS.target,
    yearsOfPeace: s.yearsOfPeace ?? DEFAULT_SETTINGS.yearsOfPeace,
    readinessSigma: s.readinessSigma ?? DEFAULT_SETTINGS.readinessSigma,
    blocCorrelation: s.blocCorrelation ?? DEFAULT_SETTINGS.blocCorrelation,
    tripwire: s.tripwire ?? DEFAULT_SETTINGS.tripwire,
    backstopTriggerDays: s.backstopTriggerDays ?? DEFAULT_SETTINGS.backstopTriggerDays,
    fairness: s.fairness ?? DEFAULT_SETTINGS.fairness,
    newPledgeBindingness: s.newPledgeBindingness ?? DEFAULT_SETTINGS.newPledgeBindingness,
    bindingness: { ...DEFAULT_BINDINGNESS_FACTORS, ...stripUndefined(s.bindingness ?? {}) },
  };
  return {
    guarantor: 1,
    title: raw.title ?? '',
    protected: raw.protected,
    ...(raw.currency === undefined ? {} : { currency: raw.currency }),
    actors: raw.actors.map((a) => ({
      id: a.id,
      name: a.name ?? a.id,
      bloc: a.bloc ?? a.id,
      reliability: a.id === raw.protected ? 1 : (a.reliability ?? DEFAULT_RELIABILITY),
      ...(a.gdp === undefined ? {} : { gdp: a.gdp }),
    })),
    capabilities: raw.capabilities.map((c) => ({
      id: c.id,
      name: c.name ?? c.id,
      ...(c.unit === undefined ? {} : { unit: c.unit }),
      effect: Object.fromEntries(Object.entries(c.effect).filter(([, v]) => v > 0)),
      ...(c.unitCost === undefined ? {} : { unitCost: c.unitCost }),
      ...(c.productionPerYear === undefined ? {} : { productionPerYear: c.productionPerYear }),
    })),
    pledges: raw.pledges.map((p) => ({
      id: p.id,
      actor: p.actor,
      capability: p.capability,
      quantity: p.quantity ?? 0,
      posture: p.posture,
      readinessDays: p.readinessDays ?? 0,
      ...(p.actor === raw.protected || p.bindingness === undefined ? {} : { bindingness: p.bindingness }),
      ...(p.triggers === undefined ? {} : { triggers: p.triggers }),
      requires: p.requires ?? [],
      ...(p.fundingPerYear === undefined ? {} : { fundingPerYear: p.fundingPerYear }),
      status: p.status ?? 'committed',
      sources: p.sources ?? [],
    })),
    scenarios: raw.scenarios.map((sc) => {
      const domains = Object.keys(sc.threat);
      return {
        id: sc.id,
        title: sc.title ?? sc.id,
        tags: sc.tags ?? [],
        weight: sc.weight ?? 1,
        horizonDays: sc.horizonDays,
        threat: Object.fromEntries(
          domains.map((d) => [d, [...(sc.threat[d] ?? [])].sort((x, y) => x[0] - y[0])] as const),
        ),
        requiredRatio: Object.fromEntries(
          domains.map((d) => [d, sc.requiredRatio?.[d] ?? DEFAULT_REQUIRED_RATIO] as const),
        ),
        tolerance: Object.fromEntries(
          domains.map((d) => [d, sc.tolerance?.[d] ?? DEFAULT_TOLERANCE] as const),
        ),
      };
    }),
    spare: raw.spare ?? [],
    variants:
      raw.variants === undefined || raw.variants.length === 0
        ? [{ id: 'all', statuses: STATUSES }]
        : raw.variants.map((v) => ({
            id: v.id,
            ...(v.include === undefined ? {} : { include: v.include }),
            ...(v.exclude === undefined ? {} : { exclude: v.exclude }),
            statuses: v.statuses ?? STATUSES,
          })),
    settings,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
