import { describe, expect, it } from 'vitest';
import {
  cellPledges,
  FUNDING,
  filtersFromQuery,
  filtersToQuery,
  NO_FILTERS,
  planDomains,
  pledgeMatrix,
  power,
  quantity,
  readPlan,
  shade,
} from './pledge-matrix';

const plan = {
  protected: 'UKR',
  currency: 'USD',
  settings: { yearsOfPeace: 2 },
  actors: [
    { id: 'UKR', name: 'Ukraine' },
    { id: 'FRA', name: 'France', gdp: 3e12 },
    { id: 'DNK', name: 'Denmark', gdp: 4e11 },
    { id: 'ITA', name: 'Italy' },
  ],
  capabilities: [
    { id: 'fighter-sqn', unit: 'squadron', effect: { air: 12, land: 1, sea: 1 } },
    { id: 'brigade', unit: 'brigade', effect: { land: 4 } },
    { id: 'howitzer', effect: { land: 0.05 }, unitCost: 1e6, productionPerYear: 100 },
  ],
  pledges: [
    { id: 'ukr-army', actor: 'UKR', capability: 'brigade', quantity: 40, posture: 'in-place' },
    { id: 'fra-sqn', actor: 'FRA', capability: 'fighter-sqn', quantity: 1, posture: 'on-call' },
    {
      id: 'fra-brigade',
      actor: 'FRA',
      capability: 'brigade',
      quantity: 2,
      posture: 'in-place',
      status: 'announced',
      sources: [{ title: 'Paris', url: 'https://example.org' }],
    },
    {
      id: 'fra-old',
      actor: 'FRA',
      capability: 'brigade',
      quantity: 5,
      posture: 'in-place',
      status: 'withdrawn',
    },
    // 3e8 a year × 2 years / 1e6 = 600 howitzers, capped at 100 × 2 = 200 → 200 × 0.05 = 10 land points.
    { id: 'dnk-prod', actor: 'DNK', capability: 'howitzer', posture: 'production', fundingPerYear: 3e8 },
    {
      id: 'ita-old',
      actor: 'ITA',
      capability: 'fighter-sqn',
      quantity: 1,
      posture: 'on-call',
      status: 'withdrawn',
    },
  ],
  scenarios: [],
};

const view = readPlan(plan);
const cell = (m: ReturnType<typeof pledgeMatrix>, actor: string, column: string) =>
  m.rows.find((r) => r.actor.id === actor)?.cells.find((c) => c.column === column);

