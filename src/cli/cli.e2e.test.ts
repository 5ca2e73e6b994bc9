/**
 * End to end: spawns `node bin/guarantor.js …` against the compiled dist/ (`npm test` builds first) and
 * checks exit codes, stdout and stderr as a user or a script would see them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { EXAMPLE, guarantor, ROOT, SLOW, tempPlans } from '../test-support/cli-harness.js';

const tmp = tempPlans('guarantor-cli-', {
  'small.yaml': SMALL_PLAN_YAML,
  'bad.yaml': SMALL_PLAN_YAML.replace(
    'capability: tank-bde, quantity: 3',
    'capability: tank-bd, quantity: 3',
  ).replace('reliability: 0.6,', 'reliability: 1.6,'),
  'warned.yaml': SMALL_PLAN_YAML.replace(
    '{ id: HOME, name: Homeland }',
    '{ id: HOME, name: Homeland, reliability: 0.5 }',
  ),
});
const small = tmp('small.yaml');
const bad = tmp('bad.yaml');
const warned = tmp('warned.yaml');

describe.concurrent('guarantor', { timeout: SLOW }, () => {
  it('lists its commands with --help and prints its version', async () => {
    const help = await guarantor(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'schema', 'assess', 'pledges', 'timeline']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} .+`, 'm'));
    }
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await guarantor(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('exits 2 on usage errors: unknown command or option, missing argument', async () => {
    for (const args of [['frobnicate'], ['assess', small, '--bogus'], ['validate'], []]) {
      const run = await guarantor(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
    }
  });
});

describe.concurrent('guarantor validate', { timeout: SLOW }, () => {
  it('summarises a valid plan in one line', async () => {
    expect(await guarantor(['validate', EXAMPLE])).toEqual({
      code: 0,
      stdout: `${EXAMPLE}: valid — 27 actors, 14 capabilities, 63 pledges, 4 scenarios, 3 variants\n`,
      stderr: '',
    });
  });

  it('prints warnings as file:line:col path: warning: …', async () => {
    const run = await guarantor(['validate', warned]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${warned}: valid — 3 actors, 4 capabilities, 6 pledges, 2 scenarios, 2 variants (1 warning)\n`,
    );
    expect(run.stderr).toMatch(new RegExp(`^${warned}:6:\\d+ actors\\[0\\]\\.reliability: warning: .+\\n$`));
  });

  it('exits 1 with every error as file:line:col path: message on stderr', async () => {
    const run = await guarantor(['validate', bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${bad}:\\d+:\\d+ \\S+: .+$`));
    expect(run.stderr).toContain('actors[2].reliability');
  });

  it('exits 1 with a clear message for a missing file, and reads stdin for -', async () => {
    expect(await guarantor(['validate', 'no-such-plan.yaml'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: cannot read no-such-plan.yaml: no such file\n',
    });
    const piped = await guarantor(['validate', '-'], { stdin: SMALL_PLAN_YAML });
    expect(piped).toMatchObject({ code: 0, stdout: expect.stringMatching(/^<stdin>: valid — 3 actors/) });
  });
});

describe.concurrent('guarantor schema', { timeout: SLOW }, () => {
  it('prints the JSON Schema of the plan format', async () => {
    const run = await guarantor(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.title).toBe('Guarantor plan, format 1');
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['guarantor', 'actors', 'capabilities', 'pledges', 'scenarios', 'variants']),
    );
  });
});

describe.concurrent('guarantor assess', { timeout: SLOW }, () => {
  it('prints exactly the MODEL.md §7 document with --json', async () => {
    const run = await guarantor(['assess', EXAMPLE, '--trials', '2000', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(run.stdout);
    expect(run.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(doc).toMatchObject({
      model: 1,
      title: expect.any(String),
      settings: { trials: 2000, seed: 1, target: 0.8 },
    });
    expect(doc.variants.map((v: { id: string }) => v.id)).toEqual([
      'europe-only',
      'europe-us',
      'committed-only',
    ]);
    for (const variant of doc.variants) {
      expect(variant.value).toBeGreaterThanOrEqual(0);
      expect(variant.scenarios.map((s: { id: string }) => s.id)).toEqual([
        'sea-odesa',
        'land-north',
        'east-offensive',
        'air-campaign',
      ]);
      for (const s of variant.scenarios) {
        expect(s).toMatchObject({
          pHold: expect.any(Number),
          ci95: [expect.any(Number), expect.any(Number)],
        });
        for (const d of s.domains) {
          expect(d).toMatchObject({
            domain: expect.any(String),
            pHold: expect.any(Number),
            meanShortfall: expect.any(Number),
            gap: { power: expect.any(Number), units: expect.any(Object) },
            bands: { p10: expect.any(Array), p50: expect.any(Array), p90: expect.any(Array) },
            requirement: expect.any(Array),
          });
          expect(d.bands.p50).toHaveLength(s.horizonDays);
        }
      }
    }
  });

  it('answers "is it enough?" per variant in a readable report', async () => {
    const run = await guarantor([
      'assess',
      EXAMPLE,
      '--trials',
      '2000',
      '--variant',
      'europe-only',
      '--variant',
      'europe-us',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^europe-only: value 0\.\d\d — (NOT ENOUGH|BORDERLINE|ENOUGH)/m);
    expect(run.stdout).toMatch(/^europe-us: value 0\.\d\d — /m);
    expect(run.stdout).not.toMatch(/^committed-only/m);
    expect(run.stdout).toMatch(/^ {2}land-north +\d+% \(\d+–\d+%\)$/m);
    expect(run.stdout).toMatch(/^ {4}land +\d+% +[\d.]+% +[\d.]+ ≈ [\d.]+ mech-brigade/m);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('gives byte-identical --json for 1, 2 and 3 threads', async () => {
    const outputs = await Promise.all(
      ['1', '2', '3'].map((threads) =>
        guarantor(['assess', EXAMPLE, '--trials', '3000', '--json', '--threads', threads]),
      ),
    );
    for (const run of outputs) expect(run.code).toBe(0);
    expect(outputs[1]?.stdout).toBe(outputs[0]?.stdout);
    expect(outputs[2]?.stdout).toBe(outputs[0]?.stdout);
    // 3000 trials fill at most two workers; 6000 make the runner really use three.
    const [one, three] = await Promise.all(
      ['1', '3'].map((threads) =>
        guarantor(['assess', EXAMPLE, '--trials', '6000', '--json', '--threads', threads]),
      ),
    );
    expect(three?.stdout).toBe(one?.stdout);
  });

  it('writes --out FILE instead of stdout, human or JSON', async () => {
    const json = tmp('assessment.json');
    const run = await guarantor(['assess', small, '--json', '--out', json]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({
      model: 1,
      settings: { trials: 2000, seed: 7 },
    });
    const text = tmp('assessment.txt');
    expect(await guarantor(['assess', small, '--out', text, '--threads', '1'])).toMatchObject({
      code: 0,
      stdout: '',
    });
    expect(await readFile(text, 'utf8')).toMatch(/^Small test plan\n2,000 trials · seed 7/);
    const nowhere = await guarantor(['assess', small, '--out', tmp('missing', 'x.json')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/^error: cannot write .*x\.json: no such directory/);
  });

  it('exits 1 for an unknown variant, naming the ones the plan has', async () => {
    expect(await guarantor(['assess', small, '--variant', 'x'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: unknown variant "x"; the plan has "alone", "all"\n',
    });
  });

  it('exits 1 for a bad plan or a missing file, with located messages', async () => {
    const run = await guarantor(['assess', bad, '--trials', '100']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${bad}:\\d+:\\d+ actors\\[2\\]\\.reliability: `, 'm'));
    expect(await guarantor(['assess', tmp('nope.yaml')])).toMatchObject({
      code: 1,
      stderr: `error: cannot read ${tmp('nope.yaml')}: no such file\n`,
    });
  });

  it('exits 2 for bad numbers', async () => {
    for (const args of [
      ['--trials', 'abc'],
      ['--trials', '0'],
      ['--trials', '10000001'],
      ['--trials', '2.5'],
      ['--seed', '-1'],
      ['--threads', '0'],
      ['--threads', '257'],
    ]) {
      const run = await guarantor(['assess', small, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error: option '--\w+ <\w>' argument '.*' is invalid\. It must be /);
    }
  });

  it('stops quietly when the reader goes away (assess … | head)', async () => {
    const run = await guarantor(['assess', EXAMPLE, '--trials', '1000', '--json', '--threads', '1'], {
      closeAfterFirstChunk: true,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});

describe.concurrent('guarantor pledges', { timeout: SLOW }, () => {
  it('--domain air lists only pledges with air power, every one of them', async () => {
    const run = await guarantor(['pledges', EXAMPLE, '--domain', 'air', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const { rows, totals } = JSON.parse(run.stdout) as {
      rows: { pledge: string; domain: string; power: number; sources: { url?: string }[] }[];
      totals: { domain: string }[];
    };
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toMatchObject({ domain: 'air', power: expect.any(Number) });
    expect(rows.every((r) => r.power > 0)).toBe(true);
    expect(totals.map((t) => t.domain)).toEqual(['air']);
    expect(rows.some((r) => r.sources.some((s) => s.url?.startsWith('https://')))).toBe(true);
    expect(rows.map((r) => r.pledge)).toEqual(expect.arrayContaining(['gbr-typhoon-sqn', 'fra-rafale-sqn']));
    expect(rows.map((r) => r.pledge)).not.toContain('gbr-reassurance-brigade');
  });

  it('prints the matrix by actor and domain, with totals and sources', async () => {
    const run = await guarantor(['pledges', EXAMPLE, '--actor', 'FRA']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^FRA {2}France · bloc EU · reliability 0\.85$/m);
    expect(run.stdout).toMatch(/^ {2}air: [\d.]+ power from \d+ pledges?$/m);
    expect(run.stdout).toMatch(/requires USA/);
    expect(run.stdout).toMatch(/^Totals by domain/m);
    expect(run.stdout).toMatch(/^ {2}\[2\] .+\(\d{4}-\d{2}-\d{2}\)$/m);
    expect(run.stdout).not.toMatch(/^GBR /m);
  });

  it('combines filters, and refuses unknown ids (1) and postures (2)', async () => {
    const run = await guarantor(['pledges', small, '--actor', 'BIG', '--posture', 'backstop', '--json']);
    expect(JSON.parse(run.stdout).rows.map((r: { pledge: string }) => r.pledge)).toEqual([
      'big-backstop',
      'big-backstop',
    ]);
    expect(await guarantor(['pledges', small, '--actor', 'BGI'])).toMatchObject({
      code: 1,
      stderr: 'error: unknown actor "BGI"; did you mean "BIG"?\n',
    });
    expect((await guarantor(['pledges', small, '--posture', 'maybe'])).code).toBe(2);
  });
});

describe.concurrent('guarantor timeline', { timeout: SLOW }, () => {
  it('shows the scenario day by day and the pledges, or the Timeline document with --json', async () => {
    const run = await guarantor(['timeline', EXAMPLE, '--scenario', 'sea-odesa', '--trials', '2000']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Timeline — sea-odesa: /);
    expect(run.stdout).toMatch(/^variant europe-only · 2,000 trials/m);
    expect(run.stdout).toMatch(/^ {2}day +p10 p50 p90 req/m);
    expect(run.stdout).toMatch(/^Outcome: the defence holds in \d+% \(\d+–\d+%\) of trials$/m);
    const json = await guarantor(['timeline', small, '--scenario', 'air-raid', '--variant', 'all', '--json']);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({
      model: 1,
      variant: 'all',
      trials: 2000,
      seed: 7,
      scenario: { id: 'air-raid' },
    });
    expect(doc.pledges[0]).toMatchObject({ pledge: expect.any(String), pActive: expect.any(Number) });
  });

  it('needs --scenario (2) that the plan has (1)', async () => {
    expect((await guarantor(['timeline', small])).code).toBe(2);
    expect(await guarantor(['timeline', small, '--scenario', 'by-sea'])).toMatchObject({
      code: 1,
      stderr: 'error: unknown scenario "by-sea"; the plan has "land-push", "air-raid"\n',
    });
    expect((await guarantor(['timeline', small, '--scenario', 'air-raid', '--variant', 'nope'])).code).toBe(
      1,
    );
  });
});
