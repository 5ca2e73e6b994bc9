/**
 * Small plan builders and reference maths for the engine's tests. Every expected value in those tests is
 * derived by hand from MODEL.md; the reference functions here (Φ, the bivariate normal CDF, the Wilson
 * interval, a binomial tolerance) are written independently of src/core/random and src/core/stats so
 * that they check the engine rather than repeat it.
 */
import { normalizePlan } from '../plan/normalize.js';
import { type PlanInput, planSchema } from '../plan/schema.js';
import type { Plan } from '../plan/types.js';
import { assess } from './assess.js';
import type { Assessment, DomainResult, ScenarioResult, VariantResult } from './result-types.js';

export type ActorInput = PlanInput['actors'][number];
export type CapabilityInput = PlanInput['capabilities'][number];
export type PledgeInput = PlanInput['pledges'][number];
export type ScenarioInput = PlanInput['scenarios'][number];
export type VariantInput = NonNullable<PlanInput['variants']>[number];
export type SettingsInput = NonNullable<PlanInput['settings']>;

/** The protected actor of every test plan. */
export const PROTECTED = 'UKR';

/** β = 1 for every bindingness: pledges of an honouring actor are then always honoured. */
export const CERTAIN_BINDINGNESS = {
  'treaty-automatic': 1,
  'treaty-consultative': 1,
  executive: 1,
  political: 1,
} as const;

/** Settings that make a plan deterministic: no readiness spread, β = 1 (reliabilities are set per actor). */
export const DETERMINISTIC: SettingsInput = {
  readinessSigma: 0,
  bindingness: CERTAIN_BINDINGNESS,
};

export function actor(id: string, reliability?: number, bloc?: string): ActorInput {
  return {
    id,
    ...(reliability === undefined ? {} : { reliability }),
    ...(bloc === undefined ? {} : { bloc }),
  };
}

export function capability(
  id: string,
  effect: Record<string, number>,
  extra: Partial<CapabilityInput> = {},
): CapabilityInput {
  return { id, effect, ...extra };
}

/**
 * A pledge. Partners' pledges default to bindingness `treaty-automatic` (the loader requires one); the
 * protected actor's pledges get none.
 */
export function pledge(
  id: string,
  actorId: string,
  capabilityId: string,
  quantity: number,
  posture: PledgeInput['posture'],
  extra: Partial<PledgeInput> = {},
): PledgeInput {
  return {
    id,
    actor: actorId,
    capability: capabilityId,
    quantity,
    posture,
    ...(actorId === PROTECTED ? {} : { bindingness: 'treaty-automatic' as const }),
    ...extra,
  };
}

/** A scenario with a constant threat `level` in each listed domain. */
export function flatScenario(
  id: string,
  horizonDays: number,
  levels: Record<string, number>,
  extra: Partial<ScenarioInput> = {},
): ScenarioInput {
  const threat: Record<string, [number, number][]> = {};
  for (const [d, level] of Object.entries(levels)) threat[d] = [[0, level]];
  return { id, horizonDays, threat, ...extra };
}

export interface PlanParts {
  readonly actors?: readonly ActorInput[];
  readonly capabilities?: readonly CapabilityInput[];
  readonly pledges?: readonly PledgeInput[];
  readonly scenarios: readonly ScenarioInput[];
  readonly variants?: readonly VariantInput[];
  readonly settings?: SettingsInput;
}

/** The plan input: the protected actor `UKR` first, then the given actors. */
export function planInput(parts: PlanParts): PlanInput {
  return {
    guarantor: 1,
    title: 'test plan',
    protected: PROTECTED,
    actors: [{ id: PROTECTED }, ...(parts.actors ?? [])],
    capabilities: [...(parts.capabilities ?? [])],
    pledges: [...(parts.pledges ?? [])],
    scenarios: [...parts.scenarios],
    ...(parts.variants === undefined ? {} : { variants: [...parts.variants] }),
    ...(parts.settings === undefined ? {} : { settings: parts.settings }),
  };
}

