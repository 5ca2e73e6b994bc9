import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-50m.json';
import examplePlan from '../../examples/ukraine-2025/plan.yaml?raw';
import {
  angleBetween,
  arrowStart,
  atlasId,
  contributions,
  GDP_UNIT,
  ISO3_TO_NUMERIC,
  PLACES,
  threatAxes,
  threatSide,
} from './geo';
import { readPlan } from './pledge-matrix';

const atlasNames = new Map(
  atlas.objects.countries.geometries.map((g) => [
    String(g.id),
    (g.properties as { name?: string } | undefined)?.name ?? '',
  ]),
);

describe('plan actor ids to world-atlas ids', () => {
  it('maps ISO alpha-3 codes to the numeric ids of the right countries', () => {
    expect(atlasNames.get(String(atlasId('UKR')))).toBe('Ukraine');
    expect(atlasNames.get(String(atlasId('FRA')))).toBe('France');
    expect(atlasNames.get(String(atlasId('DEU')))).toBe('Germany');
    expect(atlasNames.get(String(atlasId('GBR')))).toBe('United Kingdom');
    expect(atlasNames.get(String(atlasId('AUT')))).toBe('Austria');
    expect(atlasNames.get(String(atlasId('TUR')))).toBe('Turkey');
    expect(atlasNames.get(String(atlasId('usa')))).toBe('United States of America');
  });

  it('has a country in world-atlas for every entry of the table', () => {
    const missing = Object.entries(ISO3_TO_NUMERIC).filter(([, n]) => !atlasNames.has(n));
    expect(missing).toEqual([]);
  });

  it('covers every actor of the example plan', () => {
    const ids = [...examplePlan.matchAll(/- \{ id: ([A-Z]{3}),/g)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => atlasId(id) === undefined)).toEqual([]);
  });

  it('gives nothing for an id that is not a country code in the table', () => {
    expect(atlasId('EU')).toBeUndefined();
    expect(atlasId('XKX')).toBeUndefined();
  });
});

const view = readPlan({
  protected: 'UKR',
  actors: [
    { id: 'UKR' },
    { id: 'FRA', name: 'France', gdp: 3e12 },
    { id: 'EST', name: 'Estonia', gdp: 4e10 },
    { id: 'ITA', name: 'Italy' },
  ],
  capabilities: [
    { id: 'sqn', effect: { air: 12, land: 1 } },
    { id: 'bn', effect: { land: 0.8 } },
  ],
  pledges: [
    { id: 'ukr', actor: 'UKR', capability: 'bn', quantity: 100, posture: 'in-place' },
    { id: 'fra', actor: 'FRA', capability: 'sqn', quantity: 1, posture: 'on-call' },
    { id: 'est', actor: 'EST', capability: 'bn', quantity: 0.25, posture: 'in-place' },
    { id: 'ita', actor: 'ITA', capability: 'sqn', quantity: 1, posture: 'on-call', status: 'withdrawn' },
  ],
  scenarios: [],
});

describe('contributions on the map', () => {
  it('sums the power of every domain, or of one', () => {
    const all = contributions(view, ['land', 'air'], { kind: 'all' });
    expect(all.find((c) => c.actor === 'FRA')?.value).toBe(13);
    const air = contributions(view, ['land', 'air'], { kind: 'domain', domain: 'air' });
    expect(air.find((c) => c.actor === 'EST')?.value).toBe(0);
  });

  it('divides by GDP in 100 bn, and gives nothing per GDP without one', () => {
    const land = contributions(view, ['land', 'air'], { kind: 'domain', domain: 'land' });
    expect(land.find((c) => c.actor === 'EST')?.perGdp).toBeCloseTo(0.2 / (4e10 / GDP_UNIT));
    expect(land.find((c) => c.actor === 'ITA')?.perGdp).toBeUndefined();
  });

  it('leaves out the protected state and counts no withdrawn pledge', () => {
    const all = contributions(view, ['land', 'air'], { kind: 'all' });
    expect(all.map((c) => c.actor)).toEqual(['FRA', 'EST', 'ITA']);
    expect(all.find((c) => c.actor === 'ITA')?.value).toBe(0);
  });
});

describe('schematic threat axes', () => {
  const ukraine: [number, number] = [31, 49];
  const scenarios = [
    { id: 'land-north', title: 'Armoured thrust from Belarus towards Kyiv', tags: ['land', 'north'] },
    { id: 'sea-odesa', tags: ['sea', 'coast'] },
    { id: 'east-offensive', title: 'Renewed offensive in the east (Donetsk)', tags: ['land', 'east'] },
    { id: 'air-campaign', title: 'Air campaign against cities', tags: ['air'] },
  ];

  it('takes the direction from the scenario id and tags, and the target from a place it names', () => {
    const [north, sea, east, air] = threatAxes(scenarios, ukraine, 45);
    expect(north?.bearing).toBe(0);
    expect(north?.target).toEqual(PLACES.kyiv);
    expect(sea?.bearing).toBeGreaterThan(90);
    expect(sea?.bearing).toBeLessThan(270);
    expect(sea?.target).toEqual(PLACES.odesa);
    expect(east?.bearing).toBe(90);
    expect(east?.target).toEqual(PLACES.donetsk);
    expect(air?.bearing).toBe(45);
    expect(air?.target).toEqual(ukraine);
  });

  it('turns a default-side axis away from another axis it would lie on', () => {
    const [, , east, air] = threatAxes(scenarios, ukraine, 95);
    expect(east?.bearing).toBe(90);
    expect(air?.bearing).toBe(120);
    expect(angleBetween(350, 10)).toBe(20);
  });

  it('puts the default threat side opposite the partners', () => {
    const west: [number, number][] = [
      [2, 47],
      [10, 51],
      [-3, 54],
    ];
    const side = threatSide(ukraine, west);
    expect(side).toBeGreaterThan(45);
    expect(side).toBeLessThan(135);
    expect(threatSide(ukraine, [])).toBe(90);
  });

  it('starts an arrow up the screen for a threat from the north, right for the east', () => {
    const [x0, y0] = arrowStart([100, 100], 0, 50);
    expect(x0).toBeCloseTo(100);
    expect(y0).toBeCloseTo(50);
    const [x1, y1] = arrowStart([100, 100], 90, 50);
    expect(x1).toBeCloseTo(150);
    expect(y1).toBeCloseTo(100);
  });
});
