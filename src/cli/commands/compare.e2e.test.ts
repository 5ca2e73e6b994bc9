/**
 * End to end: `node bin/guarantor.js compare …` against the compiled dist/ (`npm test` builds first),
 * on the small test plan and on the example plan with few trials.
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../core/analyses/compare/comparison.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { EXAMPLE, guarantor, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const small = tempPlans('guarantor-compare-', { 'small.yaml': SMALL_PLAN_YAML })('small.yaml');

describe.concurrent('guarantor compare', { timeout: SLOW }, () => {
  it('prints the comparison document with --json', async () => {
    const run = await guarantor(['compare', small, '--trials', '400', '--json']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const doc = JSON.parse(run.stdout) as Comparison;
    expect({ model: doc.model, trials: doc.trials, seed: doc.seed, target: doc.target }).toEqual({
      model: 1,
      trials: 400,
      seed: 7,
      target: 0.8,
    });
    expect(doc.variants.map((v) => [v.id, v.scenarios.map((s) => s.id)])).toEqual([
      ['alone', ['land-push', 'air-raid']],
      ['all', ['land-push', 'air-raid']],
    ]);
    const [d] = doc.differences;
    expect([d?.from, d?.to, d?.scenarios.map((s) => s.id)]).toEqual([
      'alone',
      'all',
      ['land-push', 'air-raid'],
    ]);
    // The paired mean is the difference of the two shares, over the same trials.
    d?.scenarios.forEach((s, k) => {
      const a = doc.variants[0]?.scenarios[k]?.pHold ?? Number.NaN;
      const b = doc.variants[1]?.scenarios[k]?.pHold ?? Number.NaN;
      expect(s.diff).toBeCloseTo(b - a, 12);
      expect(s.ci95[0]).toBeLessThanOrEqual(s.diff);
      expect(s.ci95[1]).toBeGreaterThanOrEqual(s.diff);
      expect(s.significant).toBe(s.ci95[0] > 0 || s.ci95[1] < 0);
    });
    expect(Object.keys(d?.value ?? {})).toEqual(['diff', 'se', 'ci95', 'significant']);
  });

  it('answers "with the US or without?" in sentences on the example plan', async () => {
    const run = await guarantor(['compare', EXAMPLE, '--trials', '2000']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('2,000 trials · seed 1 · model 1 · target 80%');
    expect(run.stdout).toMatch(/^ {2}land-north +\d+% \(\d+–\d+%\) +\d+% \(\d+–\d+%\) +\d+% \(\d+–\d+%\)$/m);
    expect(run.stdout).toContain('europe-us against europe-only: adds USA\n');
    expect(run.stdout).toMatch(
      /^ {2}With USA, land-north holds in \d+% of trials instead of \d+% \(\+\d+ points, 95% CI \+\d+ to\s+\+\d+\)\.$/m,
    );
    expect(run.stdout).toContain(
      'committed-only against europe-only: adds USA; counts only committed, delivered',
    );
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('compares the variants named, every pair with --pairs all', async () => {
    const run = await guarantor([
      'compare',
      EXAMPLE,
      '--variants',
      'committed-only,europe-us',
      '--variants',
      'europe-only',
      '--pairs',
      'all',
      '--trials',
      '300',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Comparison;
    expect(doc.differences.map((d) => `${d.from}→${d.to}`)).toEqual([
      'committed-only→europe-us',
      'committed-only→europe-only',
      'europe-us→europe-only',
    ]);
  });

  it('applies --set: with USA never honouring, europe-us is europe-only in every trial', async () => {
    const run = await guarantor([
      'compare',
      EXAMPLE,
      '--variants',
      'europe-only,europe-us',
      '--set',
      'actors.USA.reliability=0',
      '--trials',
      '500',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Comparison;
    // USA has no in-place pledge, so no tripwire lifts its reliability above 0.
    expect(doc.variants[1]?.scenarios).toEqual(doc.variants[0]?.scenarios);
    for (const s of doc.differences[0]?.scenarios ?? []) {
      expect(s).toMatchObject({ diff: 0, ci95: [0, 0], significant: false });
    }
  });

  it('exits 1 on a bad variant, 2 on a bad option', async () => {
    expect(await guarantor(['compare', small, '--variants', 'alone,al', '--trials', '10'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: unknown variant "al"; did you mean "all"?\n',
    });
    expect(await guarantor(['compare', small, '--variants', 'alone', '--trials', '10'])).toMatchObject({
      code: 1,
      stderr: 'error: compare needs at least two variants; only "alone" was given\n',
    });
    expect((await guarantor(['compare', small, '--pairs', 'some'])).code).toBe(2);
    expect((await guarantor(['compare', small, '--trials', '0'])).code).toBe(2);
  });
});
