/**
 * `guarantor db …` end to end on a PGlite folder: the commands run one after another (a PGlite folder
 * admits one process at a time), each spawned as a user would run it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../core/plan/index.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { MIGRATIONS } from '../../store/migrations.js';
import { EXAMPLE, guarantor, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const tmp = tempPlans('guarantor-db-', { 'small.yaml': SMALL_PLAN_YAML });
const db = tmp('ledger');

describe('guarantor db', { timeout: SLOW }, () => {
  it('migrates, imports, exports (now and as of) and logs a plan', async () => {
    expect(await guarantor(['db', 'migrate', '--db', db])).toMatchObject({
      code: 0,
      stdout: `${db}: applied migration ${MIGRATIONS.map((m) => m.version).join(', ')}\n`,
    });
    expect(await guarantor(['db', 'migrate', '--db', db])).toMatchObject({
      code: 0,
      stdout: `${db}: up to date\n`,
    });

    const imported = await guarantor([
      'db',
      'import',
      EXAMPLE,
      '--db',
      db,
      '--who',
      'alice',
      '--reason',
      'summit opening',
    ]);
    expect(imported.code).toBe(0);
    const planId = imported.stdout.trim();
    expect(planId).toMatch(/^[0-9a-f]{12}$/);

    const exported = await guarantor(['db', 'export', planId, '--db', db]);
    expect(exported.code).toBe(0);
    const original = parsePlan(await readFile(EXAMPLE, 'utf8'), EXAMPLE);
    const back = parsePlan(exported.stdout, 'export.yaml');
    expect(back.ok && back.value.plan).toEqual(original.ok && original.value.plan);

    const log = await guarantor(['db', 'log', planId, '--db', db]);
    expect(log.code).toBe(0);
    const lines = log.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^seq\s+at\s+who\s+kind\s+entity\s+reason\s+source$/);
    expect(lines[1]).toMatch(
      /^ +1 {2}\d{4}-\d\d-\d\dT[\d:.]+Z {2}alice {2}plan\.created +- +summit opening$/,
    );
    expect(lines).toHaveLength(1 + 143);
    expect(log.stdout).toMatch(/pledge\.created +usa-backstop +summit opening/);

    // The whole import is one write, so the last event is the first point where the plan is complete.
    const asOf = await guarantor(['db', 'export', planId, '--db', db, '--as-of', '143']);
    expect(asOf.stdout).toBe(exported.stdout);
    const early = await guarantor(['db', 'export', planId, '--db', db, '--as-of', '2000-01-01T00:00:00Z']);
    expect(early).toMatchObject({ code: 1, stdout: '' });
    expect(early.stderr).toMatch(/^error: plan [0-9a-f]+ has no valid state as of 2000-01-01/);
  });

  it('refuses bad input with a clear error and exit 1', async () => {
    const unknown = await guarantor(['db', 'export', 'no-such-plan', '--db', db]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/^error: no plan "no-such-plan"/);

    const unreachable = await guarantor(['db', 'log', 'x', '--db', 'postgres://postgres@127.0.0.1:1/test']);
    expect(unreachable).toMatchObject({ code: 1, stdout: '' });
    expect(unreachable.stderr).toMatch(
      /^error: cannot connect to postgres:\/\/postgres@127\.0\.0\.1:1\/test/,
    );

    const badPlan = tmp('bad.yaml');
    await writeFile(
      badPlan,
      SMALL_PLAN_YAML.replace('capability: tank-bde, quantity: 3', 'capability: tank-bd, quantity: 3'),
    );
    const invalid = await guarantor(['db', 'import', badPlan, '--db', db]);
    expect(invalid).toMatchObject({ code: 1, stdout: '' });
    expect(invalid.stderr).toMatch(/bad\.yaml:\d+:\d+ pledges\[0\]\.capability: .*tank-bd/);

    expect(await guarantor(['db', 'export', 'x', '--db', db, '--as-of', 'soon'])).toMatchObject({ code: 2 });
  });

  it('refuses a PGlite folder locked by a live process', async () => {
    // This test process is alive: its pid in the lock file means "in use".
    await writeFile(tmp('ledger', 'lock'), `${process.pid}\n`);
    const locked = await guarantor(['db', 'log', 'x', '--db', db]);
    expect(locked).toMatchObject({ code: 1, stdout: '' });
    expect(locked.stderr).toMatch(
      new RegExp(`^error: the database folder is in use by process ${process.pid}`),
    );
    // A lock left by a process that is gone is stale: taken over.
    await writeFile(tmp('ledger', 'lock'), '999999999\n');
    expect(await guarantor(['db', 'migrate', '--db', db])).toMatchObject({ code: 0 });
  });
});
