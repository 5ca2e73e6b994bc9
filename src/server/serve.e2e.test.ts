/**
 * `guarantor serve` over real HTTP: add a user, start the server on a free port of 127.0.0.1 with a plan
 * imported on first start, log in and read the plan, then stop it (SIGTERM) and check it exits cleanly.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SMALL_PLAN_YAML } from '../core/views/testing/small-plan.js';
import { guarantor, ROOT, SLOW, tempPlans } from '../test-support/cli-harness.js';
import { cliPath } from '../test-support/dist.js';

const tmp = tempPlans('guarantor-serve-', { 'small.yaml': SMALL_PLAN_YAML });

/** A port nobody listens on right now (the kernel's choice for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

describe('guarantor serve', { timeout: SLOW }, () => {
  it('serves login and plans over HTTP, then stops on SIGTERM', async () => {
    const db = tmp('ledger');
    const added = await guarantor(['user', 'add', 'lead', '--role', 'host', '--db', db]);
    expect(added.code).toBe(0);
    const password = added.stdout.trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await guarantor(['user', 'add', 'x', '--role', 'delegate', '--db', db])).toMatchObject({
      code: 2,
    });

    const port = await freePort();
    const child = spawn(
      process.execPath,
      [cliPath, 'serve', '--port', String(port), '--db', db, '--plan', tmp('small.yaml')],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const listening = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes(`http://127.0.0.1:${port}`)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await listening;
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/plans`)).status).toBe(401);
      const login = await fetch(`${base}/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'lead', password }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const plans = await fetch(`${base}/plans`, { headers: { Authorization: `Bearer ${token}` } });
      expect(plans.status).toBe(200);
      const body = (await plans.json()) as { plans: { id: string; version: number }[] };
      expect(body.plans).toHaveLength(1);
      expect(body.plans[0]?.version).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('imported');
  });
});