describe('the partner × domain matrix', () => {
  it('lists the plan domains land, sea, air first, then the funding column', () => {
    expect(planDomains(view)).toEqual(['land', 'sea', 'air']);
    expect(pledgeMatrix(view).columns).toEqual(['land', 'sea', 'air', FUNDING]);
  });

  it('sums quantity × effect over the partner pledges in each domain', () => {
    const m = pledgeMatrix(view);
    expect(cell(m, 'FRA', 'land')?.value).toBe(1 + 2 * 4);
    expect(cell(m, 'FRA', 'air')?.value).toBe(12);
    expect(cell(m, 'FRA', 'land')?.pledgeIds).toEqual(['fra-sqn', 'fra-brigade']);
  });

  it('turns production funding into units capped by the yearly capacity, and shows the money', () => {
    const m = pledgeMatrix(view);
    expect(cell(m, 'DNK', 'land')?.value).toBeCloseTo(10);
    expect(cell(m, 'DNK', FUNDING)?.value).toBe(3e8);
    expect(cell(m, 'FRA', FUNDING)?.value).toBe(0);
  });

  it('never counts withdrawn pledges, and drops partners with nothing left', () => {
    const m = pledgeMatrix(view, { ...NO_FILTERS, statuses: ['withdrawn' as never] });
    expect(m.rows.flatMap((r) => r.cells.flatMap((c) => c.pledgeIds))).not.toContain('fra-old');
    const all = pledgeMatrix(view);
    expect(all.rows.map((r) => r.actor.id)).not.toContain('ITA');
    expect(all.rows.flatMap((r) => r.cells.flatMap((c) => c.pledgeIds))).not.toContain('fra-old');
  });

  it('leaves the protected state out of the partners', () => {
    expect(pledgeMatrix(view).rows.map((r) => r.actor.id)).not.toContain('UKR');
  });

  it('colours by the share of the column maximum and sorts the biggest contributor first', () => {
    const m = pledgeMatrix(view);
    expect(cell(m, 'DNK', 'land')?.share).toBeCloseTo(1);
    expect(cell(m, 'FRA', 'land')?.share).toBeCloseTo(0.9);
    // France: 0.9 (land) + 1 (sea) + 1 (air); Denmark: 1 (land) + 1 (funding).
    expect(m.rows.map((r) => r.actor.id)).toEqual(['FRA', 'DNK']);
  });

  it('filters by domain, posture, status and partner', () => {
    const air = pledgeMatrix(view, { ...NO_FILTERS, domains: ['air'], postures: ['on-call'] });
    expect(air.columns).toEqual(['air']);
    expect(air.rows.map((r) => r.actor.id)).toEqual(['FRA']);
    const announced = pledgeMatrix(view, { ...NO_FILTERS, statuses: ['announced'] });
    expect(cell(announced, 'FRA', 'land')?.value).toBe(8);
    expect(announced.rows.map((r) => r.actor.id)).toEqual(['FRA']);
    const dnk = pledgeMatrix(view, { ...NO_FILTERS, actors: ['DNK'] });
    expect(dnk.rows.map((r) => r.actor.id)).toEqual(['DNK']);
  });

  it('lists the pledges behind a cell, largest first', () => {
    const c = cell(pledgeMatrix(view), 'FRA', 'land');
    expect(c && cellPledges(view, c).map((p) => p.id)).toEqual(['fra-brigade', 'fra-sqn']);
  });

  it('applies the plan format defaults: status committed, readiness 0', () => {
    const p = view.pledges.find((x) => x.id === 'fra-sqn');
    expect(p?.status).toBe('committed');
    expect(p?.readinessDays).toBe(0);
    expect(view.pledges.find((x) => x.id === 'fra-brigade')?.sources[0]?.url).toBe('https://example.org');
  });
});

describe('filters in the URL', () => {
  it('reads lists, ignores unknown postures and the withdrawn status', () => {
    const f = filtersFromQuery(
      new URLSearchParams('domain=air&posture=on-call,bogus&status=withdrawn,committed'),
    );
    expect(f.domains).toEqual(['air']);
    expect(f.postures).toEqual(['on-call']);
    expect(f.statuses).toEqual(['committed']);
    expect(f.actors).toEqual([]);
  });

  it('writes the filters back and keeps the plan parameter', () => {
    const q = filtersToQuery(
      { ...NO_FILTERS, statuses: ['committed', 'delivered'], actors: ['FRA'] },
      new URLSearchParams('plan=p1&domain=sea'),
    );
    expect(q.get('plan')).toBe('p1');
    expect(q.get('domain')).toBeNull();
    expect(q.get('status')).toBe('committed,delivered');
    expect(filtersFromQuery(q).actors).toEqual(['FRA']);
  });
});

describe('power, quantities and colour', () => {
  it('writes power points so that small contributions do not read as zero', () => {
    expect(power(68)).toBe('68');
    expect(power(1234.4)).toBe('1,234');
    expect(power(3.56)).toBe('3.6');
    expect(power(4)).toBe('4');
    expect(power(0.088)).toBe('0.088');
    expect(power(0.2)).toBe('0.2');
    expect(power(0)).toBe('0');
    expect(quantity(0.011, 'battery')).toBe('0.011 batteries');
    expect(quantity(1, 'battery')).toBe('1 battery');
    expect(quantity(2.5, undefined)).toBe('2.5');
  });

  it('shades nothing white and the largest deep blue', () => {
    expect(shade(0)).toBe('#ffffff');
    expect(shade(1)).toBe('#08519c');
    expect(shade(0.5)).not.toBe(shade(0.6));
  });
});
