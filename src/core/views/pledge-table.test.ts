import { describe, expect, it } from 'vitest';
import { planDomains, pledgeTable } from './pledge-table.js';
import { smallPlan } from './testing/load-small-plan.js';

describe('pledgeTable', () => {
  const plan = smallPlan();

  it('lists one row per pledge and domain with power, grouped by actor in plan order', () => {
    const { rows } = pledgeTable(plan);
    expect(rows.map((r) => `${r.actor}/${r.domain}/${r.pledge}`)).toEqual([
      'HOME/land/home-army',
      'HOME/air/home-sam',
      'BIG/land/big-jets',
      'BIG/land/big-backstop',
      'BIG/air/big-jets',
      'BIG/air/big-backstop',
      'FAR/land/far-tanks',
      'FAR/air/far-sam-fund',
    ]);
    const jetsAir = rows.find((r) => r.pledge === 'big-jets' && r.domain === 'air');
    expect(jetsAir).toMatchObject({
      units: 2,
      unitPower: 12,
      power: 24,
      posture: 'on-call',
      readinessDays: 2,
    });
    expect(jetsAir?.sources[0]).toMatchObject({ title: 'Big pledge', url: 'https://example.org/big' });
  });

  it('counts production pledges in funded units, capped by production capacity (MODEL.md §3)', () => {
    // min(5e9 · 2 / 1e9, 2 · 2) = 4 batteries
    const row = pledgeTable(plan).rows.find((r) => r.pledge === 'far-sam-fund');
    expect(row).toMatchObject({ units: 4, power: 32, fundingPerYear: 5e9 });
  });

  it('keeps the conditions: triggers, requires, bindingness and status', () => {
    const row = pledgeTable(plan).rows.find((r) => r.pledge === 'far-tanks');
    expect(row).toMatchObject({
      triggers: ['land'],
      requires: ['BIG'],
      bindingness: 'political',
      status: 'announced',
    });
    expect(pledgeTable(plan).rows.find((r) => r.pledge === 'home-army')?.bindingness).toBeUndefined();
  });

  it('filters by domain, actor and posture, combined', () => {
    const air = pledgeTable(plan, { domain: 'air' });
    expect(air.rows.every((r) => r.domain === 'air' && r.power > 0)).toBe(true);
    expect(air.rows.map((r) => r.pledge)).toEqual(['home-sam', 'big-jets', 'big-backstop', 'far-sam-fund']);
    expect(pledgeTable(plan, { actor: 'BIG', posture: 'on-call' }).rows.map((r) => r.domain)).toEqual([
      'land',
      'air',
    ]);
    expect(pledgeTable(plan, { actor: 'HOME', domain: 'air', posture: 'on-call' }).rows).toEqual([]);
  });

  it('totals nominal power per domain and posture, leaving withdrawn pledges out', () => {
    const withdrawn = smallPlan().pledges.map((p) =>
      p.id === 'big-jets' ? { ...p, status: 'withdrawn' as const } : p,
    );
    const { totals } = pledgeTable({ ...plan, pledges: withdrawn });
    const air = totals.find((t) => t.domain === 'air');
    expect(air).toEqual({
      domain: 'air',
      power: 16 + 40 + 32,
      pledges: 3,
      byPosture: { 'in-place': 16, backstop: 40, production: 32 },
    });
    expect(pledgeTable(plan).totals.map((t) => [t.domain, t.power])).toEqual([
      ['land', 12 + 2 + 10 + 4],
      ['air', 16 + 24 + 40 + 32],
    ]);
  });

  it('knows the plan domains, capability effects first', () => {
    expect(planDomains(plan)).toEqual(['land', 'air']);
  });
});
