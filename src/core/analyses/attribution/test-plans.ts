/**
 * Plans for the attribution tests, built with the engine's test builders. Every expected value in the
 * tests is derived by hand from MODEL.md; these only set up the games.
 */
import {
  actor,
  CERTAIN_BINDINGNESS,
  capability,
  flatScenario,
  makePlan,
  PROTECTED,
  pledge,
} from '../../engine/test-plans.js';
import type { Plan } from '../../plan/types.js';

export { PROTECTED };

/** No readiness spread, β = 1, no tripwire, independent actors: only reliabilities are random. */
export const PLAIN = {
  readinessSigma: 0,
  bindingness: CERTAIN_BINDINGNESS,
  tripwire: 0,
  blocCorrelation: 0,
} as const;

/**
 * A one-domain game: scenario `land` with a constant threat `threat` (tolerance 0, so the defence holds
 * iff power ≥ threat every day), and each partner i on call from day 0 with `power[i]`.
 */
export function powerGame(
  partners: readonly { id: string; reliability: number; power: number; bloc?: string }[],
  threat: number,
): Plan {
  return makePlan({
    actors: partners.map((p) => actor(p.id, p.reliability, p.bloc)),
    capabilities: [capability('unit', { land: 1 })],
    pledges: partners.map((p) => pledge(`${p.id}-unit`, p.id, 'unit', p.power, 'on-call')),
    scenarios: [flatScenario('land', 5, { land: threat }, { tolerance: { land: 0 } })],
    settings: PLAIN,
  });
}

/**
 * A plan with every rule attribution must respect: a tripwire (in-place pledges), a backstop, a pledge
 * that `requires` another actor, triggers, statuses, readiness spread, bindingness, correlated blocs,
 * two scenarios with different weights and three variants.
 */
export function mixedPlan(): Plan {
  return makePlan({
    actors: [
      actor('A', 0.7, 'EU'),
      actor('B', 0.8, 'EU'),
      actor('C', 0.6, 'US'),
      actor('D', 0.5),
      actor('E', 0.9, 'EU'),
    ],
    capabilities: [
      capability('tank', { land: 4 }),
      capability('jet', { air: 10, land: 1 }),
      capability('sam', { air: 6 }),
      capability('pkg', { air: 30, land: 8 }),
    ],
    pledges: [
      pledge('ukr-tank', PROTECTED, 'tank', 2, 'in-place'),
      pledge('a-tank', 'A', 'tank', 2, 'in-place', { bindingness: 'political' }),
      pledge('a-jet', 'A', 'jet', 1, 'on-call', { readinessDays: 3, bindingness: 'executive' }),
      pledge('b-sam', 'B', 'sam', 2, 'on-call', { readinessDays: 2, requires: ['C'] }),
      pledge('c-pkg', 'C', 'pkg', 1, 'backstop', { readinessDays: 2, bindingness: 'treaty-consultative' }),
      pledge('c-jet', 'C', 'jet', 1, 'on-call', { readinessDays: 5, triggers: ['air'] }),
      pledge('d-tank', 'D', 'tank', 1, 'on-call', { readinessDays: 4, status: 'announced' }),
      pledge('e-sam', 'E', 'sam', 1, 'in-place', { triggers: ['air'], bindingness: 'executive' }),
    ],
    scenarios: [
      flatScenario('land', 20, { land: 10, air: 8 }, { tags: ['land'], weight: 2 }),
      flatScenario('air', 15, { air: 16 }, { tags: ['air'] }),
    ],
    variants: [
      { id: 'all' },
      { id: 'committed', statuses: ['committed', 'delivered'] },
      { id: 'without-c', exclude: ['C'] },
    ],
    settings: { readinessSigma: 0.4, blocCorrelation: 0.5, tripwire: 0.5 },
  });
}

/**
 * The glove game as a plan: the defence needs land and air (tolerance 0); A brings all the land power
 * (bloc X), B and C each bring all the air power (bloc Y). v(S) = 1 iff A and B or C honour.
 */
export function landAirGame(rA: number, rB: number, rC: number): Plan {
  return makePlan({
    actors: [actor('A', rA, 'X'), actor('B', rB, 'Y'), actor('C', rC, 'Y')],
    capabilities: [capability('tank', { land: 1 }), capability('jet', { air: 1 })],
    pledges: [
      pledge('a-tank', 'A', 'tank', 10, 'on-call'),
      pledge('b-jet', 'B', 'jet', 10, 'on-call'),
      pledge('c-jet', 'C', 'jet', 10, 'on-call'),
    ],
    scenarios: [flatScenario('both', 5, { land: 10, air: 10 }, { tolerance: { land: 0, air: 0 } })],
    settings: PLAIN,
  });
}
