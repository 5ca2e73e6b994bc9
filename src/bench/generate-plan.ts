/**
 * A generated plan of a given size for benchmarks and scale tests: `partners` partner actors in a few
 * blocs, `pledges` pledges of every posture, `scenarios` scenarios over land/sea/air of `horizonDays`
 * days, and two variants (with and without the largest partner). Deterministic in its arguments.
 */

import type { PlanInput } from '../core/plan/schema.js';
import { uniform } from '../core/random/counter-rng.js';

export interface PlanSize {
  readonly partners: number;
  readonly pledges: number;
  readonly scenarios: number;
  readonly horizonDays: number;
  readonly trials: number;
}

export const BENCH_SIZE: PlanSize = {
  partners: 40,
  pledges: 300,
  scenarios: 6,
  horizonDays: 180,
  trials: 100_000,
};

const DOMAINS = ['land', 'sea', 'air'] as const;
// A realistic mix: a few backstops (a big ally's), most pledges on call or in place.
const POSTURES = [
  ...Array<'in-place'>(6).fill('in-place'),
  ...Array<'on-call'>(9).fill('on-call'),
  ...Array<'production'>(4).fill('production'),
  'backstop',
] as const;
const BINDING = ['treaty-automatic', 'treaty-consultative', 'executive', 'political'] as const;
const STATUSES = ['announced', 'committed', 'delivered'] as const;

export function generatePlan(size: PlanSize): PlanInput {
  let draw = 0;
  const r = () => uniform(20260101, 0, 1, draw++);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const actors = [
    { id: 'P', name: 'Protected', bloc: 'P' },
    ...Array.from({ length: size.partners }, (_, i) => ({
      id: `A${i}`,
      name: `Partner ${i}`,
      bloc: `B${i % 5}`,
      reliability: 0.6 + 0.35 * r(),
      gdp: 1e11 * (1 + 20 * r()),
    })),
  ];
  const capabilities: {
    id: string;
    effect: Record<string, number>;
    unitCost: number;
    productionPerYear?: number;
  }[] = [
    { id: 'brigade', effect: { land: 10 }, unitCost: 2e9, productionPerYear: 4 },
    { id: 'frigate', effect: { sea: 8 }, unitCost: 1e9 },
    { id: 'fighter-sqn', effect: { air: 12, land: 2, sea: 2 }, unitCost: 1.5e9, productionPerYear: 2 },
    { id: 'sam', effect: { air: 9 }, unitCost: 1e9, productionPerYear: 6 },
    { id: 'drones', effect: { air: 2, land: 3, sea: 2 }, unitCost: 1e8, productionPerYear: 400 },
  ];
  const pledges = Array.from({ length: size.pledges }, (_, i) => {
    const posture = pick(POSTURES);
    const actor = i < 10 ? 'P' : `A${Math.floor(r() * size.partners)}`;
    const capability = posture === 'production' ? pick(['brigade', 'sam', 'drones']) : pick(capabilities).id;
    return {
      id: `p${i}`,
      actor,
      capability,
      posture,
      ...(posture === 'production'
        ? { fundingPerYear: 1e8 + 2e9 * r() }
        : { quantity: 1 + Math.floor(r() * 4) }),
      ...(posture === 'on-call' || posture === 'backstop' ? { readinessDays: Math.floor(1 + 20 * r()) } : {}),
      ...(actor === 'P' ? {} : { bindingness: pick(BINDING) }),
      ...(r() < 0.3 ? { triggers: [pick(DOMAINS)] } : {}),
      ...(actor !== 'P' && r() < 0.15 ? { requires: ['A0'] } : {}),
      status: pick(STATUSES),
    };
  });
  const scenarios = Array.from({ length: size.scenarios }, (_, s) => ({
    id: `s${s}`,
    tags: [DOMAINS[s % 3] as string],
    horizonDays: size.horizonDays,
    threat: Object.fromEntries(
      DOMAINS.map((d, j) => [
        d,
        [
          [0, 1100 + 300 * j * r()],
          [Math.floor(size.horizonDays / 3), 2600 + 800 * r()],
          [size.horizonDays - 1, 1500 + 500 * r()],
        ] as [number, number][],
      ]),
    ),
    requiredRatio: { land: 0.5, sea: 0.4, air: 0.6 },
    tolerance: { land: 0.1, sea: 0.15, air: 0.1 },
  }));
  return {
    guarantor: 1,
    title: `Generated plan (${size.partners} partners, ${size.pledges} pledges)`,
    protected: 'P',
    actors,
    capabilities,
    pledges,
    scenarios,
    variants: [{ id: 'all' }, { id: 'without-A0', exclude: ['A0'] }],
    settings: { trials: size.trials, seed: 7 },
  };
}
