/**
 * Compiles a validated plan into flat typed arrays for the trial loop: entities become indices in plan
 * order (the indices that key the random draws, MODEL.md §2), requirements become daily series, and each
 * scenario gets the table of which pledges answer it and with how much power per domain.
 */
import { GuarantorError } from '../errors.js';
import type { Plan, Posture } from '../plan/types.js';
import { entityKey, Stream } from '../random/counter-rng.js';
import { normalCdf } from '../random/normal.js';
import { pledgeUnits } from './production.js';
import { requirementSeries } from './threat.js';

export const PostureCode = {
  'in-place': 0,
  'on-call': 1,
  backstop: 2,
  production: 3,
} as const satisfies Record<Posture, number>;

export interface CompiledScenario {
  readonly index: number;
  readonly id: string;
  readonly horizon: number;
  readonly weight: number;
  /** The scenario's domains: the keys of its threat, in plan order. */
  readonly domains: readonly string[];
  /** R_j(t) per domain j, t = 0 … horizon−1. */
  readonly requirement: readonly Float64Array[];
  /**
   * max_{t' ≥ t} R_j(t'): once power (which never falls) reaches it, no later day can fail, so the
   * day loops stop there.
   */
  readonly requirementAhead: readonly Float64Array[];
  /** Σ_t R_j(t); 0 means the domain is not threatened and always holds. */
  readonly totalRequirement: Float64Array;
  readonly tolerance: Float64Array;
  /** 1 where pledge p answers the scenario: no triggers, or a trigger among the scenario's tags. */
  readonly answers: Uint8Array;
  /**
   * Contributions of pledge p: entries contribStart[p] … contribStart[p+1]−1 of contribDomain (j) and
   * contribPower (units · effect, power per day once arrived). Only domains with a positive effect.
   */
  readonly contribStart: Int32Array;
  readonly contribDomain: Int32Array;
  readonly contribPower: Float64Array;
}

export interface CompiledPlan {
  readonly plan: Plan;
  readonly seed: number;
  readonly actorIds: readonly string[];
  readonly actorIndex: ReadonlyMap<string, number>;
  readonly protectedIndex: number;
  readonly actorBloc: Int32Array;
  readonly blocIds: readonly string[];
  readonly reliability: Float64Array;
  readonly pledgeActor: Int32Array;
  readonly pledgePosture: Uint8Array;
  readonly pledgeReadiness: Float64Array;
  /** β(bindingness); 1 for the protected actor's pledges. */
  readonly pledgeBeta: Float64Array;
  readonly pledgeUnits: Float64Array;
  /**
   * Readiness as a lookup (MODEL.md §3): ⌈δ_p⌉ ≤ k ⇔ W_p ≤ ln(k / readinessDays_p) / σ ⇔
   * U ≤ Φ(ln(k / readinessDays_p) / σ) for the uniform U behind W_p = Φ⁻¹(U). arrivalCut holds these
   * cuts for k = 0 … maxHorizon−1 per pledge at arrivalStart[p] (none for pledges that act on day 0), so a
   * trial finds ⌈δ_p⌉ by binary search instead of a quantile and an exponential. Days at or beyond the
   * longest horizon are all "too late" and share one value, maxHorizon.
   */
  readonly arrivalStart: Int32Array;
  readonly arrivalCut: Float64Array;
  /**
   * Where to start looking: for readiness pledge number i (in readinessPledges order) and a uniform in
   * bucket b = ⌊v·ARRIVAL_BUCKETS⌋, arrivalGuess[i·(ARRIVAL_BUCKETS+1) + b] is the arrival day of
   * v = b / ARRIVAL_BUCKETS, a lower bound; a short forward scan finds the exact day.
   */
  readonly arrivalGuess: Int32Array;
  readonly maxHorizon: number;
  /** requires of pledge p: requiresList[requiresStart[p] … requiresStart[p+1]). */
  readonly requiresStart: Int32Array;
  readonly requiresList: Int32Array;
  readonly scenarios: readonly CompiledScenario[];
  /** Keys of the draw streams by entity index: entity i's keys are [2i] and [2i+1]. */
  readonly blocKeys: Uint32Array;
  readonly actorKeys: Uint32Array;
  readonly pledgeHonourKeys: Uint32Array;
  readonly readinessKeys: Uint32Array;
  /** Pledges whose arrival day is drawn (on call or backstop with readinessDays > 0). */
  readonly readinessPledges: Int32Array;
}

