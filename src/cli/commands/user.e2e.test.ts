/**
 * `guarantor user add|list|token` end to end on a PGlite folder (one process at a time holds it): the
 * password and the token are printed once, on stdout alone; the list shows no hash; a token made here
 * is an API token the store knows by its hash.
 */
import { describe, expect, it } from 'vitest';
import { tokenHash } from '../../server/passwords.js';
import { openStore } from '../../store/open-store.js';
import { guarantor, SLOW, tempPlans } from '../../test-support/cli-harness.js';

const tmp = tempPlans('guarantor-user-', {});

describe('guarantor user', { timeout: SLOW }, () => {
  it('adds users, lists them without hashes, and prints an API token once', async () => {
    const db = tmp('ledger');
    const added = await guarantor(['user', 'add', 'lead', '--role', 'host', '--db', db]);
    expect(added.code).toBe(0);
    await guarantor(['user', 'add', 'fra', '--role', 'delegate', '--actor', 'FRA', '--db', db]);

    const list = await guarantor(['user', 'list', '--db', db]);
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^name\s+role\s+actor\s+created$/);
    expect(lines[1]).toMatch(/^lead\s+host\s+\d{4}-/);
    expect(lines[2]).toMatch(/^fra\s+delegate\s+FRA\s+\d{4}-/);
    expect(list.stdout).not.toMatch(/scrypt/);

    const made = await guarantor(['user', 'token', 'fra', '--label', 'nightly sync', '--db', db]);
    expect(made.code).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toMatch(/made API token [0-9a-f]{16} "nightly sync" for fra/);

    const store = await openStore(db);
    try {
      expect(await store.userByToken(tokenHash(token))).toMatchObject({ name: 'fra', actor: 'FRA' });
      const tokens = await store.tokens();
      expect(tokens).toEqual([expect.objectContaining({ user: 'fra', kind: 'api', label: 'nightly sync' })]);
    } finally {
      await store.close();
    }
  });

  it('refuses a token for an unknown user, and without a label', async () => {
    const db = tmp('ledger-2');
    const unknown = await guarantor(['user', 'token', 'ghost', '--label', 'x', '--db', db]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('no user "ghost"');
    const unlabelled = await guarantor(['user', 'token', 'ghost', '--db', db]);
    expect(unlabelled).toMatchObject({ code: 2, stdout: '' });
    expect((await guarantor(['user', 'token', 'ghost', '--label', ' ', '--db', db])).code).toBe(2);
  });
});
