/**
 * End to end: `--set path=value` on assess and timeline, against the compiled dist/: the override
 * changes the run, a bad one is reported like a bad plan value but named by its `--set`.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../core/engine/result-types.js';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { EXAMPLE, guarantor, SLOW, tempPlans } from '../test-support/cli-harness.js';

const small = tempPlans('guarantor-set-', { 'small.yaml': SMALL_PLAN_YAML })('small.yaml');

const pHolds = (doc: Assessment, variant: string) =>
  doc.variants.find((v) => v.id === variant)?.scenarios.map((s) => s.pHold);

describe.concurrent('--set', { timeout: SLOW }, () => {
  it('assess: USA never honouring makes europe-us hold exactly as often as europe-only', async () => {
    const args = ['assess', EXAMPLE, '--variant', 'europe-only', '--variant', 'europe-us'];
    const run = await guarantor([
      ...args,
      '--trials',
      '500',
      '--threads',
      '1',
      '--json',
      '--set',
      'actors.USA.reliability=0',
    ]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const doc = JSON.parse(run.stdout) as Assessment;
    expect(pHolds(doc, 'europe-us')).toEqual(pHolds(doc, 'europe-only'));
    // Without the override the US makes a difference (the control).
    const control = JSON.parse(
      (await guarantor([...args, '--trials', '500', '--threads', '1', '--json'])).stdout,
    );
    expect(pHolds(control, 'europe-us')).not.toEqual(pHolds(control, 'europe-only'));
  });

  it('assess: settings and several overrides at once, the last of the same path winning', async () => {
    const run = await guarantor([
      'assess',
      small,
      '--json',
      '--threads',
      '1',
      '--set',
      'settings.trials=300',
      '--set',
      'settings.seed=5',
      '--set',
      'settings.seed=11',
      '--set',
      'settings.bindingness.political=0.4',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Assessment;
    expect([doc.settings.trials, doc.settings.seed, doc.settings.bindingness.political]).toEqual([
      300, 11, 0.4,
    ]);
  });

  it('timeline takes --set too', async () => {
    const run = await guarantor([
      'timeline',
      small,
      '--scenario',
      'land-push',
      '--trials',
      '50',
      '--json',
      '--set',
      'pledges.far-tanks.status=committed',
    ]);
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it('reports a bad value like a bad plan value, naming the --set instead of a line (exit 1)', async () => {
    expect(await guarantor(['assess', small, '--set', 'actors.BIG.reliability=1.5'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '--set actors.BIG.reliability=1.5 actors[1].reliability: expected a probability in [0, 1]\n',
    });
    expect(await guarantor(['assess', small, '--set', 'pledges.big-jets.capability=jet-sq'])).toMatchObject({
      code: 1,
      stderr:
        '--set pledges.big-jets.capability=jet-sq pledges[2].capability: unknown capability "jet-sq"; ' +
        'did you mean "jet-sqn"?\n',
    });
    expect(await guarantor(['assess', small, '--set', 'actors.big.reliability=0.5'])).toMatchObject({
      code: 1,
      stderr: '--set actors.big.reliability=0.5 actors: unknown actor "big"; did you mean "BIG"?\n',
    });
  });

  it('prints warnings an override causes, naming it', async () => {
    const run = await guarantor([
      'assess',
      small,
      '--trials',
      '20',
      '--threads',
      '1',
      '--json',
      '--set',
      'pledges.far-tanks.triggers=[lnd]',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      '--set pledges.far-tanks.triggers=[lnd] pledges[4].triggers[0]: warning: no scenario has the tag "lnd", ' +
        'so it triggers nothing; did you mean "land"?\n',
    );
  });

  it('refuses a malformed --set as a usage error (exit 2); validate has no --set', async () => {
    const run = await guarantor(['assess', small, '--set', 'actors.BIG.reliability']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--set <path=value>' argument 'actors.BIG.reliability' is invalid");
    expect((await guarantor(['validate', small, '--set', 'actors.BIG.reliability=0.5'])).code).toBe(2);
  });
});
