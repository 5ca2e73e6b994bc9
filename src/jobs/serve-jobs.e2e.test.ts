/**
 * Jobs through `guarantor serve` over real HTTP, on PGlite (the in-process queue) and on PostgreSQL
 * (pg-boss, worked by the server itself by default): submit, follow the server-sent events to `done`,
 * read the result, then SIGTERM and a clean exit.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { SLOW, tempPlans } from '../test-support/cli-harness.js';
import { addUser, createTestDatabase, DATABASE_KINDS, startServe } from '../test-support/serve-harness.js';
import { adminSql } from './testing/job-stores.js';

const tmp = tempPlans('guarantor-serve-jobs-', { 'small.yaml': SMALL_PLAN_YAML });
// The server's pg-boss works in a schema of this run (the spawned server inherits the environment).
const bossSchema = `pgboss_test_${randomBytes(6).toString('hex')}`;
process.env.GUARANTOR_PGBOSS_SCHEMA = bossSchema;
afterAll(async () => {
  if (DATABASE_KINDS.includes('postgres')) await adminSql(`drop schema if exists ${bossSchema} cascade`);
});

describe.each(DATABASE_KINDS)('jobs through guarantor serve on %s', { timeout: SLOW }, (kind) => {
  it('runs a submitted job, streams it to done, serves its result, and stops cleanly', async () => {
    const db = await createTestDatabase(kind);
    try {
      const login = await addUser(db.target, 'ana', 'analyst');
      const serve = await startServe({ db: db.target, plan: tmp('small.yaml'), login });
      try {
        const plans = await serve.request('GET', '/plans');
        const planId = plans.body.plans[0].id as string;
        const submitted = await serve.request('POST', `/plans/${planId}/jobs`, {
          body: { kind: 'assess', params: { trials: 5000, seed: 2 } },
        });
        expect(submitted.status).toBe(202);
        const id = submitted.body.job.id as string;
        const stream = await fetch(`${serve.base}/jobs/${id}/events`, {
          headers: { Authorization: `Bearer ${serve.token}` },
        });
        expect(stream.status).toBe(200);
        const text = await stream.text();
        expect(text).toContain('event: done');
        expect(text.trim().split('\n\n').at(-1)).toContain(`"result":"/jobs/${id}/result"`);
        const result = await serve.request('GET', `/jobs/${id}/result`);
        expect(result.status).toBe(200);
        expect(result.body.settings).toMatchObject({ trials: 5000, seed: 2 });
      } finally {
        expect(await serve.stop()).toEqual({ code: 0, signal: null });
      }
    } finally {
      await db.drop();
    }
  });
});
