import { describe, expect, it } from 'vitest';
import type { TrackRecords } from '../../core/track-records/kiel.js';
import { smallPlan } from '../../core/views/testing/load-small-plan.js';
import type { Table } from '../report-document.js';
import { whoDoesWhatSection } from './who-does-what.js';

const records: TrackRecords = {
  release: 29,
  asOf: '2026-04',
  totals: { allocated: 60, military: 40, financial: 15, humanitarian: 5, committed: 100 },
  actors: [
    { actor: 'BIG', allocated: 60, military: 40, financial: 15, humanitarian: 5, committed: 100, pctGdp: 1 },
  ],
};

function tables(records?: TrackRecords): Table[] {
  return whoDoesWhatSection(smallPlan(), records).blocks.flatMap((b) =>
    b.kind === 'table' ? [b.table] : [],
  );
}

describe('who does what', () => {
  it('sums nominal power per partner and domain, with production funding per year', () => {
    const [matrix] = tables();
    expect(matrix?.head).toEqual(['partner', 'land power', 'air power', 'production funding', 'pledges']);
    expect(matrix?.rows).toEqual([
      ['HOME · Homeland', '12', '16', '–', '2'],
      ['BIG · Big Ally', '12', '64', '–', '2'],
      ['FAR · Far Partner', '4', '32', '€5 bn/yr', '2'],
    ]);
  });

  it("puts each partner's track record and proposed reliability next to the plan's", () => {
    const [matrix] = tables(records);
    // Delivered 60 of 100 committed: 0.3 + 0.65 × 0.6 = 69% (core/track-records/prior.ts).
    expect(matrix?.rows[1]?.slice(5)).toEqual(['60.0 (40.0)', '100.0', '69% (delivered 60%)', '90%']);
    expect(matrix?.rows[2]?.slice(5)).toEqual(['no record', '–', '–', '60%']);
    expect(matrix?.rows[0]?.slice(5)).toEqual(['(the protected state)', '–', '–', '–']);
  });

  it('lists every pledge once with its status and conditions', () => {
    const pledges = tables()[1];
    expect(pledges?.rows.map((r) => r[0])).toEqual([
      'home-army',
      'home-sam',
      'big-jets',
      'big-backstop',
      'far-tanks',
      'far-sam-fund',
    ]);
    const farTanks = pledges?.rows.find((r) => r[0] === 'far-tanks');
    expect(farTanks?.slice(6, 8)).toEqual(['announced', 'only with BIG; if land']);
  });
});
