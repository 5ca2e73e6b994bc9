import { describe, expect, it } from 'vitest';
import { actor, capability, flatScenario, makePlan, pledge } from '../../engine/test-plans.js';
import {
  settingValue,
  threatDomains,
  withReliability,
  withReliabilityShift,
  withSetting,
  withThreatScale,
} from './plan-edits.js';

const plan = makePlan({
  actors: [actor('USA', 0.7), actor('FRA', 0.9, 'EU'), actor('DEU', 0.2, 'EU')],
  capabilities: [capability('c', { land: 1, air: 1 })],
  pledges: [pledge('p', 'USA', 'c', 1, 'on-call')],
  scenarios: [
    {
      id: 'a',
      horizonDays: 10,
      threat: {
        land: [
          [0, 10],
          [5, 20],
        ],
        air: [[0, 4]],
      },
    },
    flatScenario('b', 10, { sea: 3, land: 7 }),
  ],
});

describe('plan edits', () => {
  it('set one reliability and leave the input untouched', () => {
    const edited = withReliability(plan, 'USA', 0.4);
    expect(edited.actors.map((a) => a.reliability)).toEqual([1, 0.4, 0.9, 0.2]);
    expect(plan.actors.map((a) => a.reliability)).toEqual([1, 0.7, 0.9, 0.2]);
    expect(edited.pledges).toBe(plan.pledges);
  });

  it('shift several reliabilities together, each clamped to [0, 1]', () => {
    expect(withReliabilityShift(plan, ['FRA', 'DEU'], 0.3).actors.map((a) => a.reliability)).toEqual([
      1, 0.7, 1, 0.5,
    ]);
    expect(withReliabilityShift(plan, ['FRA', 'DEU'], -0.3).actors.map((a) => a.reliability)).toEqual([
      1, 0.7, 0.6000000000000001, 0,
    ]);
  });

  it('refuse the protected actor, unknown actors and values out of range', () => {
    expect(() => withReliability(plan, 'UKR', 0.5)).toThrow(/protected actor "UKR"/);
    expect(() => withReliability(plan, 'GBR', 0.5)).toThrow(/unknown actor "GBR"/);
    expect(() => withReliability(plan, 'USA', 1.2)).toThrow(/reliability of USA must be a probability/);
    expect(() => withSetting(plan, 'tripwire', -0.1)).toThrow(/settings\.tripwire must be a probability/);
    expect(() => withSetting(plan, 'backstopTriggerDays', 2.5)).toThrow(/whole number of days/);
    expect(() => withThreatScale(plan, 'space', 2)).toThrow(/no scenario threatens the domain "space"/);
  });

  it('replace one setting, bindingness factors one at a time', () => {
    const edited = withSetting(withSetting(plan, 'bindingness.political', 0.35), 'readinessSigma', 0.7);
    expect(edited.settings.bindingness).toEqual({ ...plan.settings.bindingness, political: 0.35 });
    expect(edited.settings.readinessSigma).toBe(0.7);
    expect(settingValue(edited, 'bindingness.political')).toBe(0.35);
    expect(settingValue(edited, 'tripwire')).toBe(plan.settings.tripwire);
    expect(plan.settings.bindingness.political).toBe(0.5);
  });

  it('scale every threat point of one domain, in every scenario', () => {
    const edited = withThreatScale(plan, 'land', 1.5);
    expect(edited.scenarios[0]?.threat).toEqual({
      land: [
        [0, 15],
        [5, 30],
      ],
      air: [[0, 4]],
    });
    expect(edited.scenarios[1]?.threat).toEqual({ sea: [[0, 3]], land: [[0, 10.5]] });
    expect(plan.scenarios[0]?.threat.land).toEqual([
      [0, 10],
      [5, 20],
    ]);
  });

  it('list the threat domains in order of first appearance', () => {
    expect(threatDomains(plan)).toEqual(['land', 'air', 'sea']);
  });
});
