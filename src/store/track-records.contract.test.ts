/**
 * The TrackRecordStore contract on every database (PGlite, and PostgreSQL unless GUARANTOR_TEST_PG=0):
 * an import is kept with who made it, the latest wins, history stays, and the document reads back with
 * its keys in the order written (json, not jsonb).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackRecordDocument } from '../core/track-records/track-record-document.js';
import { storeHarnesses } from '../test-support/test-stores.js';
import type { Store } from './store.js';

function document(asOf: string, usaAllocated: number): TrackRecordDocument {
  const usa = {
    actor: 'USA',
    allocated: usaAllocated,
    military: 1,
    financial: 0.5,
    humanitarian: 0.25,
    committed: 10,
    pctGdp: 0.1,
  };
  return {
    source: 'kiel',
    release: { release: 29, lastMonth: '2026-04', date: '2026-08-04', label: 'Release 29 (04/2026)' },
    records: {
      release: 29,
      asOf,
      totals: { allocated: usaAllocated, military: 1, financial: 0.5, humanitarian: 0.25, committed: 10 },
      actors: [usa],
    },
    names: { USA: 'United States' },
    worldbank: { USA: { gdpUsd: 2.875e13, year: 2024, country: 'United States' } },
  };
}

describe.each(storeHarnesses())('TrackRecordStore on $name', (harness) => {
  let store: Store;
  beforeAll(async () => {
    store = await harness.setUp();
  });
  afterAll(() => harness.tearDown(store));

  it('has no track records before the first import', async () => {
    expect(await store.latestTrackRecords()).toBeUndefined();
    expect(await store.trackRecordImports()).toEqual([]);
  });

  it('keeps an import with who made it, and reads the document back key for key', async () => {
    const saved = await store.saveTrackRecords({ document: document('2026-04', 5), importedBy: 'ana' });
    expect(saved).toMatchObject({ source: 'kiel', release: 29, asOf: '2026-04', importedBy: 'ana' });
    expect(saved.importedAt).toBeInstanceOf(Date);
    const latest = await store.latestTrackRecords();
    expect(latest).toEqual(saved);
    expect(JSON.stringify(latest?.document)).toBe(JSON.stringify(document('2026-04', 5)));
  });

  it('answers the latest import, keeping the earlier ones', async () => {
    const second = await store.saveTrackRecords({ document: document('2025-12', 4), importedBy: 'bo' });
    const third = await store.saveTrackRecords({ document: document('2026-01', 4.5), importedBy: 'ana' });
    expect(third.id).toBeGreaterThan(second.id);
    const latest = await store.latestTrackRecords();
    expect(latest).toMatchObject({ id: third.id, asOf: '2026-01', importedBy: 'ana' });
    expect(latest?.document.records.actors[0]?.allocated).toBe(4.5);
    const history = await store.trackRecordImports();
    expect(history.map((h) => h.asOf)).toEqual(['2026-01', '2025-12', '2026-04']);
    expect(history[0]).not.toHaveProperty('document');
  });

  it('refuses a month that is not YYYY-MM and stores nothing', async () => {
    const before = await store.trackRecordImports();
    await expect(
      store.saveTrackRecords({ document: document('2026-13', 1), importedBy: 'ana' }),
    ).rejects.toThrow();
    expect(await store.trackRecordImports()).toEqual(before);
  });
});
