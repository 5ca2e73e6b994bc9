import { describe, expect, it } from 'vitest';
import { actor, flatScenario, makePlan } from '../../engine/test-plans.js';
import { axisShifts, GRID_SHIFTS } from './grid.js';
import { resolveGridAxes } from './grid-axes.js';

const plan = makePlan({
  actors: [
    actor('USA', 0.7),
    actor('GBR', 0.8, 'UK'),
    actor('FRA', 0.9, 'EU'),
    actor('DEU', 0.1, 'EU'),
    actor('CAN', 0.75, 'NONEUR'),
  ],
  scenarios: [flatScenario('s', 5, { land: 1 })],
  variants: [{ id: 'all' }, { id: 'no-can', exclude: ['CAN'] }],
});
const partners = ['USA', 'GBR', 'FRA', 'DEU', 'CAN'];

describe('grid axes', () => {
  it('USA,europe: the US against every other partner of the variant', () => {
    const [x, y] = resolveGridAxes(plan, 'USA,europe', partners, 'all');
    expect(x).toEqual({ name: 'USA', actors: ['USA'] });
    expect(y).toEqual({ name: 'europe', actors: ['GBR', 'FRA', 'DEU', 'CAN'] });
    const [rest] = resolveGridAxes(plan, 'rest, USA', partners, 'all');
    expect(rest?.actors).toEqual(['GBR', 'FRA', 'DEU', 'CAN']);
  });

  it('blocs and unions of tokens; an actor id wins over a bloc of the same name', () => {
    const [x, y] = resolveGridAxes(plan, 'EU+UK,USA+CAN', partners, 'all');
    expect(x?.actors).toEqual(['GBR', 'FRA', 'DEU']);
    expect(y?.actors).toEqual(['USA', 'CAN']);
    // The bloc of USA defaults to "USA": the token means the actor.
    expect(resolveGridAxes(plan, 'USA,EU', partners, 'all')[0]?.actors).toEqual(['USA']);
  });

  it('refuse what cannot be an axis, naming what can', () => {
    const bad =
      (spec: string, variantPartners = partners) =>
      () =>
        resolveGridAxes(plan, spec, variantPartners, 'no-can');
    expect(bad('USA')).toThrow(/expected two axes separated by a comma/);
    expect(bad('USA,')).toThrow(/expected two axes/);
    expect(bad('UKR,europe')).toThrow(/"UKR" is the protected actor/);
    expect(bad('NOR,europe')).toThrow(/"NOR" is neither an actor nor a bloc.*blocs USA, UK, EU, NONEUR/);
    expect(bad('CAN,europe', ['USA', 'GBR'])).toThrow(/actor "CAN" is not counted by the variant "no-can"/);
    expect(bad('europe,rest')).toThrow(/only one axis/);
    expect(bad('USA+europe,GBR')).toThrow(/must be an axis on its own/);
    expect(bad('EU,FRA')).toThrow(/share FRA/);
    expect(bad('USA,europe', ['USA'])).toThrow(/"europe" is empty/);
  });

  it('slide a one-actor axis to stay inside [0, 1]; keep a group shift as it is', () => {
    const one = (id: string) => axisShifts(plan, { name: id, actors: [id] }, GRID_SHIFTS);
    expect(one('USA')).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    // FRA 0.9: 0.4 … 1.0; DEU 0.1: 0 … 0.6.
    expect(one('FRA').map((s) => Math.round((0.9 + s) * 1e9) / 1e9)).toEqual([
      0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
    expect(one('DEU').map((s) => Math.round((0.1 + s) * 1e9) / 1e9)).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6,
    ]);
    expect(axisShifts(plan, { name: 'EU', actors: ['FRA', 'DEU'] }, GRID_SHIFTS)).toEqual(GRID_SHIFTS);
  });
});
