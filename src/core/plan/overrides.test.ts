import { describe, expect, it } from 'vitest';
import { applyOverrides, type OverrideIssue, resolveOverrides } from './overrides.js';
import type { PlanInput } from './schema.js';
import { MINIMAL_PLAN_OBJECT } from './test-fixtures.js';

// Fixture: actors UKR FRA DEU USA; capabilities sam-long fighter-sqn mech-brigade; pledges ukr-brigades
// ukr-sam-production fra-air-policing deu-sam usa-backstop; scenarios land-north air-campaign; spare
// DEU/sam-long FRA/fighter-sqn; variants europe-only europe-us committed-only fra-deu.

function applied(...sets: string[]): PlanInput {
  const result = applyOverrides(MINIMAL_PLAN_OBJECT, sets);
  if (!result.ok) throw new Error(`expected the overrides to apply: ${JSON.stringify(result.error)}`);
  return result.value as PlanInput;
}

function failures(data: unknown, ...sets: string[]): OverrideIssue[] {
  const result = applyOverrides(data, sets);
  if (result.ok) throw new Error('expected the overrides to fail');
  return result.error;
}

describe('applyOverrides', () => {
  it('addresses entities by id and their fields by name', () => {
    const plan = applied(
      'actors.USA.reliability=0.5',
      'pledges.deu-sam.status=committed',
      'scenarios.air-campaign.weight=2',
      'capabilities.mech-brigade.unitCost=6e8',
      'variants.fra-deu.include=[FRA]',
    );
    expect(plan.actors[3]).toEqual({ ...MINIMAL_PLAN_OBJECT.actors[3], reliability: 0.5 });
    expect(plan.pledges[3]?.status).toBe('committed');
    expect(plan.scenarios[1]?.weight).toBe(2);
    expect(plan.capabilities[2]?.unitCost).toBe(6e8);
    expect(plan.variants?.[3]).toEqual({ id: 'fra-deu', include: ['FRA'] });
  });

  it('addresses objects by key, records included', () => {
    const plan = applied(
      'settings.blocCorrelation=0.8',
      'settings.bindingness.political=0.4',
      'scenarios.land-north.requiredRatio.land=0.5',
      'capabilities.sam-long.effect.land=2',
    );
    expect(plan.settings?.blocCorrelation).toBe(0.8);
    expect(plan.settings?.bindingness).toEqual({
      ...MINIMAL_PLAN_OBJECT.settings?.bindingness,
      political: 0.4,
    });
    expect(plan.scenarios[0]?.requiredRatio).toEqual({ land: 0.5, air: 0.9 });
    expect(plan.capabilities[0]?.effect).toEqual({ air: 30, land: 2 });
  });

  it('addresses spare capacity by actor/capability', () => {
    expect(applied('spare.FRA/fighter-sqn.quantity=3').spare).toEqual([
      { actor: 'DEU', capability: 'sam-long', quantity: 4 },
      { actor: 'FRA', capability: 'fighter-sqn', quantity: 3 },
    ]);
  });

  it('addresses other lists by position, and appends at the position after the last', () => {
    const plan = applied(
      'scenarios.land-north.threat.land.1=[10, 25]',
      'scenarios.land-north.threat.land.2=[20, 30]',
      'pledges.fra-air-policing.triggers.0=land',
      'pledges.fra-air-policing.sources.0.title=Paris declaration',
    );
    expect(plan.scenarios[0]?.threat.land).toEqual([
      [0, 12],
      [10, 25],
      [20, 30],
    ]);
    expect(plan.pledges[2]?.triggers).toEqual(['land']);
    expect(plan.pledges[2]?.sources?.[0]?.title).toBe('Paris declaration');
  });

  it('replaces whole values: lists, objects, entities', () => {
    const plan = applied(
      'pledges.fra-air-policing.triggers=[sea,air]',
      'actors.DEU={ id: DEU, reliability: 0.9 }',
    );
    expect(plan.pledges[2]?.triggers).toEqual(['sea', 'air']);
    expect(plan.actors[2]).toEqual({ id: 'DEU', reliability: 0.9 });
  });

  it('creates a missing field of a known object, and the objects on the way to it', () => {
    const { settings: _, ...withoutSettings } = MINIMAL_PLAN_OBJECT;
    const result = applyOverrides(withoutSettings, [
      'settings.bindingness.political=0.4',
      'actors.DEU.reliability=0.6',
    ]);
    expect(result.ok && (result.value as PlanInput).settings).toEqual({ bindingness: { political: 0.4 } });
    expect(result.ok && (result.value as PlanInput).actors[2]?.reliability).toBe(0.6);
    // A misspelt field is created too: validation reports it, with its did-you-mean (see parsePlanWithOverrides).
    expect((applied('actors.DEU.reliabilty=0.6').actors[2] as Record<string, unknown>).reliabilty).toBe(0.6);
  });

  it('applies in order, a later override of the same path winning, and leaves the input unchanged', () => {
    const before = structuredClone(MINIMAL_PLAN_OBJECT);
    expect(applied('actors.USA.reliability=0.5', 'actors.USA.reliability=0.6').actors[3]?.reliability).toBe(
      0.6,
    );
    expect(MINIMAL_PLAN_OBJECT).toEqual(before);
  });

  it('tells where each override landed, as a plan path', () => {
    const result = resolveOverrides(MINIMAL_PLAN_OBJECT, [
      'actors.USA.reliability=0.5',
      'spare.FRA/fighter-sqn.quantity=3',
      'scenarios.land-north.threat.land.0=[0, 5]',
    ]);
    expect(result.ok && result.value.applied).toEqual([
      { text: 'actors.USA.reliability=0.5', path: ['actors', 3, 'reliability'] },
      { text: 'spare.FRA/fighter-sqn.quantity=3', path: ['spare', 1, 'quantity'] },
      { text: 'scenarios.land-north.threat.land.0=[0, 5]', path: ['scenarios', 0, 'threat', 'land', 0] },
    ]);
  });

  it('makes a key named like a JavaScript built-in a plain field, never a prototype', () => {
    const plan = applied('settings.__proto__={ polluted: 1 }') as unknown as Record<string, unknown>;
    const settings = plan.settings as Record<string, unknown>;
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(Object.hasOwn(settings, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('unknown ids', () => {
    it.each([
      ['actors.usa.reliability=0.5', 'actors', 'unknown actor "usa"; did you mean "USA"?'],
      ['pledges.deu-sma.status=committed', 'pledges', 'unknown pledge "deu-sma"; did you mean "deu-sam"?'],
      [
        'scenarios.land-nort.weight=2',
        'scenarios',
        'unknown scenario "land-nort"; did you mean "land-north"?',
      ],
      ['capabilities.tank.unitCost=1', 'capabilities', 'unknown capability "tank"'],
      ['variants.eu.exclude=[]', 'variants', 'unknown variant "eu"'],
      [
        'spare.DEU/sam-lng.quantity=1',
        'spare',
        'no spare capacity "DEU/sam-lng"; did you mean "DEU/sam-long"?',
      ],
      [
        'spare.DEU.quantity=1',
        'spare',
        'no spare capacity "DEU": address spare by actor/capability, e.g. spare.DEU/sam-long.quantity',
      ],
    ])('%s: SET_UNKNOWN_ID at %s', (set, path, message) => {
      expect(failures(MINIMAL_PLAN_OBJECT, set)).toEqual([
        { code: 'SET_UNKNOWN_ID', severity: 'error', path, message, override: set },
      ]);
    });

    it('says so when the plan has no such list', () => {
      const { variants: _, ...withoutVariants } = MINIMAL_PLAN_OBJECT;
      expect(failures(withoutVariants, 'variants.all.exclude=[USA]')[0]?.message).toBe(
        'unknown variant "all" (the plan has no variants)',
      );
    });
  });

  describe('bad paths', () => {
    it.each([
      [
        'actors.USA.reliability.low=0.5',
        'actors[3].reliability',
        'actors[3].reliability is a number, not an object or a list: there is no "low" inside it',
      ],
      [
        'pledges.fra-air-policing.triggers.air=1',
        'pledges[2].triggers',
        'pledges[2].triggers is a list: address its items by position (0 … 0, or 1 to append), not "air"',
      ],
      [
        'scenarios.land-north.threat.land.5=[30, 1]',
        'scenarios[0].threat.land',
        'scenarios[0].threat.land has 2 items: position 5 is out of range (0 … 1, or 2 to append)',
      ],
      ['title.x=1', 'title', 'title is a string, not an object or a list: there is no "x" inside it'],
    ])('%s: SET_BAD_PATH at %s', (set, path, message) => {
      expect(failures(MINIMAL_PLAN_OBJECT, set)).toEqual([
        { code: 'SET_BAD_PATH', severity: 'error', path, message, override: set },
      ]);
    });
  });

  it('reports every override that fails, each with its text, malformed ones included', () => {
    const issues = failures(
      MINIMAL_PLAN_OBJECT,
      'actors.US.reliability=1',
      'actors.FRA.gdp=1',
      'oops',
      'x=[',
    );
    expect(issues.map((i) => [i.code, i.override])).toEqual([
      ['SET_UNKNOWN_ID', 'actors.US.reliability=1'],
      ['SET_SYNTAX', 'oops'],
      ['SET_BAD_VALUE', 'x=['],
    ]);
  });
});
