import { describe, expect, it } from 'vitest';
import type { VariantResult } from '../core/engine/result-types';
import { actorNames, capabilityInfo, gapRows } from './attribution-view';
import { units } from './format';

describe('gap table', () => {
  const variant: VariantResult = {
    id: 'all',
    value: 0.5,
    actors: ['UKR', 'USA'],
    scenarios: [
      {
        id: 'north',
        title: 'From the north',
        pHold: 0.6,
        ci95: [0.55, 0.65],
        weight: 1,
        horizonDays: 30,
        domains: [
          {
            domain: 'land',
            pHold: 0.6,
            meanShortfall: 0.1,
            gap: { power: 8, units: { 'mech-brigade': 2, drones: 26.7, none: 0 } },
            bands: { p10: [], p50: [], p90: [] },
            requirement: [],
            threatened: true,
          },
          {
            domain: 'air',
            pHold: 0.95,
            meanShortfall: 0,
            gap: { power: 0, units: { 'mech-brigade': 0 } },
            bands: { p10: [], p50: [], p90: [] },
            requirement: [],
            threatened: true,
          },
          {
            domain: 'sea',
            pHold: 1,
            meanShortfall: 0,
            gap: { power: 0, units: {} },
            bands: { p10: [], p50: [], p90: [] },
            requirement: [],
            threatened: false,
          },
        ],
      },
    ],
  };
  const capabilities = capabilityInfo({
    capabilities: [
      { id: 'mech-brigade', name: 'Mechanised brigade', unit: 'brigade' },
      { id: 'drones', name: 'Drones', unit: 'lot of 1,000 drones' },
    ],
  });

  it('has a row per threatened domain, in plan order', () => {
    expect(gapRows(variant, capabilities).map((r) => `${r.scenario}/${r.domain}`)).toEqual([
      'north/land',
      'north/air',
    ]);
  });

  it('lists the gap in units of each capability, fewest units first, in the capability’s unit', () => {
    const [land] = gapRows(variant, capabilities);
    expect(land?.units.map((u) => u.text)).toEqual(['2 brigades', '27 lots of 1,000 drones']);
  });

  it('has no units for a closed gap', () => {
    expect(gapRows(variant, capabilities)[1]?.units).toEqual([]);
  });
});

describe('small formatters', () => {
  it('pluralises the head of a unit with "of" (format.ts units)', () => {
    expect(units(1, 'lot of 1,000 drones')).toBe('1 lot of 1,000 drones');
    expect(units(2.5, 'fire unit')).toBe('2.5 fire units');
  });

  it('reads actor names from the plan', () => {
    expect(actorNames({ actors: [{ id: 'USA', name: 'United States' }, { id: 'X' }] })).toEqual(
      new Map([
        ['USA', 'United States'],
        ['X', 'X'],
      ]),
    );
  });
});
