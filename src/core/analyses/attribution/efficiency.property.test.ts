/**
 * Efficiency (MODEL.md §5: Σ_a φ_a = v(N) − v(∅)) on random small plans: exactly (to rounding) for the
 * exact method, and for the sampled one too, because the contributions along any order add up to
 * v_k(N) − v_k(∅) in every trial. The Owen value is efficient in the same way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actor, capability, flatScenario, makePlan, PROTECTED, pledge } from '../../engine/test-plans.js';
import { attribute } from './attribute.js';

const PARTNERS = ['A', 'B', 'C', 'D'];
const POSTURES = ['in-place', 'on-call', 'backstop'] as const;

const randomPlan = fc
  .record({
    partners: fc.integer({ min: 1, max: 4 }),
    reliabilities: fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    blocs: fc.array(fc.constantFrom('X', 'Y', undefined), { minLength: 4, maxLength: 4 }),
    pledges: fc.array(
      fc.record({
        owner: fc.integer({ min: 0, max: 4 }),
        capability: fc.constantFrom('tank', 'jet', 'pkg'),
        quantity: fc.integer({ min: 1, max: 4 }),
        posture: fc.constantFrom(...POSTURES),
        readinessDays: fc.integer({ min: 0, max: 3 }),
        requires: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        triggers: fc.option(fc.constantFrom(['land'], ['air']), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    threat: fc.integer({ min: 1, max: 12 }),
    rho: fc.double({ min: 0, max: 1, noNaN: true }),
    tripwire: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r) => {
    const partners = PARTNERS.slice(0, r.partners);
    const ownerOf = (i: number) => (i === 0 ? PROTECTED : (partners[(i - 1) % partners.length] as string));
    return makePlan({
      actors: partners.map((id, i) => actor(id, r.reliabilities[i], r.blocs[i])),
      capabilities: [
        capability('tank', { land: 3 }),
        capability('jet', { air: 5, land: 1 }),
        capability('pkg', { air: 10, land: 4 }),
      ],
      pledges: r.pledges.map((p, i) => {
        const owner = ownerOf(p.owner);
        const required = p.requires === undefined ? undefined : partners[p.requires % partners.length];
        return pledge(
          `p${i}`,
          owner,
          p.capability,
          p.quantity,
          owner === PROTECTED ? 'in-place' : p.posture,
          {
            ...(owner === PROTECTED ? {} : { readinessDays: p.readinessDays }),
            ...(owner === PROTECTED || required === undefined || required === owner
              ? {}
              : { requires: [required] }),
            ...(p.triggers === undefined ? {} : { triggers: [...p.triggers] }),
          },
        );
      }),
      scenarios: [
        flatScenario('land', 10, { land: r.threat }, { tags: ['land'] }),
        flatScenario('air', 8, { air: r.threat }, { tags: ['air'], weight: 2 }),
      ],
      settings: { blocCorrelation: r.rho, tripwire: r.tripwire },
    });
  });

describe('efficiency on random small plans (property)', () => {
  it('Σφ = Σ Owen = v(N) − v(∅) for the exact and the sampled method', () => {
    let informative = 0;
    fc.assert(
      fc.property(randomPlan, fc.integer({ min: 0, max: 1000 }), (plan, seed) => {
        for (const method of ['exact', 'sampled'] as const) {
          const a = attribute(plan, { variant: 'all', trials: 150, seed, method }).attribution[0];
          if (a === undefined) throw new Error('no attribution');
          const total = a.check.vN - a.check.vEmpty;
          if (total !== 0 && method === 'exact') informative++;
          expect(a.check.sumShapley).toBeCloseTo(total, 10);
          expect(a.check.sumOwen).toBeCloseTo(total, 10);
          expect(a.blocs.reduce((s, b) => s + b.owen, 0)).toBeCloseTo(total, 10);
        }
      }),
      { numRuns: 100 },
    );
    // Most random plans give their partners something to do.
    expect(informative).toBeGreaterThan(30);
  });
});
