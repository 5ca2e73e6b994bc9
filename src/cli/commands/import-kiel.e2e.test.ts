/**
 * End to end: `guarantor import kiel DIR` as a user runs it — spawns the compiled CLI against Kiel's
 * release 29 in ../shared/data (read in place, never copied) and against small broken files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, fitsWidth, guarantor, ROOT, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const KIEL = join(ROOT, '..', 'shared', 'data', 'kiel-release29');
const haveData = existsSync(join(KIEL, 'data_explorer.csv'));

const RELEASE = '"release","period","date","label"\n"29","04/2026","2026-08-04","Release 29 (04/2026)"\n';
const HEADER =
  '"country","iso","year","month","total","financial","humanitarian","military","commitments","to_be_allocated","gdp","pct_gdp"\n';

const bad = tempPlans('guarantor-kiel-bad-', {
  'release_info.csv': RELEASE,
  'data_explorer.csv': `${HEADER}"France","FRA",2022,3,1,0,0,1,1,0,10,0\n"Atlantis","ATL",2022,3,1,0,0,1,1,0,10,0\n"France","FRA",2022,4,1,0,0,-1,1,0,10,0\n`,
});
const other = tempPlans('guarantor-kiel-r30-', {
  'release_info.csv': RELEASE.replace('"29","04/2026"', '"30","07/2026"'),
  'data_explorer.csv': `${HEADER}"France","FRA",2022,3,1,0,0,1,1,0,10,0\n`,
});
const missing = tempPlans('guarantor-kiel-missing-', {
  'release_info.csv': RELEASE,
  'data_explorer.csv':
    '"country","year","month","total","financial","humanitarian","commitments","to_be_allocated","gdp"\n',
});
const examplePlan = readFileSync(join(ROOT, EXAMPLE), 'utf8').replace(', gdp: 2.875e13', '');
const plans = tempPlans('guarantor-kiel-plan-', { 'no-usa-gdp.yaml': examplePlan });

describe.concurrent('guarantor import kiel', { timeout: SLOW }, () => {
  it.skipIf(!haveData)("prints release 29's totals and the largest donors first, citing Kiel", async () => {
    const run = await guarantor(['import', 'kiel', KIEL]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^ +total +358\.400 +172\.993 +159\.684 +25\.722 +547\.984$/m);
    expect(run.stdout).toMatch(/^USA +United States +115\.381 +64\.617 /m);
    expect(run.stdout).toMatch(/Kiel Working Paper 2218/);
    expect(run.stdout.split('\n')[3]).toMatch(/^USA /);
    fitsWidth(run.stdout);
  });

  it.skipIf(!haveData)(
    "prints the track records document with --json (Kiel's published figures)",
    async () => {
      const run = await guarantor(['import', 'kiel', KIEL, '--json']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const doc = JSON.parse(run.stdout);
      expect(Object.keys(doc)).toEqual(['release', 'asOf', 'totals', 'actors']);
      expect(doc).toMatchObject({ release: 29, asOf: '2026-04' });
      expect(doc.totals.allocated.toFixed(1)).toBe('358.4');
      expect(doc.totals.committed.toFixed(1)).toBe('548.0');
      const usa = doc.actors.find((a: { actor: string }) => a.actor === 'USA');
      expect(Object.keys(usa)).toEqual([
        'actor',
        'allocated',
        'military',
        'financial',
        'humanitarian',
        'committed',
        'pctGdp',
      ]);
      expect(usa.allocated.toFixed(3)).toBe('115.381');
      expect(usa.military.toFixed(3)).toBe('64.617');
    },
  );

  it.skipIf(!haveData)('sums only up to --as-of', async () => {
    const run = await guarantor(['import', 'kiel', KIEL, '--json', '--as-of', '2022-12']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.asOf).toBe('2022-12');
    expect(doc.totals.allocated).toBeLessThan(358);
  });

  it.skipIf(!haveData)(
    'proposes reliabilities and a missing GDP for a plan, without writing it',
    async () => {
      const plan = plans('no-usa-gdp.yaml');
      const run = await guarantor(['import', 'kiel', KIEL, '--plan', plan, '--prior-floor', '0.5']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/PROPOSED for the plan \(not written into it/);
      expect(run.stdout).toMatch(/^USA +2 +115\.381 +118\.963 +0\.97 +0\.70 → 0\.94 +2\.875e\+13 \(2024\)$/m);
      expect(run.stdout).toMatch(/^GBR .* 0\.85 → 0\.80$/m);
      expect(run.stdout).toMatch(/reliability proposed = 0\.5 \+ \(0\.95 − 0\.5\)/);
      fitsWidth(run.stdout);
      expect(readFileSync(plan, 'utf8')).toBe(examplePlan);
      const json = JSON.parse((await guarantor(['import', 'kiel', KIEL, '--plan', plan, '--json'])).stdout);
      expect(json.proposals.find((p: { actor: string }) => p.actor === 'USA')).toMatchObject({
        pledges: 2,
        deliveredRatio: 0.9699,
        proposedReliability: 0.9304,
        currentReliability: 0.7,
        proposedGdp: { usd: 28750956130731.2, year: 2024 },
      });
    },
  );

  it('names file:row and column of an unknown country and a negative value, and exits 1', async () => {
    const run = await guarantor(['import', 'kiel', bad()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const file = join(bad(), 'data_explorer.csv');
    expect(run.stderr).toContain(`${file}:3 column country: error: unknown country "Atlantis"`);
    expect(run.stderr).toContain(`${file}:4 column military: error: -1 is negative`);
  });

  it('warns about a different release, naming it, and still imports', async () => {
    const run = await guarantor(['import', 'kiel', other(), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/release_info\.csv:2 column release: warning: release 30, not 29/);
    expect(JSON.parse(run.stdout)).toMatchObject({ release: 30, asOf: '2026-07' });
  });

  it('names a missing column and exits 1', async () => {
    const run = await guarantor(['import', 'kiel', missing()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /data_explorer\.csv:1 column military: error: the column "military" is missing/,
    );
  });

  it('exits 1 on a folder without the files, 2 on a bad --as-of or prior', async () => {
    expect(await guarantor(['import', 'kiel', missing('nowhere')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: cannot read .*release_info\.csv: no such file\n$/),
    });
    expect((await guarantor(['import', 'kiel', other(), '--as-of', '2026-13'])).code).toBe(2);
    expect((await guarantor(['import', 'kiel', other(), '--prior-floor', '1.5'])).code).toBe(2);
    expect(
      await guarantor(['import', 'kiel', other(), '--prior-floor', '0.9', '--prior-ceiling', '0.5']),
    ).toMatchObject({ code: 2 });
  });
});
