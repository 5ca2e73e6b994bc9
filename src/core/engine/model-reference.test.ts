/**
 * MODEL.md §3–4 written out naively (day by day, no difference arrays, no early exits) and compared with
 * the engine on random deterministic plans: every actor certain, β = 1, σ = 0, so one trial is the whole
 * story. Checks power per day (bands), backstop timing, shortfall, holding and the gap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTAIN_BINDINGNESS, domainOf, makePlan, type PledgeInput, run, scenarioOf } from './test-plans.js';

const DOMAINS = ['air', 'land', 'sea'] as const;
type Domain = (typeof DOMAINS)[number];

interface RefPledge {
  readonly actor: 'UKR' | 'A';
  readonly capability: number;
  readonly quantity: number;
  readonly posture: 'in-place' | 'on-call' | 'backstop';
  readonly readinessDays: number;
}

interface Case {
  readonly horizon: number;
  readonly K: number;
  readonly threat: Record<Domain, [number, number][]>;
  readonly ratio: Record<Domain, number>;
  readonly tolerance: Record<Domain, number>;
  readonly effects: Record<Domain, number>[];
  readonly pledges: RefPledge[];
}

function threatAtRef(points: readonly [number, number][], t: number): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const first = sorted[0] as [number, number];
  const last = sorted[sorted.length - 1] as [number, number];
  if (t <= first[0]) return first[1];
  if (t >= last[0]) return last[1];
  for (let i = 1; i < sorted.length; i++) {
    const [d0, l0] = sorted[i - 1] as [number, number];
    const [d1, l1] = sorted[i] as [number, number];
    if (t >= d0 && t <= d1) return l0 + ((l1 - l0) * (t - d0)) / (d1 - d0);
  }
  throw new Error('unreachable');
}

/** The reference: per domain, P(t), S, holds and the gap (by bisection). */
function reference(c: Case) {
  const H = c.horizon;
  const R = Object.fromEntries(
    DOMAINS.map((d) => [d, Array.from({ length: H }, (_, t) => c.ratio[d] * threatAtRef(c.threat[d], t))]),
  ) as Record<Domain, number[]>;
  const powerOf = (p: RefPledge, d: Domain) => p.quantity * (c.effects[p.capability]?.[d] ?? 0);
  // δ_p = readinessDays (σ = 0); in-place: 0. Power from the first day t ≥ δ_p.
  const delay = (p: RefPledge) => (p.posture === 'in-place' ? 0 : p.readinessDays);
  const P = Object.fromEntries(
    DOMAINS.map((d) => [
      d,
      Array.from({ length: H }, (_, t) =>
        c.pledges
          .filter((p) => p.posture !== 'backstop' && t >= delay(p))
          .reduce((s, p) => s + powerOf(p, d), 0),
      ),
    ]),
  ) as Record<Domain, number[]>;
  // Trigger day per domain: the K-th day of the first run of K consecutive days with P < R.
  const trigger = Object.fromEntries(
    DOMAINS.map((d) => {
      let streak = 0;
      for (let t = 0; t < H; t++) {
        streak = (P[d][t] as number) < (R[d][t] as number) ? streak + 1 : 0;
        if (streak === c.K) return [d, t];
      }
      return [d, Number.POSITIVE_INFINITY];
    }),
  ) as Record<Domain, number>;
  const total = Object.fromEntries(DOMAINS.map((d) => [d, [...(P[d] as number[])]])) as Record<
    Domain,
    number[]
  >;
  for (const p of c.pledges) {
    if (p.posture !== 'backstop') continue;
    const effectDomains = DOMAINS.filter((d) => (c.effects[p.capability]?.[d] ?? 0) > 0);
    const tStar = Math.min(...effectDomains.map((d) => trigger[d]));
    if (!Number.isFinite(tStar)) continue;
    for (const d of DOMAINS) {
      const series = total[d];
      for (let t = 0; t < H; t++)
        if (t >= tStar + p.readinessDays) series[t] = (series[t] as number) + powerOf(p, d);
    }
  }
  return Object.fromEntries(
    DOMAINS.map((d) => {
      const sumR = R[d].reduce((s, r) => s + r, 0);
      const short = (add: number) =>
        R[d].reduce((s, r, t) => s + Math.max(0, r - (total[d][t] as number) - add), 0);
      const S = sumR === 0 ? 0 : short(0) / sumR;
      const holds = sumR === 0 || S <= c.tolerance[d];
      let gap = 0;
      if (!holds) {
        let lo = 0;
        let hi = Math.max(...R[d]) + 1;
        for (let i = 0; i < 200; i++) {
          const mid = (lo + hi) / 2;
          if (short(mid) <= c.tolerance[d] * sumR) hi = mid;
          else lo = mid;
        }
        gap = hi;
      }
      return [d, { power: total[d], requirement: R[d], S, holds, gap }];
    }),
  ) as Record<Domain, { power: number[]; requirement: number[]; S: number; holds: boolean; gap: number }>;
}

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    horizon: fc.integer({ min: 1, max: 16 }),
    K: fc.integer({ min: 1, max: 4 }),
    threat: fc.record(
      Object.fromEntries(
        DOMAINS.map((d) => [
          d,
          fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 12 })), {
            minLength: 1,
            maxLength: 4,
            selector: (x) => x[0],
          }),
        ]),
      ) as Record<Domain, fc.Arbitrary<[number, number][]>>,
    ),
    ratio: fc.record(
      Object.fromEntries(DOMAINS.map((d) => [d, fc.constantFrom(0, 0.5, 1, 2)])) as Record<
        Domain,
        fc.Arbitrary<number>
      >,
    ),
    tolerance: fc.record(
      Object.fromEntries(DOMAINS.map((d) => [d, fc.constantFrom(0, 0.1, 0.25, 0.5)])) as Record<
        Domain,
        fc.Arbitrary<number>
      >,
    ),
    effects: fc.array(
      fc.record(
        Object.fromEntries(DOMAINS.map((d) => [d, fc.constantFrom(0, 0, 1, 2, 5)])) as Record<
          Domain,
          fc.Arbitrary<number>
        >,
      ),
      { minLength: 1, maxLength: 3 },
    ),
    pledges: fc.array(
      fc.record({
        actor: fc.constantFrom('UKR' as const, 'A' as const),
        capability: fc.nat(2),
        quantity: fc.integer({ min: 0, max: 3 }),
        posture: fc.constantFrom(
          'in-place' as const,
          'on-call' as const,
          'backstop' as const,
          'backstop' as const,
        ),
        readinessDays: fc.constantFrom(0, 1, 2, 2.5, 4, 7),
      }),
      { maxLength: 6 },
    ),
  })
  .map((c) => ({
    ...c,
    pledges: c.pledges.map((p) => ({ ...p, capability: p.capability % c.effects.length })),
  }));

