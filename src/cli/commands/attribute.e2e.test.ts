/**
 * `guarantor attribute` end to end: spawns `node bin/guarantor.js attribute …` against the compiled dist/
 * (`npm test` builds first) on the small test plan and on the example plan with few trials.
 */
import { describe, expect, it } from 'vitest';
import type { AttributionDocument } from '../../core/analyses/attribution/types.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { EXAMPLE, guarantor, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const small = tempPlans('guarantor-attribute-', { 'small.yaml': SMALL_PLAN_YAML })('small.yaml');

describe.concurrent('guarantor attribute', { timeout: SLOW }, () => {
  it('prints the §7 document with attribution filled (--json), exact on a small plan', async () => {
    const run = await guarantor(['attribute', small, '--variant', 'all', '--trials', '800', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as AttributionDocument;
    expect(doc.model).toBe(1);
    expect(doc.settings.trials).toBe(800);
    expect(doc.variants.map((v) => v.id)).toEqual(['all']);
    const [a] = doc.attribution;
    expect(a?.variant).toBe('all');
    expect(a?.method).toBe('exact');
    expect(a?.actors.map((x) => x.actor)).toEqual(['BIG', 'FAR']);
    for (const x of a?.actors ?? []) {
      expect(Object.keys(x)).toEqual(
        expect.arrayContaining(['actor', 'shapley', 'se', 'marginal', 'owen', 'owenSe']),
      );
      expect(x.se).toBe(0);
    }
    // BIG and FAR share the bloc BIG: one bloc, worth everything the partners add.
    expect(a?.blocs.map((b) => [b.bloc, b.actors])).toEqual([['BIG', ['BIG', 'FAR']]]);
    expect(a?.check.vN).toBe(doc.variants[0]?.value);
    expect(a?.check.sumShapley).toBeCloseTo((a?.check.vN ?? 0) - (a?.check.vEmpty ?? 0), 12);
  });

  it('prints tables that fit 100 columns, and the same numbers with the same seed', async () => {
    const args = [
      'attribute',
      small,
      '--variant',
      'all',
      '--method',
      'sampled',
      '--trials',
      '600',
      '--seed',
      '3',
    ];
    const [one, two] = await Promise.all([guarantor(args), guarantor(args)]);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('Who carries all? value ');
    expect(one.stdout).toMatch(
      /^sampled: a random order of joining per trial · 600 trials · seed 3 · largest SE 0\.\d{4}$/m,
    );
    expect(one.stdout).toMatch(/^ {2}BIG\s+Big Ally\s+BIG\s+\d\.\d{3} \(\d\.\d{3}–\d\.\d{3}\)\s+\d+%/m);
    expect(one.stdout).toMatch(/^ {2}check: Σ Shapley \d\.\d{3} = v\(N\) \d\.\d{3} − v\(∅\) \d\.\d{3}$/m);
    for (const line of one.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it('attributes the example plan: 26 partners, sampled, Σφ = v(N) − v(∅)', async () => {
    const run = await guarantor([
      'attribute',
      EXAMPLE,
      '--variant',
      'europe-us',
      '--trials',
      '400',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as AttributionDocument;
    const a = doc.attribution[0];
    expect(a?.method).toBe('sampled');
    expect(a?.reason).toMatch(/more than the 20 of the exact method/);
    expect(a?.actors).toHaveLength(26);
    expect(a?.actors.map((x) => x.actor)).not.toContain('UKR');
    expect(a?.blocs.map((b) => b.bloc).sort()).toEqual(['EU', 'EUR-nonEU', 'NONEUR', 'TUR', 'UK', 'USA']);
    expect(a?.check.sumShapley).toBeCloseTo((a?.check.vN ?? 0) - (a?.check.vEmpty ?? 0), 10);
    expect(a?.maxSe).toBeGreaterThan(0);
  });

  it('exits 1 with one clear line for an unknown variant, or exact on too many players', async () => {
    const unknown = await guarantor(['attribute', small, '--variant', 'nope']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe('error: unknown variant "nope"; the plan has "alone", "all"\n');
    const exact = await guarantor(['attribute', EXAMPLE, '--variant', 'europe-us', '--method', 'exact']);
    expect(exact).toMatchObject({ code: 1, stdout: '' });
    expect(exact.stderr).toMatch(/^error: exact attribution .* 26 of them .* use --method sampled .*\n$/);
  });

  it('exits 2 on usage errors: no --variant, a bad --method, --target-se or --trials', async () => {
    for (const args of [
      ['attribute', small],
      ['attribute', small, '--variant', 'all', '--method', 'guess'],
      ['attribute', small, '--variant', 'all', '--target-se', '2'],
      ['attribute', small, '--variant', 'all', '--trials', '0'],
    ]) {
      const run = await guarantor(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
    }
  });
});
