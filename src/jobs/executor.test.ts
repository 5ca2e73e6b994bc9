/**
 * The executor runs a job's analysis in a worker thread (the compiled dist/jobs/job-worker.js) on the
 * plan as of the job's version, and gives the same document, byte for byte, as the core function.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attribute } from '../core/analyses/attribution/attribute.js';
import type { Progress } from '../core/engine/assess.js';
import { assess } from '../core/engine/assess.js';
import { planFromData } from '../core/plan/parse-plan.js';
import type { Plan } from '../core/plan/types.js';
import { planData } from '../store/plan-history.js';
import { type Executor, jobExecutor } from './executor.js';
import { runNow } from './run-now.js';
import { distJobWorkerUrl, pgliteTestStore, type TestStore } from './testing/job-stores.js';

let db: TestStore;
let execute: Executor;
let plan: Plan;

beforeAll(async () => {
  db = await pgliteTestStore();
  execute = jobExecutor(db.store, { workerUrl: distJobWorkerUrl });
  // The plan as the ledger holds it: jsonb orders object keys its own way (e.g. a scenario's threat
  // domains), so the reference is the core run on that plan, as `db export` + the CLI would give it.
  const data = await planData(db.store, db.planId);
  const parsed =
    data?.ok === true
      ? planFromData({ data: data.value, locate: (r) => r.map(() => undefined), warnings: [] })
      : undefined;
  if (parsed === undefined || !parsed.ok) throw new Error('the stored plan does not parse');
  plan = parsed.value.plan;
});
afterAll(() => db.dispose());

const run = (kind: 'assess' | 'attribute' | 'diff' | 'failures', params: Record<string, unknown>) => ({
  planId: db.planId,
  planVersion: db.version,
  kind,
  params,
});

describe('the job executor', () => {
  it('gives the assess document of the core, byte for byte, for the same seed and trials', async () => {
    const progress: Progress[] = [];
    const result = await execute(run('assess', { trials: 3000, seed: 11 }), {
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ ok: true, value: JSON.stringify(assess(plan, { trials: 3000, seed: 11 })) });
    expect(progress.at(-1)).toEqual({ done: 3000, total: 3000 });
  });

  it('gives the attribute document of the core for the same seed', async () => {
    const result = await execute(run('attribute', { variant: 'all', trials: 500, seed: 3 }));
    const expected = attribute(plan, { variant: 'all', trials: 500, seed: 3 });
    expect(result).toEqual({ ok: true, value: JSON.stringify(expected) });
  });

  it("fails with the core's error for an unknown variant, not a crash", async () => {
    const result = await execute(run('failures', { variant: 'nope', scenario: 'air-raid', trials: 100 }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNKNOWN_VARIANT');
      expect(result.error.message).toContain('nope');
    }
  });

  it('refuses a plan version inside the import (no valid plan there), naming params.version', async () => {
    const result = await execute({ ...run('assess', {}), planVersion: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_VALID_PLAN', path: 'params.version' } });
  });

  it('diffs two points of the ledger like guarantor diff (no change: the values are equal)', async () => {
    const result = await execute(run('diff', { from: db.version, trials: 200, seed: 1 }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      const doc = JSON.parse(result.value) as { changes: unknown[]; from: { seq: number }; trials: number };
      expect(doc.changes).toEqual([]);
      expect(doc.from.seq).toBe(db.version);
      expect(doc.trials).toBe(200);
    }
  });

  it('fails a stored job whose params do not fit its kind with INVALID_PARAMS', async () => {
    const result = await execute(run('assess', { trials: 'many' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS', path: 'params' } });
  });

  it('stops the worker when aborted, with ABORTED', async () => {
    const controller = new AbortController();
    const pending = execute(run('assess', { trials: 1_000_000 }), { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'ABORTED' } });
  });
});

describe('runNow', () => {
  it('runs an analysis on the current version off the event loop and returns its document', async () => {
    const result = await runNow(
      db.store,
      db.planId,
      { kind: 'assess', params: { trials: 800, seed: 2 } },
      { workerUrl: distJobWorkerUrl },
    );
    expect(result).toEqual({
      ok: true,
      value: { version: db.version, document: JSON.stringify(assess(plan, { trials: 800, seed: 2 })) },
    });
  });

  it('answers NOT_FOUND for an unknown plan', async () => {
    const result = await runNow(
      db.store,
      'nope',
      { kind: 'assess', params: {} },
      { workerUrl: distJobWorkerUrl },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