/** A validated plan with MODEL.md §1 defaults filled in. */
export function makePlan(parts: PlanParts): Plan {
  return normalizePlan(planSchema.parse(planInput(parts)));
}

export function variantOf(a: Assessment, id: string): VariantResult {
  const v = a.variants.find((x) => x.id === id);
  if (v === undefined) throw new Error(`no variant ${id}`);
  return v;
}

export function scenarioOf(a: Assessment, variant: string, scenario: string): ScenarioResult {
  const s = variantOf(a, variant).scenarios.find((x) => x.id === scenario);
  if (s === undefined) throw new Error(`no scenario ${scenario} in variant ${variant}`);
  return s;
}

export function domainOf(a: Assessment, variant: string, scenario: string, domain: string): DomainResult {
  const d = scenarioOf(a, variant, scenario).domains.find((x) => x.domain === domain);
  if (d === undefined) throw new Error(`no domain ${domain} in ${variant}/${scenario}`);
  return d;
}

/** pHold of each scenario of one variant, by scenario id. */
export function pHolds(a: Assessment, variant: string): Record<string, number> {
  return Object.fromEntries(variantOf(a, variant).scenarios.map((s) => [s.id, s.pHold]));
}

/** Runs `assess` and returns the document (a shorthand). */
export function run(plan: Plan, trials: number, seed = 1): Assessment {
  return assess(plan, { trials, seed });
}

// ---------------------------------------------------------------------------------------------------
// Reference maths, independent of the engine.

/**
 * Φ(x) by the series Φ(x) = 1/2 + φ(x) Σ_{n≥0} x^{2n+1} / (1·3·…·(2n+1)), which converges for every x;
 * absolute error below 1e-15 for |x| ≤ 8 (plenty for probabilities in tests).
 */
export function refPhi(x: number): number {
  if (x < -8) return 0;
  if (x > 8) return 1;
  let term = x;
  let sum = x;
  for (let n = 1; n < 500; n++) {
    term *= (x * x) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 + (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)) * sum;
}

/** Φ⁻¹(p) by bisection on refPhi (slow, exact enough for choosing test parameters). */
export function refPhiInverse(p: number): number {
  let lo = -8;
  let hi = 8;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (refPhi(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Bivariate standard normal CDF Φ2(h, k; ρ) = P(X ≤ h, Y ≤ k) with corr(X, Y) = ρ ∈ [0, 1], from
 * Plackett's identity ∂Φ2/∂ρ = φ2 with ρ = sin θ:
 *   Φ2(h, k; ρ) = Φ(h)Φ(k) + (1/2π) ∫_0^{asin ρ} exp(−(h² − 2hk sin θ + k²) / (2 cos² θ)) dθ,
 * whose integrand is smooth up to θ = π/2; composite Simpson with 4000 panels.
 */
export function refBivariateNormalCdf(h: number, k: number, rho: number): number {
  const end = Math.asin(rho);
  const f = (theta: number): number => {
    const c = Math.cos(theta);
    const num = h * h - 2 * h * k * Math.sin(theta) + k * k;
    if (c * c < 1e-300) return num > 1e-12 ? 0 : Math.exp(-(h * h) / 2);
    return Math.exp(-num / (2 * c * c));
  };
  const n = 4000;
  const step = end / n;
  let s = f(0) + f(end);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * step);
  return refPhi(h) * refPhi(k) + ((step / 3) * s) / (2 * Math.PI);
}

/** Wilson 95% interval, written out from Wilson (1927): (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). */
export function refWilson(successes: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = successes / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denom = 1 + (z * z) / n;
  return [(centre - half) / denom, (centre + half) / denom];
}

/**
 * Half-width allowed between a Monte Carlo share over `n` trials and its exact probability `p`:
 * `z` binomial standard errors (4.5 SE: a false alarm about once in 150 000 checks).
 */
export function binomialTolerance(p: number, n: number, z = 4.5): number {
  return z * Math.sqrt((p * (1 - p)) / n) + 1e-12;
}

/** The k-th smallest (1-based), by sorting a copy. */
export function kthBySort(values: readonly number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[k - 1] as number;
}
