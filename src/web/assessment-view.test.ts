import { describe, expect, it } from 'vitest';
import type { Assessment, ScenarioResult, VariantResult } from '../core/engine/result-types';
import {
  headlineSentence,
  holdsText,
  overviewModel,
  standing,
  toneOf,
  variantScopeText,
  verdictSentence,
} from './assessment-view';

const scenario = (id: string, pHold: number, ci95: [number, number]): ScenarioResult => ({
  id,
  pHold,
  ci95,
  domains: [],
  title: `The ${id} scenario`,
  weight: 1,
  horizonDays: 30,
});

const variant = (id: string, scenarios: ScenarioResult[]): VariantResult => ({
  id,
  value: scenarios.reduce((a, s) => a + s.pHold, 0) / scenarios.length,
  scenarios,
  actors: ['UKR'],
});

/** Europe alone misses the target at sea; with the US backstop the sea is borderline, the land holds. */
const doc: Assessment = {
  model: 1,
  title: 'Test plan',
  settings: {
    trials: 4000,
    seed: 7,
    target: 0.8,
    yearsOfPeace: 2,
    readinessSigma: 0.35,
    blocCorrelation: 0.5,
    tripwire: 0.5,
    backstopTriggerDays: 3,
    fairness: 1,
    newPledgeBindingness: 'executive',
    bindingness: { 'treaty-automatic': 0.95, 'treaty-consultative': 0.8, executive: 0.65, political: 0.5 },
    bandsTrials: 4000,
  },
  variants: [
    variant('europe-only', [scenario('sea', 0.41, [0.38, 0.44]), scenario('land', 0.9, [0.88, 0.92])]),
    variant('europe-us', [scenario('sea', 0.83, [0.79, 0.86]), scenario('land', 0.95, [0.94, 0.96])]),
  ],
};

describe('the overview of an assessment', () => {
  it('reads each interval against the target as the verdict does', () => {
    expect(standing([0.38, 0.44], 0.8)).toBe('below');
    expect(standing([0.79, 0.86], 0.8)).toBe('within');
    expect(standing([0.8, 0.86], 0.8)).toBe('above');
    expect(['below', 'within', 'above'].map((s) => toneOf(s as 'below'))).toEqual(['bad', 'warn', 'good']);
  });

  it('gives each variant its value, verdict, weakest scenario and scenario rows', () => {
    const model = overviewModel(doc);
    expect(model.target).toBe(0.8);
    expect(model.variants.map((v) => [v.id, v.label, v.weakest?.id, v.reached])).toEqual([
      ['europe-only', 'NOT ENOUGH', 'sea', 1],
      ['europe-us', 'BORDERLINE', 'sea', 2],
    ]);
    expect(model.variants[0]?.scenarios.map((s) => [s.id, s.text, s.standing])).toEqual([
      ['sea', '41% (38–44%)', 'below'],
      ['land', '90% (88–92%)', 'above'],
    ]);
    expect(model.variants[1]?.value).toBeCloseTo(0.89, 12);
  });

  it('says the verdict in one sentence, naming the weakest scenario with its interval', () => {
    const [europe, withUs] = doc.variants as [VariantResult, VariantResult];
    expect(verdictSentence(europe, 0.8)).toBe(
      'NOT ENOUGH: 1 of 2 scenarios reach the 80% target; the weakest, sea, holds in 41% of trials (38–44%).',
    );
    expect(verdictSentence(withUs, 0.8)).toBe(
      'BORDERLINE: all 2 scenarios reach the 80% target, some within sampling noise of it (more trials ' +
        'will tell); the weakest, sea, holds in 83% of trials (79–86%).',
    );
    expect(overviewModel(doc).variants[0]?.detail).toBe(
      '1 of 2 scenarios reach the 80% target; the weakest, sea, holds in 41% of trials (38–44%).',
    );
  });

  it('speaks of a single scenario in the singular, and calls an all-above variant enough', () => {
    const one = variant('v', [scenario('sea', 0.95, [0.93, 0.97])]);
    expect(verdictSentence(one, 0.8)).toBe('ENOUGH: its one scenario reaches the 80% target.');
    const none = variant('v', [scenario('sea', 0.5, [0.45, 0.55])]);
    expect(verdictSentence(none, 0.8)).toBe('NOT ENOUGH: its one scenario does not reach the 80% target.');
  });

  it('compares the variants on the scenario that limits the best one', () => {
    expect(headlineSentence(doc.variants)).toBe(
      'With europe-only sea holds in 41% of trials (38–44%); with europe-us 83% (79–86%).',
    );
    expect(headlineSentence([])).toBeUndefined();
    expect(holdsText(0.415, [0.38, 0.44])).toBe('42% (38–44%)');
  });

  it('describes what a variant counts from its plan definition', () => {
    expect(variantScopeText({ id: 'a', exclude: ['USA'] })).toBe('without USA');
    expect(variantScopeText({ id: 'b', statuses: ['committed', 'delivered'] })).toBe(
      'committed, delivered pledges only',
    );
    expect(variantScopeText({ id: 'c', include: ['FRA', 'DEU'] })).toBe(
      'only FRA, DEU (and the protected state)',
    );
    expect(variantScopeText(undefined)).toBe('every actor, every pledge');
  });
});
