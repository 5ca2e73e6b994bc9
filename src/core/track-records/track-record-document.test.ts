import { describe, expect, it } from 'vitest';
import { importKiel } from './kiel.js';
import { SMALL_KIEL, SMALL_WORLD_BANK } from './testing/small-kiel.js';
import { kielSource, trackRecordDocument, worldBankMap } from './track-record-document.js';
import { readWorldBankGdp } from './worldbank.js';

describe('trackRecordDocument', () => {
  it('holds the records, the donors, the release and the GDP table of a clean import', () => {
    const gdp = readWorldBankGdp(SMALL_WORLD_BANK).gdp;
    const doc = trackRecordDocument(importKiel(SMALL_KIEL), gdp);
    expect(doc).toMatchObject({
      source: 'kiel',
      release: { release: 29, lastMonth: '2026-04', date: '2026-08-04' },
      records: { asOf: '2026-04', totals: { allocated: 5, committed: 12 } },
      names: { FRA: 'France', DEU: 'Germany' },
    });
    expect(Object.keys(doc?.worldbank ?? {})).toEqual(['DEU', 'FRA', 'NOR']);
    expect(doc === undefined ? undefined : worldBankMap(doc)?.get('NOR')?.gdpUsd).toBe(483600000000);
    expect(trackRecordDocument(importKiel(SMALL_KIEL))).not.toHaveProperty('worldbank');
  });

  it('makes no document of an import with errors', () => {
    const bad = {
      ...SMALL_KIEL,
      dataExplorer: SMALL_KIEL.dataExplorer.replace('"Germany","DEU"', '"Atlantis","ATL"'),
    };
    expect(trackRecordDocument(importKiel(bad))).toBeUndefined();
  });

  it('cites the release as a plan source', () => {
    const release = { release: 29, lastMonth: '2026-04', date: '2026-08-04', label: 'Release 29 (04/2026)' };
    expect(kielSource(release)).toEqual({
      title: 'Kiel Institute, Release 29 (04/2026)',
      url: expect.stringMatching(/^https:\/\/www\.ifw-kiel\.de\//),
      date: '2026-08-04',
    });
  });
});
