/**
 * The JobStore's state machine on both databases (PGlite; PostgreSQL unless GUARANTOR_TEST_PG=0): a
 * claim counts an attempt, only the owning run reports progress or fails the job, and the result is
 * stored once — a duplicate run's finish is refused and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteTestStore, postgresTestStore, type TestStore, WITH_PG } from './testing/job-stores.js';

const stores: [string, () => Promise<TestStore>][] = [
  ['pglite', pgliteTestStore],
  ...(WITH_PG ? [['postgres', postgresTestStore] as [string, () => Promise<TestStore>]] : []),
];

describe.each(stores)('JobStore on %s', (_, open) => {
  let db: TestStore;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.dispose());

  const newJob = () =>
    db.store.createJob({
      planId: db.planId,
      planVersion: db.version,
      kind: 'attribute',
      params: { variant: 'all', trials: 10 },
      requestedBy: 'tester',
    });

  it("creates a queued job with its params, and lists a plan's jobs newest first", async () => {
    const a = await newJob();
    const b = await newJob();
    expect(a).toMatchObject({ state: 'queued', attempts: 0, params: { variant: 'all', trials: 10 } });
    expect(await db.store.job(a.id)).toEqual(a);
    const listed = (await db.store.planJobs(db.planId)).map((j) => j.id);
    expect(listed.indexOf(b.id)).toBeLessThan(listed.indexOf(a.id));
    expect(await db.store.queuedJobIds(100)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('stores the result once: a second finish (a duplicate run) is refused and changes nothing', async () => {
    const job = await newJob();
    await db.store.claimJob(job.id, 'run-1');
    await db.store.claimJob(job.id, 'run-2');
    expect(await db.store.finishJob(job.id, '{"first":true}')).toBe(true);
    expect(await db.store.finishJob(job.id, '{"second":true}')).toBe(false);
    expect(await db.store.jobResult(job.id)).toBe('{"first":true}');
    expect(await db.store.job(job.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(await db.store.claimJob(job.id, 'run-3')).toBeUndefined();
    expect(await db.store.failJob(job.id, undefined, { code: 'X', message: 'late' })).toBe(false);
  });

  it('keeps the result text byte for byte (not re-serialised)', async () => {
    const job = await newJob();
    await db.store.claimJob(job.id, 'run');
    const text = '{"b":1,"a":[1.50,2e3],"z":"\\u00e9"}';
    await db.store.finishJob(job.id, text);
    expect(await db.store.jobResult(job.id)).toBe(text);
  });

  it('lets only the owning run report progress or fail the job', async () => {
    const job = await newJob();
    await db.store.claimJob(job.id, 'old');
    await db.store.claimJob(job.id, 'new');
    await db.store.reportProgress(job.id, 'old', { done: 9, total: 10 });
    expect((await db.store.job(job.id))?.progress).toEqual({ done: 0, total: 0 });
    await db.store.reportProgress(job.id, 'new', { done: 3, total: 10 });
    expect((await db.store.job(job.id))?.progress).toEqual({ done: 3, total: 10 });
    expect(await db.store.failJob(job.id, 'old', { code: 'X', message: 'stale' })).toBe(false);
    expect(await db.store.failJob(job.id, 'new', { code: 'UNKNOWN_VARIANT', message: 'no' })).toBe(true);
    expect(await db.store.job(job.id)).toMatchObject({ state: 'failed', error: { code: 'UNKNOWN_VARIANT' } });
    expect(await db.store.jobResult(job.id)).toBeUndefined();
  });

  it('has no result for an unknown or unfinished job', async () => {
    expect(await db.store.job('nope')).toBeUndefined();
    expect(await db.store.jobResult((await newJob()).id)).toBeUndefined();
    expect(await db.store.claimJob('nope', 'run')).toBeUndefined();
  });
});
