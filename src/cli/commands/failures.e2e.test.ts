/**
 * End to end: `guarantor failures` as a user runs it — spawns `node bin/guarantor.js …` against the
 * compiled dist/ (`npm test` builds first), on the small test plan and on the example plan.
 */
import { describe, expect, it } from 'vitest';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { EXAMPLE, fitsWidth, guarantor, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const small = tempPlans('guarantor-failures-', { 'small.yaml': SMALL_PLAN_YAML })('small.yaml');

describe.concurrent('guarantor failures', { timeout: SLOW }, () => {
  it('explains when land-north fails in the example plan', async () => {
    const run = await guarantor([
      'failures',
      EXAMPLE,
      '--variant',
      'europe-us',
      '--scenario',
      'land-north',
      '--trials',
      '3000',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^When does land-north fail\? — variant europe-us$/m);
    expect(run.stdout).toMatch(/^3,000 trials · seed 1 · it fails in \d+% \(\d+–\d+%\) of trials/m);
    expect(run.stdout).toMatch(/^ {2}1\. When .+/m);
    expect(run.stdout).toMatch(/^ {5}coverage \d+% · density \d+% · support \d+%$/m);
    fitsWidth(run.stdout);
  });

  it('prints the failures document with --json', async () => {
    const run = await guarantor(['failures', small, '--variant', 'all', '--scenario', 'land-push', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      model: 1,
      variant: 'all',
      scenario: 'land-push',
      trials: 2000,
      seed: 7,
      method: 'prim',
      failureRate: expect.any(Number),
      ci95: [expect.any(Number), expect.any(Number)],
      rules: expect.any(Array),
    });
    for (const rule of doc.rules) {
      expect(rule).toMatchObject({
        text: expect.any(String),
        coverage: expect.any(Number),
        density: expect.any(Number),
        support: expect.any(Number),
        conditions: expect.any(Array),
      });
    }
  });

  it('needs --variant and --scenario (2) that the plan has (1)', async () => {
    expect((await guarantor(['failures', small, '--variant', 'all'])).code).toBe(2);
    expect(await guarantor(['failures', small, '--variant', 'all', '--scenario', 'by-sea'])).toMatchObject({
      code: 1,
      stderr: 'error: unknown scenario "by-sea"; the plan has "land-push", "air-raid"\n',
    });
  });
});
