/**
 * The executor runs a job's analysis in a worker thread (the compiled dist/jobs/job-worker.js) on the
 * plan as of the job's version, and gives the same document, byte for byte, as the core function.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attribute } from '../core/analyses/attribution/attribute.js';
import type { Progress } from '../core/engine/assess.js';
import { assess } from '../core/engine/assess.js';
import { planFromData } from '../core/plan/parse-plan.js';
import type { Plan } from '../core/plan/types.js';
import type { TrackRecords } from '../core/track-records/kiel.js';
import { buildDocument } from '../report/build-document.js';
import { planSha256 } from '../report/plan-digest.js';
import { renderHtml } from '../report/render-html.js';
import { reportData } from '../report/report-data.js';
import type { RunInfo } from '../report/sections/appendix.js';
import { inProcessRunner } from '../runner/in-process-runner.js';
import { highsSolver } from '../solver/highs-solver.js';
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

const run = (
  kind: 'assess' | 'attribute' | 'diff' | 'failures' | 'report',
  params: Record<string, unknown>,
) => ({
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

describe('a report job', () => {
  /** 2026-01-01T00:00:00Z: the date printed on the briefing. */
  const env = { SOURCE_DATE_EPOCH: '1767225600' };
  const version = (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  /** What the CLI computes for the same plan, trials and seed (report-data, in-process). */
  const expectedHtml = async (
    trials: number,
    seed: number,
    run: Omit<RunInfo, 'model' | 'version' | 'seed' | 'trials' | 'planSha256' | 'generated'>,
    trackRecords?: TrackRecords,
  ) => {
    const data = await reportData(
      plan,
      { trials, seed, ...(trackRecords === undefined ? {} : { trackRecords }) },
      { runner: inProcessRunner, solver: highsSolver() },
    );
    return renderHtml(
      buildDocument(data, {
        model: 1,
        version,
        seed,
        trials,
        planSha256: planSha256(plan),
        generated: '2026-01-01',
        ...run,
      }),
    );
  };

  it('gives the HTML the CLI renders for the same plan, trials and seed, with the server as its origin', async () => {
    const execute = jobExecutor(db.store, { workerUrl: distJobWorkerUrl, env });
    const progress: Progress[] = [];
    const result = await execute(
      { ...run('report', { trials: 200, seed: 5, trackRecords: false }), id: 'job-1' },
      { onProgress: (p) => progress.push(p) },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = JSON.parse(result.value) as { format: string; fileName: string; html: string };
    expect(doc.format).toBe('html');
    expect(doc.fileName).toBe(`briefing-${db.planId}-v${db.version}.html`);
    const request = `{"kind":"report","params":{"version":${db.version},"seed":5,"trials":200,"trackRecords":false}}`;
    expect(doc.html).toBe(
      await expectedHtml(200, 5, {
        command: `POST /plans/${db.planId}/jobs ${request}`,
        origin: `guarantor team server: plan ${db.planId} version ${db.version}, job job-1, no track records`,
      }),
    );
    expect(doc.html).toContain('<svg');
    // One bar over the stages: it starts at 0, never goes back, and ends full.
    expect(progress[0]?.done).toBe(0);
    expect(progress.at(-1)).toEqual({ done: progress[0]?.total, total: progress[0]?.total });
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]?.done).toBeGreaterThanOrEqual(progress[i - 1]?.done ?? 0);
    }
  });

  it("shows the latest stored Kiel import's track records unless asked not to", async () => {
    const records: TrackRecords = {
      release: 29,
      asOf: '2026-04',
      totals: { allocated: 10, military: 6, financial: 3, humanitarian: 1, committed: 20 },
      actors: [
        {
          actor: 'BIG',
          allocated: 10,
          military: 6,
          financial: 3,
          humanitarian: 1,
          committed: 20,
          pctGdp: 0.5,
        },
      ],
    };
    const stored = await db.store.saveTrackRecords({
      document: {
        source: 'kiel',
        release: { release: 29, lastMonth: '2026-04', date: '2026-08-04', label: 'Release 29 (04/2026)' },
        records,
        names: { BIG: 'Big Ally' },
      },
      importedBy: 'tester',
    });
    const execute = jobExecutor(db.store, { workerUrl: distJobWorkerUrl, env });
    const result = await execute(run('report', { trials: 100, seed: 2 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { html } = JSON.parse(result.value) as { html: string };
    const request = `{"kind":"report","params":{"version":${db.version},"seed":2,"trials":100}}`;
    expect(html).toBe(
      await expectedHtml(
        100,
        2,
        {
          command: `POST /plans/${db.planId}/jobs ${request}`,
          origin: `guarantor team server: plan ${db.planId} version ${db.version}, Kiel import ${stored.id}: release 29 to 2026-04`,
        },
        records,
      ),
    );
    const without = await execute(run('report', { trials: 100, seed: 2, trackRecords: false }));
    expect(without.ok && (JSON.parse(without.value) as { html: string }).html).not.toContain('Kiel import');
  });

  it("fails with the core's error for an unknown variant", async () => {
    const result = await execute(run('report', { variants: ['nope'], trials: 50 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_VARIANT' } });
  });

  it('refuses a malformed SOURCE_DATE_EPOCH in the server environment, naming it', async () => {
    const execute = jobExecutor(db.store, {
      workerUrl: distJobWorkerUrl,
      env: { SOURCE_DATE_EPOCH: 'soon' },
    });
    const result = await execute(run('report', { trials: 50 }));
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('SOURCE_DATE_EPOCH') },
    });
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
