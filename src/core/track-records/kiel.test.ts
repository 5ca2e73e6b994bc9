import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importKiel } from './kiel.js';

/** The shared data folder next to the repository (never copied into it; see ../shared/data/README.md). */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const KIEL_DIR = join(REPO, '..', 'shared', 'data', 'kiel-release29');
const haveData = existsSync(join(KIEL_DIR, 'data_explorer.csv'));

const RELEASE = '"release","period","date","label"\n"29","04/2026","2026-08-04","Release 29 (04/2026)"\n';
const HEADER =
  '"country","iso","year","month","total","financial","humanitarian","military","commitments","to_be_allocated","gdp","pct_gdp"\n';
const rows = (...lines: string[]) => HEADER + lines.map((l) => `${l}\n`).join('');

describe.skipIf(!haveData)(
  'importKiel on release 29 (skipped: ../shared/data/kiel-release29 is absent)',
  () => {
    const read = (f: string) => readFileSync(join(KIEL_DIR, f), 'utf8');
    const result = haveData
      ? importKiel({ releaseInfo: read('release_info.csv'), dataExplorer: read('data_explorer.csv') })
      : undefined;

    it('reads without errors or warnings, up to April 2026', () => {
      expect(result?.issues).toEqual([]);
      expect(result?.records).toMatchObject({ release: 29, asOf: '2026-04' });
    });

    it("reproduces Kiel's published totals (EU institutions included)", () => {
      const t = result?.records?.totals;
      expect(t?.allocated.toFixed(1)).toBe('358.4');
      expect(t?.military.toFixed(1)).toBe('173.0');
      expect(t?.financial.toFixed(1)).toBe('159.7');
      expect(t?.humanitarian.toFixed(1)).toBe('25.7');
      expect(t?.committed.toFixed(1)).toBe('548.0');
    });

    it('reproduces the United States: €115.381bn allocated, €64.617bn military', () => {
      const usa = result?.records?.actors.find((a) => a.actor === 'USA');
      expect(usa?.allocated.toFixed(3)).toBe('115.381');
      expect(usa?.military.toFixed(3)).toBe('64.617');
      expect(result?.records?.actors[0]?.actor).toBe('USA');
    });

    it('gives the EU institutions the id EUI and no share of GDP', () => {
      const eu = result?.records?.actors.find((a) => a.actor === 'EUI');
      expect(eu?.allocated.toFixed(3)).toBe('84.425');
      expect(eu?.pctGdp).toBeNull();
    });

    it('counts only the months up to --as-of', () => {
      const early = importKiel(
        { releaseInfo: read('release_info.csv'), dataExplorer: read('data_explorer.csv') },
        { asOf: '2022-12' },
      );
      expect(early.records?.asOf).toBe('2022-12');
      expect(early.records?.totals.allocated).toBeLessThan(200);
      expect(early.records?.totals.allocated).toBeGreaterThan(0);
    });
  },
);

