/**
 * MODEL.md §1 variants and §2 "active": include / exclude / statuses, withdrawn pledges, the default
 * variant, and the tripwire threshold of the variant spec. Deterministic plans: every actor has
 * reliability 1 and every β is 1, so the power on day 0 is exactly the sum of the counted pledges.
 */
import { describe, expect, it } from 'vitest';
import { compilePlan } from './compile.js';
import {
  actor,
  capability,
  DETERMINISTIC,
  domainOf,
  flatScenario,
  makePlan,
  type PlanParts,
  pledge,
  refPhiInverse,
  run,
  variantOf,
} from './test-plans.js';
import { tripwireReliability, variantSpec } from './variant-spec.js';

// A: 1 unit in place (committed); B: 2 on call (committed); C: 4 on call (announced);
// D: 8 on call (withdrawn); the protected actor: 16 delivered in place.
const base: PlanParts = {
  actors: [actor('A', 1), actor('B', 1), actor('C', 1), actor('D', 1)],
  capabilities: [capability('u', { air: 1 })],
  pledges: [
    pledge('a', 'A', 'u', 1, 'in-place'),
    pledge('b', 'B', 'u', 2, 'on-call'),
    pledge('c', 'C', 'u', 4, 'on-call', { status: 'announced' }),
    pledge('d', 'D', 'u', 8, 'on-call', { status: 'withdrawn' }),
    pledge('own', 'UKR', 'u', 16, 'in-place', { status: 'delivered' }),
  ],
  scenarios: [flatScenario('s', 2, { air: 1000 })],
  settings: DETERMINISTIC,
};

const variants = [
  { id: 'all' },
  { id: 'only-a', include: ['A'] },
  { id: 'no-a', exclude: ['A'] },
  { id: 'a-and-c-minus-c', include: ['A', 'C'], exclude: ['C'] },
  { id: 'committed', statuses: ['committed' as const] },
  { id: 'committed-withdrawn', statuses: ['committed' as const, 'withdrawn' as const] },
  { id: 'announced-withdrawn', statuses: ['announced' as const, 'withdrawn' as const] },
  { id: 'delivered', statuses: ['delivered' as const] },
];

describe('variants', () => {
  const a = run(makePlan({ ...base, variants }), 3);
  const powerOf = (v: string) => domainOf(a, v, 's', 'air').bands.p50[0];

  it('an unrestricted variant counts every pledge except withdrawn ones', () => {
    expect(powerOf('all')).toBe(16 + 1 + 2 + 4);
  });

  it('include keeps only the listed actors and the protected actor', () => {
    expect(powerOf('only-a')).toBe(16 + 1);
    expect(variantOf(a, 'only-a').actors).toEqual(['UKR', 'A']);
  });

  it('exclude drops the listed actors', () => {
    expect(powerOf('no-a')).toBe(16 + 2 + 4);
    expect(variantOf(a, 'no-a').actors).toEqual(['UKR', 'B', 'C', 'D']);
  });

  it('include and exclude combine', () => {
    expect(powerOf('a-and-c-minus-c')).toBe(16 + 1);
  });

  it('statuses filter the pledges counted, and the protected actor is filtered too', () => {
    expect(powerOf('committed')).toBe(1 + 2);
    expect(powerOf('delivered')).toBe(16);
  });

  it('a withdrawn pledge never counts, even when the variant lists the status withdrawn', () => {
    expect(powerOf('committed-withdrawn')).toBe(1 + 2);
    expect(powerOf('announced-withdrawn')).toBe(4);
  });

  it('a plan without variants gets one variant "all" with every actor', () => {
    const doc = run(makePlan(base), 3);
    expect(doc.variants.map((v) => v.id)).toEqual(['all']);
    expect(variantOf(doc, 'all').actors).toEqual(['UKR', 'A', 'B', 'C', 'D']);
    expect(domainOf(doc, 'all', 's', 'air').bands.p50[0]).toBe(23);
  });
});

