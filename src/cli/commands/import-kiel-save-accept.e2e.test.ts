/**
 * End to end: `guarantor import kiel DIR --save` (the import kept in a PGlite folder; an import with
 * errors keeps nothing) and `--plan PLAN --accept … --out NEW` (a copy of the plan with the accepted
 * reliabilities and GDP, its comments and layout kept; every refusal writes nothing). Spawns the
 * compiled CLI; the real Kiel files are read in place from ../shared/data where present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  SMALL_KIEL_DATA_EXPLORER,
  SMALL_KIEL_RELEASE_INFO,
  SMALL_TRACK_PLAN,
  SMALL_WORLD_BANK,
} from '../../core/track-records/testing/small-kiel.js';
import { openStore } from '../../store/open-store.js';
import { EXAMPLE, guarantor, ROOT, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const KIEL = join(ROOT, '..', 'shared', 'data', 'kiel-release29');
const haveData = existsSync(join(KIEL, 'data_explorer.csv'));

const example = readFileSync(join(ROOT, EXAMPLE), 'utf8');
const commented = `${SMALL_TRACK_PLAN.replace('actors:\n', '# who is in\nactors:\n')}# the end\n`;
const at = tempPlans('guarantor-kiel-accept-', {
  'release_info.csv': SMALL_KIEL_RELEASE_INFO,
  'data_explorer.csv': SMALL_KIEL_DATA_EXPLORER,
  'wb.csv': SMALL_WORLD_BANK,
  'plan.yaml': commented,
  'plan.json': JSON.stringify(parse(SMALL_TRACK_PLAN), null, 2),
  'example.yaml': example,
  'keep.yaml': 'untouched\n',
});
/** An unknown country on line 4: an import with an error. */
const bad = tempPlans('guarantor-kiel-accept-bad-', {
  'release_info.csv': SMALL_KIEL_RELEASE_INFO,
  'data_explorer.csv': SMALL_KIEL_DATA_EXPLORER.replace('"Germany","DEU"', '"Atlantis","ATL"'),
});
const small = () => at();
const wb = () => at('wb.csv');

async function latestIn(folder: string) {
  const store = await openStore(folder);
  try {
    return { latest: await store.latestTrackRecords(), imports: await store.trackRecordImports() };
  } finally {
    await store.close();
  }
}