describe('importKiel on small files', () => {
  it('sums a donor over months and computes % of GDP', () => {
    const r = importKiel({
      releaseInfo: RELEASE,
      dataExplorer: rows(
        '"Denmark","DNK",2022,3,1,0.5,0.25,0.25,1.5,0.5,400,0',
        '"Denmark","DNK",2022,4,3,0,0,3,2,-1,400,0',
      ),
    });
    expect(r.issues).toEqual([]);
    expect(r.records?.actors).toEqual([
      {
        actor: 'DNK',
        allocated: 4,
        military: 3.25,
        financial: 0.5,
        humanitarian: 0.25,
        committed: 3.5,
        pctGdp: 1,
      },
    ]);
  });

  it('rejects an unknown country, naming the file, row and column', () => {
    const r = importKiel({
      releaseInfo: RELEASE,
      dataExplorer: rows('"Atlantis","ATL",2022,3,1,0,0,1,1,0,10,0'),
    });
    expect(r.records).toBeUndefined();
    expect(r.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'KIEL_UNKNOWN_COUNTRY',
        file: 'data_explorer.csv',
        line: 2,
        column: 'country',
      }),
    ]);
    expect(r.issues[0]?.message).toMatch(/unknown country "Atlantis"/);
  });

  it('rejects a negative amount but accepts a negative to_be_allocated', () => {
    const r = importKiel({
      releaseInfo: RELEASE,
      dataExplorer: rows(
        '"France","FRA",2022,3,1,0,0,1,0.5,-0.5,10,0',
        '"France","FRA",2022,4,-1,0,0,-1,-1,0,10,0',
      ),
    });
    expect(r.records).toBeUndefined();
    expect(r.issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'total'],
      [3, 'military'],
      [3, 'commitments'],
    ]);
  });

  it('rejects a non-numeric or empty value', () => {
    const r = importKiel({
      releaseInfo: RELEASE,
      dataExplorer: rows('"France","FRA",2022,3,1,0,0,n/a,1,0,,0'),
    });
    expect(r.records).toBeUndefined();
    expect(r.issues).toMatchObject([
      { code: 'TRACK_NOT_A_NUMBER', line: 2, column: 'military', message: '"n/a" is not a number' },
      { line: 2, column: 'gdp', message: '"" is not a number' },
    ]);
  });

  it('rejects a missing column', () => {
    const r = importKiel({
      releaseInfo: RELEASE,
      dataExplorer: '"country","year","month","total"\n"France",2022,3,1\n',
    });
    expect(r.records).toBeUndefined();
    expect(r.issues.map((i) => i.column)).toEqual([
      'financial',
      'humanitarian',
      'military',
      'commitments',
      'to_be_allocated',
      'gdp',
    ]);
    expect(r.issues[0]).toMatchObject({ code: 'TRACK_MISSING_COLUMN', file: 'data_explorer.csv', line: 1 });
  });

  it('warns about a different release but still imports it', () => {
    const r = importKiel({
      releaseInfo: RELEASE.replace('"29","04/2026"', '"30","07/2026"'),
      dataExplorer: rows('"France","FRA",2022,3,1,0,0,1,1,0,10,0'),
    });
    expect(r.records).toMatchObject({ release: 30, asOf: '2026-07' });
    expect(r.issues).toMatchObject([
      {
        severity: 'warning',
        file: 'release_info.csv',
        line: 2,
        column: 'release',
        message: expect.stringMatching(/^release 30, not 29/),
      },
    ]);
  });

  it('rejects a release file whose columns differ', () => {
    const r = importKiel({ releaseInfo: '"release","when"\n"30","x"\n', dataExplorer: rows() });
    expect(r.records).toBeUndefined();
    expect(r.issues).toMatchObject([
      { severity: 'error', file: 'release_info.csv', column: 'period' },
      { severity: 'error', file: 'release_info.csv', column: 'date' },
      { severity: 'error', file: 'release_info.csv', column: 'label' },
    ]);
  });

  it('warns when a total is not the sum of its parts', () => {
    const r = importKiel({
      releaseInfo: RELEASE,
      dataExplorer: rows('"France","FRA",2022,3,2,0,0,1,2,0,10,0'),
    });
    expect(r.records).toBeDefined();
    expect(r.issues).toMatchObject([{ severity: 'warning', line: 2, column: 'total' }]);
  });

  it('rejects a donor-month that appears twice instead of counting it twice', () => {
    const r = importKiel({
      releaseInfo: RELEASE,
      dataExplorer: rows('"France","FRA",2022,3,1,0,0,1,1,0,10,0', '"France","FRA",2022,3,1,0,0,1,1,0,10,0'),
    });
    expect(r.records).toBeUndefined();
    expect(r.issues).toMatchObject([
      { severity: 'error', line: 3, column: 'month', message: expect.stringMatching(/also on line 2/) },
    ]);
  });

  it("warns when Kiel's iso column disagrees with the name, but not for the EU institutions", () => {
    const r = importKiel({
      releaseInfo: RELEASE,
      dataExplorer: rows(
        '"France","DEU",2022,3,1,0,0,1,1,0,10,0',
        '"EU (Commission and Council)","EU",2022,3,1,1,0,0,1,0,0,0',
      ),
    });
    expect(r.issues).toMatchObject([{ severity: 'warning', line: 2, column: 'iso' }]);
    expect(r.records?.actors.map((a) => a.actor)).toEqual(['EUI', 'FRA']);
  });

  it('warns when --as-of is after the release', () => {
    const r = importKiel({ releaseInfo: RELEASE, dataExplorer: rows() }, { asOf: '2027-01' });
    expect(r.issues).toMatchObject([{ severity: 'warning', column: 'period' }]);
  });
});