describe('variant spec', () => {
  const plan = makePlan({
    actors: [actor('A', 0.6), actor('B', 0.6), actor('C')],
    capabilities: [capability('u', { air: 1 })],
    pledges: [
      pledge('a', 'A', 'u', 1, 'in-place', { status: 'announced' }),
      pledge('b', 'B', 'u', 1, 'in-place', { status: 'withdrawn' }),
      pledge('c', 'C', 'u', 1, 'on-call'),
    ],
    scenarios: [flatScenario('s', 1, { air: 1 })],
    variants: [{ id: 'all' }, { id: 'committed', statuses: ['committed'] }, { id: 'no-a', exclude: ['A'] }],
    settings: { tripwire: 0.5 },
  });
  const compiled = compilePlan(plan);

  it('computes r′ = 1 − (1 − r)(1 − τ)', () => {
    expect(tripwireReliability(0.6, true, 0.5)).toBeCloseTo(0.8, 15);
    expect(tripwireReliability(0.6, false, 0.5)).toBe(0.6);
    expect(tripwireReliability(0.2, true, 0.25)).toBeCloseTo(0.4, 15);
    expect(tripwireReliability(0.6, true, 1)).toBe(1);
    expect(tripwireReliability(0.6, true, 0)).toBeCloseTo(0.6, 15);
  });

  it('sets the honour threshold to Φ⁻¹(r′), with the default reliability 0.75 and the tripwire', () => {
    const all = variantSpec(compiled, 'all');
    expect(all.threshold[0]).toBe(Number.POSITIVE_INFINITY); // protected
    expect(all.threshold[1]).toBeCloseTo(refPhiInverse(0.8), 9); // announced in-place counts
    expect(all.threshold[2]).toBeCloseTo(refPhiInverse(0.6), 9); // withdrawn: no tripwire
    expect(all.threshold[3]).toBeCloseTo(refPhiInverse(0.75), 9); // default reliability
    const committed = variantSpec(compiled, 'committed');
    expect(committed.threshold[1]).toBeCloseTo(refPhiInverse(0.6), 9);
  });

  it('marks the actors in and the pledges counted', () => {
    const noA = variantSpec(compiled, 'no-a');
    expect(Array.from(noA.actorIn)).toEqual([1, 0, 1, 1]);
    expect(Array.from(noA.pledgeCounted)).toEqual([0, 0, 1]);
    expect(Array.from(variantSpec(compiled, 'all').pledgeCounted)).toEqual([1, 0, 1]);
    expect(Array.from(variantSpec(compiled, 'committed').pledgeCounted)).toEqual([0, 0, 1]);
  });

  it('restricts a variant to a coalition, keeping the protected actor', () => {
    const spec = variantSpec(compiled, 'all', new Set(['C']));
    expect(spec.actors).toEqual(['UKR', 'C']);
  });

  it('rejects an unknown variant id', () => {
    expect(() => variantSpec(compiled, 'nope')).toThrow(/unknown variant "nope"/);
  });
});

describe('triggers', () => {
  // Certain pledges of 1 unit each; the power on day 0 shows which answer each scenario.
  const plan = makePlan({
    actors: [actor('A', 1)],
    capabilities: [capability('u', { air: 1 })],
    pledges: [
      pledge('any', 'A', 'u', 1, 'on-call'),
      pledge('xy', 'A', 'u', 10, 'on-call', { triggers: ['x', 'y'] }),
      pledge('none', 'A', 'u', 100, 'on-call', { triggers: [] }),
    ],
    scenarios: [
      flatScenario('yz', 1, { air: 1000 }, { tags: ['y', 'z'] }),
      flatScenario('z', 1, { air: 1000 }, { tags: ['z'] }),
      flatScenario('untagged', 1, { air: 1000 }),
    ],
    settings: DETERMINISTIC,
  });
  const a = run(plan, 1);
  const powerOf = (s: string) => domainOf(a, 'all', s, 'air').bands.p50[0];

  it('a pledge answers a scenario iff one of its triggers is among its tags, or it has no triggers', () => {
    expect(powerOf('yz')).toBe(11);
    expect(powerOf('z')).toBe(1);
    expect(powerOf('untagged')).toBe(1);
  });
});
