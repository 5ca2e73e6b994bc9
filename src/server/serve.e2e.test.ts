/**
 * `guarantor serve` over real HTTP: add a user, start the server on a free port of 127.0.0.1 with a plan
 * imported on first start, log in and read the plan, then stop it (SIGTERM) and check it exits cleanly.
 */
import { describe, expect, it } from 'vitest';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { guarantor, SLOW, tempPlans } from '../test-support/cli-harness.js';
import { addUser, startServe } from '../test-support/serve-harness.js';

const tmp = tempPlans('guarantor-serve-', { 'small.yaml': SMALL_PLAN_YAML });

describe('guarantor serve', { timeout: SLOW }, () => {
  it('serves login and plans over HTTP, then stops on SIGTERM', async () => {
    const db = tmp('ledger');
    const lead = await addUser(db, 'lead', 'host');
    expect(lead.password.length).toBeGreaterThanOrEqual(20);
    expect(await guarantor(['user', 'add', 'x', '--role', 'delegate', '--db', db])).toMatchObject({
      code: 2,
    });

    const server = await startServe({ db, plan: tmp('small.yaml') });
    try {
      expect((await fetch(`${server.base}/health`)).status).toBe(200);
      expect((await server.request('GET', '/plans')).status).toBe(401);
      const login = await server.request('POST', '/login', { body: lead });
      expect(login.status).toBe(200);
      const plans = await server.request('GET', '/plans', { token: login.body.token });
      expect(plans.status).toBe(200);
      expect(plans.body.plans).toHaveLength(1);
      expect(plans.body.plans[0]?.version).toBeGreaterThan(0);
    } finally {
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
    expect(server.stderr()).toContain('imported');
  });
});
