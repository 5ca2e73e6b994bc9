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

  it('adds demo users once on an empty database, and serves the dashboard under /app/', async () => {
    const db = tmp('demo');
    const server = await startServe({ db, plan: tmp('small.yaml'), args: ['--demo-users'] });
    let delegate: { name: string; password: string } | undefined;
    try {
      // Small plan: UKR is protected; FAR and BIG are its partners.
      const lines = server.stderr().split('\n');
      const passwordOf = (name: string) =>
        lines
          .find((l) => l.trim().startsWith(`${name} `))
          ?.trim()
          .split(/\s+/)[1] ?? '';
      expect(['host', 'delegate-far', 'delegate-big', 'analyst'].map(passwordOf)).not.toContain('');
      delegate = { name: 'delegate-far', password: passwordOf('delegate-far') };
      const login = await server.request('POST', '/login', { body: delegate });
      expect(login.body.user).toEqual({ name: 'delegate-far', role: 'delegate', actor: 'FAR' });

      const root = await fetch(`${server.base}/`, { redirect: 'manual' });
      expect([root.status, root.headers.get('location')]).toEqual([302, '/app/']);
      // Any view's URL is the page (the dashboard routes in the browser), without a token.
      const page = await fetch(`${server.base}/app/overview?plan=x`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const bundle = await fetch(`${server.base}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect([
        bundle.status,
        bundle.headers.get('cache-control'),
        bundle.headers.get('content-encoding'),
      ]).toEqual([200, 'public, max-age=31536000, immutable', 'gzip']);
      expect((await bundle.text()).length).toBeGreaterThan(100_000);
      expect((await fetch(`${server.base}/app/../package.json`)).status).not.toBe(200);
    } finally {
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
    // A second start keeps the users it has: the same password still logs in, none are printed.
    const again = await startServe({ db, args: ['--demo-users'], ...(delegate ? { login: delegate } : {}) });
    try {
      expect(again.stderr()).not.toContain('demo users');
    } finally {
      await again.stop();
    }
  });
});
