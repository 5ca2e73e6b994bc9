/**
 * End to end: `node bin/guarantor.js optimize …` against the compiled dist/ (`npm test` builds first), on
 * the small test plan with spare capacity and on the example plan with few trials.
 */
import { describe, expect, it } from 'vitest';
import type { BurdenReport } from '../../core/analyses/burden/burden-report.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { EXAMPLE, guarantor, SLOW, tempPlans } from '../../test-support/cli-harness.js';

/** The small plan with spare capacity: BIG can add tank brigades, FAR SAM batteries. */
const SPARE_PLAN_YAML = `${SMALL_PLAN_YAML}spare:
  - { actor: BIG, capability: tank-bde, quantity: 3 }
  - { actor: FAR, capability: sam, quantity: 2 }
`;

const tmp = tempPlans('guarantor-optimize-', {
  'small.yaml': SPARE_PLAN_YAML,
  'no-gdp.yaml': SPARE_PLAN_YAML.replace('reliability: 0.6, gdp: 5.0e11', 'reliability: 0.6'),
});
const small = tmp('small.yaml');
const noGdp = tmp('no-gdp.yaml');

describe('guarantor optimize', () => {
  it(
    'prints the proposal, costs against fair shares, shadow prices and before/after on the small plan',
    async () => {
      const r = await guarantor(['optimize', small, '--variant', 'all', '--trials', '400']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Burden sharing — all: who adds what to close the gaps at 80%, fairly/);
      expect(r.stdout).toMatch(/^ {2}BIG +tank-bde +\d+ +EUR [\d.]+bn +Tank brigade$/m);
      expect(r.stdout).toContain('Cost per partner against its fair share');
      expect(r.stdout).toContain('Shadow prices:');
      expect(r.stdout).toMatch(/^ {2}verdict +NOT ENOUGH/m);
      for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    },
    SLOW,
  );

  it(
    'prints the MODEL.md §7 document with --json, the same for any number of threads',
    async () => {
      const [one, two] = await Promise.all([
        guarantor(['optimize', small, '--variant', 'all', '--trials', '400', '--json', '--threads', '1']),
        guarantor(['optimize', small, '--variant', 'all', '--trials', '400', '--json', '--threads', '2']),
      ]);
      expect(one.code).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      const doc = JSON.parse(one.stdout) as BurdenReport;
      expect(doc).toMatchObject({ model: 1, variant: 'all', currency: 'EUR' });
      expect(Object.keys(doc)).toEqual(
        expect.arrayContaining([
          'allocation',
          'costs',
          'infeasible',
          'objective',
          'shadowPrices',
          'reassessment',
        ]),
      );
      expect(doc.solver).toMatchObject({ status: 'optimal', relaxation: { status: 'optimal' } });
      expect(doc.objective).toBeCloseTo(doc.totalCost + doc.settings.fairness * doc.unfairness, 0);
      expect(doc.reassessment.pledges.every((p) => p.id.startsWith('opt-') && p.posture === 'in-place')).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    'solves the example plan: only European partners add units under europe-only',
    async () => {
      const r = await guarantor([
        'optimize',
        EXAMPLE,
        '--variant',
        'europe-only',
        '--trials',
        '300',
        '--json',
      ]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as BurdenReport;
      expect(doc.allocation.length).toBeGreaterThan(0);
      expect(doc.allocation.some((a) => a.actor === 'USA')).toBe(false);
      expect(doc.costs.some((c) => c.actor === 'USA' || c.actor === 'UKR')).toBe(false);
      const shares = doc.costs.reduce((s, c) => s + c.gdpShare, 0);
      expect(shares).toBeCloseTo(1, 9);
      expect(doc.reassessment.after.value).toBeGreaterThan(doc.reassessment.before.value);
    },
    SLOW,
  );

  it(
    'refuses a partner without gdp (exit 1, named), an unknown variant (1) and a missing --variant (2)',
    async () => {
      const [gdp, unknown, missing] = await Promise.all([
        guarantor(['optimize', noGdp, '--variant', 'all', '--trials', '50']),
        guarantor(['optimize', small, '--variant', 'nope', '--trials', '50']),
        guarantor(['optimize', small]),
      ]);
      expect(gdp.code).toBe(1);
      expect(gdp.stderr).toMatch(
        /^error: actors\[2\]\.gdp: burden sharing needs the gdp .* missing for "FAR"$/m,
      );
      expect(gdp.stdout).toBe('');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/unknown variant "nope"/);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--variant/);
    },
    SLOW,
  );
});