export function compilePlan(plan: Plan, seed: number = plan.settings.seed): CompiledPlan {
  const actorIds = plan.actors.map((a) => a.id);
  const actorIndex = new Map(actorIds.map((id, i) => [id, i] as const));
  const protectedIndex = indexOf(actorIndex, plan.protected, 'protected');
  const blocIds: string[] = [];
  const blocIndex = new Map<string, number>();
  const actorBloc = new Int32Array(plan.actors.length);
  plan.actors.forEach((a, i) => {
    let g = blocIndex.get(a.bloc);
    if (g === undefined) {
      g = blocIds.length;
      blocIds.push(a.bloc);
      blocIndex.set(a.bloc, g);
    }
    actorBloc[i] = g;
  });
  const reliability = Float64Array.from(plan.actors, (a, i) => (i === protectedIndex ? 1 : a.reliability));

  const capabilities = new Map(plan.capabilities.map((c) => [c.id, c] as const));
  const n = plan.pledges.length;
  const pledgeActor = new Int32Array(n);
  const pledgePosture = new Uint8Array(n);
  const pledgeReadiness = new Float64Array(n);
  const pledgeBeta = new Float64Array(n);
  const units = new Float64Array(n);
  const requiresStart = new Int32Array(n + 1);
  const requiresList: number[] = [];
  plan.pledges.forEach((p, i) => {
    const a = indexOf(actorIndex, p.actor, `pledges[${i}].actor`);
    const cap = capabilities.get(p.capability);
    if (cap === undefined)
      throw new GuarantorError('PLAN_UNKNOWN_CAPABILITY', `unknown capability "${p.capability}"`);
    pledgeActor[i] = a;
    pledgePosture[i] = PostureCode[p.posture];
    // In-place and production pledges act from day 0 (MODEL.md §3).
    pledgeReadiness[i] = p.posture === 'on-call' || p.posture === 'backstop' ? p.readinessDays : 0;
    pledgeBeta[i] =
      a === protectedIndex ? 1 : p.bindingness === undefined ? 0 : plan.settings.bindingness[p.bindingness];
    units[i] = pledgeUnits(p, cap, plan.settings.yearsOfPeace);
    requiresStart[i] = requiresList.length;
    for (const r of p.requires) requiresList.push(indexOf(actorIndex, r, `pledges[${i}].requires`));
  });
  requiresStart[n] = requiresList.length;

  const scenarios = plan.scenarios.map((s, si): CompiledScenario => {
    const domains = Object.keys(s.threat);
    const requirement = domains.map((d) =>
      requirementSeries(s.threat[d] ?? [], s.requiredRatio[d] ?? 1, s.horizonDays),
    );
    const requirementAhead = requirement.map(suffixMax);
    const totalRequirement = Float64Array.from(requirement, (r) => r.reduce((x, y) => x + y, 0));
    const tolerance = Float64Array.from(domains, (d) => s.tolerance[d] ?? 0.1);
    const tags = new Set(s.tags);
    const answers = Uint8Array.from(plan.pledges, (p) =>
      p.triggers === undefined || p.triggers.some((t) => tags.has(t)) ? 1 : 0,
    );
    const contribStart = new Int32Array(n + 1);
    const contribDomain: number[] = [];
    const contribPower: number[] = [];
    plan.pledges.forEach((p, i) => {
      contribStart[i] = contribDomain.length;
      const effect = capabilities.get(p.capability)?.effect ?? {};
      domains.forEach((d, j) => {
        const e = effect[d];
        if (e !== undefined && e > 0) {
          contribDomain.push(j);
          contribPower.push((units[i] as number) * e);
        }
      });
    });
    contribStart[n] = contribDomain.length;
    return {
      index: si,
      id: s.id,
      horizon: s.horizonDays,
      weight: s.weight,
      domains,
      requirement,
      requirementAhead,
      totalRequirement,
      tolerance,
      answers,
      contribStart,
      contribDomain: Int32Array.from(contribDomain),
      contribPower: Float64Array.from(contribPower),
    };
  });

  const maxHorizon = Math.max(1, ...plan.scenarios.map((s) => s.horizonDays));
  const { arrivalStart, arrivalCut } = readinessCuts(
    pledgeReadiness,
    plan.settings.readinessSigma,
    maxHorizon,
  );

  const readinessPledges = Int32Array.from(
    plan.pledges
      .map((_, p) => p)
      .filter((p) => (arrivalStart[p + 1] as number) > (arrivalStart[p] as number)),
  );

  return {
    plan,
    seed,
    arrivalStart,
    arrivalCut,
    maxHorizon,
    actorIds,
    actorIndex,
    protectedIndex,
    actorBloc,
    blocIds,
    reliability,
    pledgeActor,
    pledgePosture,
    pledgeReadiness,
    pledgeBeta,
    pledgeUnits: units,
    requiresStart,
    requiresList: Int32Array.from(requiresList),
    scenarios,
    blocKeys: streamKeys(seed, Stream.bloc, blocIds.length),
    actorKeys: streamKeys(seed, Stream.actor, actorIds.length),
    pledgeHonourKeys: streamKeys(seed, Stream.pledgeHonour, n),
    readinessKeys: streamKeys(seed, Stream.readiness, n),
    readinessPledges,
    arrivalGuess: arrivalGuesses(readinessPledges, arrivalStart, arrivalCut),
  };
}

