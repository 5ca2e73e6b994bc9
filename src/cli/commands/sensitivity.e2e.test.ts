/**
 * End to end: `guarantor sensitivity` as a user runs it — spawns `node bin/guarantor.js …` against the
 * compiled dist/ (`npm test` builds first), on the small test plan and on the example plan.
 */
import { describe, expect, it } from 'vitest';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { EXAMPLE, fitsWidth, guarantor, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const small = tempPlans('guarantor-sensitivity-', { 'small.yaml': SMALL_PLAN_YAML })('small.yaml');

describe.concurrent('guarantor sensitivity', { timeout: SLOW }, () => {
  it('prints the tornado and the USA × europe grid of the example plan', async () => {
    const run = await guarantor(['sensitivity', EXAMPLE, '--variant', 'europe-us', '--trials', '300']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Sensitivity of europe-us: value 0\.\d\d at the plan's assumptions/);
    expect(run.stdout).toMatch(/^ {2}USA reliability +0\.5 → 0\.9 +0\.\d\d +0\.\d\d +0\.\d{3} ± 0\.\d{3}/m);
    expect(run.stdout).toMatch(/^ {2}europe \\ USA +0\.40 +0\.50 +0\.60 +0\.70 +0\.80 +0\.90 +1\.00$/m);
    expect(run.stdout).toMatch(/^ {2}USA 1\.00: /m);
    fitsWidth(run.stdout);
  });

  it('prints the documented JSON document with --json', async () => {
    const run = await guarantor(['sensitivity', small, '--variant', 'all', '--json', '--grid', 'BIG,FAR']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ model: 1, variant: 'all', base: expect.any(Number), trials: 2000, seed: 7 });
    expect(doc.tornado[0]).toEqual({
      parameter: expect.any(String),
      kind: expect.stringMatching(/^(reliability|setting|threat-scale)$/),
      label: expect.any(String),
      base: expect.any(Number),
      low: expect.any(Number),
      high: expect.any(Number),
      valueLow: expect.any(Number),
      valueHigh: expect.any(Number),
      swing: expect.any(Number),
      se: expect.any(Number),
    });
    expect(doc.tornado.map((r: { parameter: string }) => r.parameter)).toEqual(
      expect.arrayContaining(['actors.BIG.reliability', 'settings.tripwire', 'threatScale.air']),
    );
    expect(doc.grid.x).toMatchObject({ name: 'BIG', actors: ['BIG'] });
    expect(doc.grid.y).toMatchObject({ name: 'FAR', actors: ['FAR'] });
    expect(doc.grid.value).toHaveLength(7);
    expect(doc.grid.tipping).toHaveLength(7);
    // Same plan and seed: the same bytes.
    const again = await guarantor(['sensitivity', small, '--variant', 'all', '--json', '--grid', 'BIG,FAR']);
    expect(again.stdout).toBe(run.stdout);
  });

  it('takes --no-grid and --set, and refuses bad input with exit 1 or 2', async () => {
    const none = await guarantor(['sensitivity', small, '--variant', 'all', '--no-grid', '--json']);
    expect(JSON.parse(none.stdout).grid).toBeNull();
    const set = await guarantor([
      'sensitivity',
      small,
      '--variant',
      'all',
      '--no-grid',
      '--json',
      '--set',
      'actors.BIG.reliability=0.5',
    ]);
    const big = JSON.parse(set.stdout).tornado.find(
      (r: { parameter: string }) => r.parameter === 'actors.BIG.reliability',
    );
    expect(big).toMatchObject({ base: 0.5, low: 0.3, high: 0.7 });
    expect(await guarantor(['sensitivity', small, '--variant', 'nope'])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: unknown variant "nope"; the plan has "alone", "all"\n',
    });
    const grid = await guarantor(['sensitivity', small, '--variant', 'all', '--grid', 'HOME,BIG']);
    expect(grid).toMatchObject({ code: 1, stdout: '' });
    expect(grid.stderr).toMatch(/^error: grid: "HOME" is the protected actor/);
    expect((await guarantor(['sensitivity', small])).code).toBe(2);
    expect((await guarantor(['sensitivity', small, '--variant', 'all', '--rule', 'max'])).code).toBe(2);
  });
});