function planOf(c: Case) {
  return makePlan({
    actors: [{ id: 'A', reliability: 1 }],
    capabilities: c.effects.map((e, i) => ({
      id: `c${i}`,
      // Zero effects are dropped by the loader; a capability needs at least an empty record.
      effect: Object.fromEntries(Object.entries(e).filter(([, v]) => v > 0)),
    })),
    pledges: c.pledges.map(
      (p, i): PledgeInput => ({
        id: `p${i}`,
        actor: p.actor,
        capability: `c${p.capability}`,
        quantity: p.quantity,
        posture: p.posture,
        readinessDays: p.readinessDays,
        ...(p.actor === 'A' ? { bindingness: 'political' as const } : {}),
      }),
    ),
    scenarios: [
      {
        id: 's',
        horizonDays: c.horizon,
        threat: c.threat,
        requiredRatio: c.ratio,
        tolerance: c.tolerance,
      },
    ],
    settings: { readinessSigma: 0, backstopTriggerDays: c.K, bindingness: CERTAIN_BINDINGNESS, tripwire: 0 },
  });
}

describe('the engine against a naive implementation of MODEL.md §3–4', () => {
  it('gives the same daily power, shortfall, outcome and gap on random deterministic plans', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const a = run(planOf(c), 1);
        const ref = reference(c);
        let all = true;
        for (const d of DOMAINS) {
          const got = domainOf(a, 'all', 's', d);
          const want = ref[d];
          expect(got.requirement).toEqual(want.requirement);
          expect(got.bands.p50).toEqual(want.power);
          expect(got.meanShortfall).toBeCloseTo(want.S, 12);
          expect(got.pHold).toBe(want.holds ? 1 : 0);
          expect(got.gap.power).toBeCloseTo(want.gap, 6);
          all &&= want.holds;
        }
        expect(scenarioOf(a, 'all', 's').pHold).toBe(all ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });
});