/** Buckets of the readiness uniform for the arrival-day lookup (see CompiledPlan.arrivalGuess). */
export const ARRIVAL_BUCKETS = 256;

function arrivalGuesses(
  readinessPledges: Int32Array,
  arrivalStart: Int32Array,
  arrivalCut: Float64Array,
): Int32Array {
  const out = new Int32Array(readinessPledges.length * (ARRIVAL_BUCKETS + 1));
  readinessPledges.forEach((p, i) => {
    const lo = arrivalStart[p] as number;
    const hi = arrivalStart[p + 1] as number;
    let k = 0;
    for (let b = 0; b <= ARRIVAL_BUCKETS; b++) {
      const v = b / ARRIVAL_BUCKETS;
      // Least k with v ≤ cut[k] (the cuts rise with k); hi − lo when v is above every cut.
      while (lo + k < hi && (arrivalCut[lo + k] as number) < v) k++;
      out[i * (ARRIVAL_BUCKETS + 1) + b] = k;
    }
  });
  return out;
}

function streamKeys(seed: number, stream: Stream, count: number): Uint32Array {
  const keys = new Uint32Array(2 * count);
  for (let i = 0; i < count; i++) {
    const k = entityKey(seed, stream, i);
    keys[2 * i] = k.a;
    keys[2 * i + 1] = k.b;
  }
  return keys;
}

function readinessCuts(
  readiness: Float64Array,
  sigma: number,
  maxHorizon: number,
): { arrivalStart: Int32Array; arrivalCut: Float64Array } {
  const arrivalStart = new Int32Array(readiness.length + 1);
  const cuts: number[] = [];
  for (let p = 0; p < readiness.length; p++) {
    arrivalStart[p] = cuts.length;
    const days = readiness[p] as number;
    if (days <= 0) continue;
    // P(⌈δ⌉ ≤ k) for k = 0 … maxHorizon−1. With σ = 0, δ = days exactly.
    for (let k = 0; k < maxHorizon; k++) {
      cuts.push(k === 0 ? 0 : sigma === 0 ? (days <= k ? 1 : 0) : normalCdf(Math.log(k / days) / sigma));
    }
  }
  arrivalStart[readiness.length] = cuts.length;
  return { arrivalStart, arrivalCut: Float64Array.from(cuts) };
}

function suffixMax(r: Float64Array): Float64Array {
  const out = new Float64Array(r.length);
  let m = Number.NEGATIVE_INFINITY;
  for (let t = r.length - 1; t >= 0; t--) {
    m = Math.max(m, r[t] as number);
    out[t] = m;
  }
  return out;
}

function indexOf(map: ReadonlyMap<string, number>, id: string, where: string): number {
  const i = map.get(id);
  if (i === undefined) throw new GuarantorError('PLAN_UNKNOWN_ACTOR', `unknown actor "${id}" at ${where}`);
  return i;
}