describe.concurrent('guarantor import kiel --save', { timeout: SLOW }, () => {
  it('keeps each import in the database, with who made it and the World Bank table', async () => {
    const db = at('db-save');
    const first = await guarantor([
      'import',
      'kiel',
      small(),
      '--worldbank',
      wb(),
      '--save',
      '--db',
      db,
      '--who',
      'ana',
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^FRA +France +3\.000 /m);
    expect(first.stderr).toMatch(
      /^saved the track records \(release 29 to 2026-04, 2 donors, World Bank GDP\) as import 1 in /m,
    );
    const second = await guarantor([
      'import',
      'kiel',
      small(),
      '--as-of',
      '2026-03',
      '--save',
      '--db',
      db,
      '--who',
      'bo',
    ]);
    expect(second.code).toBe(0);
    const { latest, imports } = await latestIn(db);
    expect(latest).toMatchObject({ source: 'kiel', release: 29, asOf: '2026-03', importedBy: 'bo' });
    expect(latest?.document.records.totals.allocated).toBe(2);
    expect(imports.map((i) => [i.asOf, i.importedBy])).toEqual([
      ['2026-03', 'bo'],
      ['2026-04', 'ana'],
    ]);
  });

  it('stores nothing when the import has errors', async () => {
    const db = at('db-bad');
    const broken = await guarantor(['import', 'kiel', bad(), '--save', '--db', db]);
    expect(broken.code).toBe(1);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses --db or --who without --save (usage, exit 2)', async () => {
    for (const extra of [
      ['--db', at('db-x')],
      ['--who', 'ana'],
    ]) {
      const run = await guarantor(['import', 'kiel', small(), ...extra]);
      expect(run).toMatchObject({ code: 2, stderr: expect.stringMatching(/--db and --who are for --save/) });
    }
  });
});

describe.concurrent('guarantor import kiel --accept', { timeout: SLOW }, () => {
  const accept = (plan: string, ...more: string[]) =>
    guarantor(['import', 'kiel', small(), '--worldbank', wb(), '--plan', at(plan), ...more]);

  it('writes a copy with the accepted reliability, keeping comments, with a note naming the source', async () => {
    const out = at('accepted.yaml');
    const run = await accept('plan.yaml', '--accept', 'FRA', '--out', out);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `Accepted from Kiel Ukraine Support Tracker release 29 to 2026-04 into ${out}:\nFRA   reliability 0.80 → 0.79 (allocated ÷ committed 0.75)\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe(
      commented.replace(
        '  - { id: FRA, name: France, reliability: 0.8,',
        '  # reliability 0.79 from Kiel Ukraine Support Tracker release 29 to 2026-04: allocated ÷ committed 0.75; was 0.80\n  - { id: FRA, name: France, reliability: 0.79,',
      ),
    );
    expect(readFileSync(at('plan.yaml'), 'utf8')).toBe(commented);
  });

  it('sets the missing GDP with --accept-gdp, and accepts every actor with a record for all', async () => {
    const out = at('all.yaml');
    const run = await accept('plan.yaml', '--accept', 'all', '--accept-gdp', '--out', out);
    expect(run.code).toBe(0);
    const plan = parse(readFileSync(out, 'utf8')) as { actors: Record<string, unknown>[] };
    expect(plan.actors.find((a) => a.id === 'DEU')).toMatchObject({ reliability: 0.46, gdp: 4686000000000 });
    expect(plan.actors.find((a) => a.id === 'FRA')).toMatchObject({ reliability: 0.79, gdp: 3.0e12 });
    expect(plan.actors.find((a) => a.id === 'NOR')).not.toHaveProperty('reliability');
    expect(run.stdout).toMatch(
      /^DEU +reliability 0\.90 → 0\.46 \(allocated ÷ committed 0\.25\); gdp 4\.686e\+12 \(World Bank 2024\)$/m,
    );
  });

  it('keeps a JSON plan JSON', async () => {
    const out = at('accepted.json');
    expect((await accept('plan.json', '--accept', 'DEU', '--out', out, '--json')).code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { actors: Record<string, unknown>[] };
    expect(plan.actors.find((a) => a.id === 'DEU')).toMatchObject({ reliability: 0.46 });
  });

  it('refuses an unknown actor and one without a record, naming them, writing nothing', async () => {
    const out = at('keep.yaml');
    const unknown = await accept('plan.yaml', '--accept', 'FRA,XYZ', '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^error: --accept: "XYZ" is not an actor of the plan \(actors: UKR, FRA, DEU, NOR\)$/m,
    );
    const norecord = await accept('plan.yaml', '--accept', 'NOR', '--out', out);
    expect(norecord.code).toBe(1);
    expect(norecord.stderr).toMatch(/^error: --accept: NOR has no track record in the import/m);
    expect(readFileSync(out, 'utf8')).toBe('untouched\n');
  });

  it('refuses --accept without --out or --plan, and --accept-gdp or --out without --accept (exit 2)', async () => {
    expect(await accept('plan.yaml', '--accept', 'FRA')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--accept needs --out NEW\.yaml/),
    });
    expect(
      (await guarantor(['import', 'kiel', small(), '--accept', 'FRA', '--out', at('x.yaml')])).code,
    ).toBe(2);
    expect((await accept('plan.yaml', '--accept-gdp')).code).toBe(2);
    expect((await accept('plan.yaml', '--out', at('x.yaml'))).code).toBe(2);
    expect((await accept('plan.yaml', '--accept', 'FR A', '--out', at('x.yaml'))).code).toBe(2);
    expect(existsSync(at('x.yaml'))).toBe(false);
  });

  it('leaves nothing behind when --out cannot be written', async () => {
    const run = await accept('plan.yaml', '--accept', 'FRA', '--out', at('no-such-dir', 'out.yaml'));
    expect(run).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: cannot write .*no such directory/m),
    });
    expect(readdirSync(at()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!haveData)("accepts USA's proposal from Kiel's release 29 into the example plan", async () => {
    const out = at('example-accepted.yaml');
    const run = await guarantor([
      'import',
      'kiel',
      KIEL,
      '--plan',
      at('example.yaml'),
      '--accept',
      'USA,DEU',
      '--out',
      out,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^USA +reliability 0\.70 → 0\.93 \(allocated ÷ committed 0\.97\)$/m);
    const written = readFileSync(out, 'utf8');
    const changed = written.split('\n').filter((line) => !example.split('\n').includes(line));
    expect(changed).toEqual([
      '  # reliability 0.93 from Kiel Ukraine Support Tracker release 29 to 2026-04: allocated ÷ committed 0.97; was 0.70',
      expect.stringMatching(
        /^ {2}- \{ id: USA, .* reliability: 0\.93, gdp: 2\.875e13 \} # assumption: Kiel 0\.97/,
      ),
      '  # reliability 0.71 from Kiel Ukraine Support Tracker release 29 to 2026-04: allocated ÷ committed 0.63; was 0.80',
      expect.stringMatching(/^ {2}- \{ id: DEU, .* reliability: 0\.71, gdp: 4\.686e12 \}/),
    ]);
  });
});
