/**
 * `guarantor diff` end to end on a PGlite folder: import the small plan with the CLI, append a summit's
 * worth of events through the Store API (after the CLI process has exited: a PGlite folder admits one
 * process at a time), then ask what changed.
 */
import { describe, expect, it } from 'vitest';
import type { PlanDiff } from '../../core/analyses/plan-diff/index.js';
import { SMALL_PLAN_YAML } from '../../core/views/testing/small-plan.js';
import { openStore } from '../../store/open-store.js';
import { fitsWidth, guarantor, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const tmp = tempPlans('guarantor-diff-', { 'small.yaml': SMALL_PLAN_YAML });
const db = tmp('ledger');
const paris = { title: 'Paris Declaration', url: 'https://example.org/paris', date: '2026-01-06' };

/** Imports the small plan and appends three changes; returns the plan id and the import's last seq. */
async function summit(): Promise<{ planId: string; imported: number }> {
  const imported = await guarantor(['db', 'import', tmp('small.yaml'), '--db', db, '--who', 'host']);
  expect(imported.code).toBe(0);
  const planId = imported.stdout.trim();
  const store = await openStore(db);
  try {
    const version = (await store.plan(planId))?.version ?? 0;
    const appended = await store.append(planId, version, [
      {
        kind: 'pledge.created',
        entityId: 'far-jets',
        payload: {
          id: 'far-jets',
          actor: 'FAR',
          capability: 'jet-sqn',
          quantity: 2,
          posture: 'on-call',
          bindingness: 'political',
        },
        who: 'FAR',
        reason: 'Paris Declaration',
        source: paris,
      },
      {
        kind: 'pledge.updated',
        entityId: 'big-jets',
        payload: {
          id: 'big-jets',
          actor: 'BIG',
          capability: 'jet-sqn',
          quantity: 4,
          posture: 'on-call',
          readinessDays: 2,
          bindingness: 'executive',
          sources: [{ title: 'Big pledge', url: 'https://example.org/big', date: '2025-09-04' }],
        },
        who: 'BIG',
        reason: 'doubled at the summit',
      },
      {
        kind: 'pledge.withdrawn',
        entityId: 'far-tanks',
        payload: {},
        who: 'FAR',
        reason: 'parliament said no',
      },
    ]);
    expect(appended.ok).toBe(true);
    return { planId, imported: version };
  } finally {
    await store.close();
  }
}

describe('guarantor diff', { timeout: SLOW }, () => {
  it('says who changed what, with attribution, and what it did to each value', async () => {
    const { planId, imported } = await summit();
    const args = ['diff', planId, '--db', db, '--from', String(imported), '--trials', '400', '--seed', '5'];
    const json = await guarantor([...args, '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as PlanDiff;
    expect(doc).toMatchObject({ model: 1, plan: planId, trials: 400, seed: 5 });
    expect(doc.from.seq).toBe(imported);
    expect(doc.to.seq).toBe(imported + 3);
    expect(doc.changes.map((c) => [c.entity, c.id, c.change])).toEqual([
      ['pledge', 'big-jets', 'changed'],
      ['pledge', 'far-tanks', 'withdrawn'],
      ['pledge', 'far-jets', 'added'],
    ]);
    expect(doc.changes[0]?.fields).toEqual([{ field: 'quantity', before: 2, after: 4 }]);
    expect(doc.changes[2]?.events).toEqual([
      { seq: imported + 1, at: expect.any(String), who: 'FAR', reason: 'Paris Declaration', source: paris },
    ]);
    expect(doc.changes[1]?.events).toMatchObject([
      { who: 'FAR', reason: 'parliament said no', source: null },
    ]);
    const value = (id: string) => doc.values.find((v) => v.variant === id);
    // `alone` counts neither BIG nor FAR: same plan for it, same draws, same value.
    expect(value('alone')?.delta).toBe(0);
    expect(value('all')?.delta).toBeGreaterThan(0);
    expect(value('all')?.scenarios.map((s) => s.id)).toEqual(['land-push', 'air-raid']);
    const air = value('all')?.scenarios[1];
    expect(air?.after?.pHold).toBeGreaterThan(air?.before?.pHold ?? 1);
    expect(air?.after?.ci95[0]).toBeLessThanOrEqual(air?.after?.pHold ?? 0);

    const human = await guarantor(args);
    expect(human.code).toBe(0);
    fitsWidth(human.stdout);
    expect(human.stdout).toMatch(
      /^ {2}FAR pledged far-jets \(2 jet-sqn, on-call, political\) — FAR, \d{4}-\d\d-\d\d, 'Paris Declaration',\n {6}source: Paris Declaration, https:\/\/example\.org\/paris, 2026-01-06$/m,
    );
    expect(human.stdout).toMatch(/^ {2}FAR withdrew far-tanks — FAR, [\d-]+, 'parliament said no'$/m);
    expect(human.stdout).toMatch(/^ {2}BIG changed big-jets: quantity 2 → 4 — BIG, /m);
    expect(human.stdout).toMatch(/^ {2}all +0\.\d\d +→ +0\.\d\d +\(\+0\.\d\d\)$/m);
    expect(human.stdout).toMatch(/^ {2}alone +0\.\d\d +→ +0\.\d\d +\(±0\.00\)$/m);

    // Nothing between a point and itself.
    const none = await guarantor([
      ...args.slice(0, 4),
      '--from',
      String(imported),
      '--to',
      String(imported),
      '--trials',
      '50',
      '--json',
    ]);
    expect(none.code).toBe(0);
    expect((JSON.parse(none.stdout) as PlanDiff).changes).toEqual([]);
  });

  it('refuses bad input with a clear error, no stack trace', async () => {
    const unknown = await guarantor(['diff', 'no-such-plan', '--db', db, '--from', '1']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/^error: no plan "no-such-plan"/);

    const { planId, imported } = await summit();
    const reversed = await guarantor([
      'diff',
      planId,
      '--db',
      db,
      '--from',
      String(imported + 2),
      '--to',
      String(imported),
    ]);
    expect(reversed).toMatchObject({ code: 2, stdout: '' });
    expect(reversed.stderr).toMatch(/^error: --from \(event \d+, .*\) is after --to/);

    const inside = await guarantor(['diff', planId, '--db', db, '--from', '1']);
    expect(inside).toMatchObject({ code: 1, stdout: '' });
    expect(inside.stderr).toMatch(/^error: plan \w+ has no valid state as of event 1: .*guarantor db log/);

    const future = await guarantor(['diff', planId, '--db', db, '--from', String(imported), '--to', '9999']);
    expect(future).toMatchObject({ code: 1, stdout: '' });
    expect(future.stderr).toMatch(/^error: --to event 9999 does not exist yet/);

    const early = await guarantor(['diff', planId, '--db', db, '--from', '2000-01-01T00:00:00Z']);
    expect(early).toMatchObject({ code: 1, stdout: '' });
    expect(early.stderr).toMatch(/^error: --from 2000-01-01T00:00:00\.000Z is before the plan existed/);

    const badTime = await guarantor(['diff', planId, '--db', db, '--from', 'yesterday']);
    expect(badTime).toMatchObject({ code: 2, stdout: '' });
    expect(badTime.stderr).toMatch(/--from.*yesterday.*event number/s);

    const missing = await guarantor(['diff', planId, '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--from/);
  });
});
