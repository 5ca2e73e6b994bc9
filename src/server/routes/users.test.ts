/**
 * Users, API tokens and the login rate limit through the API, on PGlite and on PostgreSQL (unless
 * GUARANTOR_TEST_PG=0): a token works, is listed without its secret, stops working once revoked; the
 * sixth failed login within a minute gets 429 until the window passes (an injected clock, no sleeping).
 */
import { describe, expect, it } from 'vitest';
import { storeHarnesses } from '../../test-support/test-stores.js';
import { createApp } from '../app.js';
import { json, useTestApi, withToken } from '../test-app.js';

interface TokenView {
  id: string;
  user: string;
  kind: string;
  label: string | null;
  lastUsed: string | null;
  revoked: string | null;
}

describe.each(storeHarnesses())('users and tokens on $name', (harness) => {
  const ctx = useTestApi(harness);
  const { request } = ctx;
  const listTokens = async (token: string | undefined, query = '') =>
    (
      (await (await ctx.api.app.request(`/tokens${query}`, withToken(token))).json()) as {
        tokens: TokenView[];
      }
    ).tokens;

  it('makes an API token that works, is listed without its secret, and stops working when revoked', async () => {
    const made = await request('delegate', '/tokens', json('POST', { label: 'nightly sync' }));
    expect(made.status).toBe(201);
    const { id, token, kind } = (await made.json()) as { id: string; token: string; kind: string };
    expect(kind).toBe('api');
    const me = await ctx.api.app.request('/me', withToken(token));
    expect(await me.json()).toEqual({ user: { name: 'delegate', role: 'delegate', actor: 'FRA' } });

    const own = await listTokens(token);
    const listed = own.find((t) => t.id === id);
    expect(listed).toMatchObject({ user: 'delegate', kind: 'api', label: 'nightly sync', revoked: null });
    expect(listed?.lastUsed).toEqual(expect.any(String));
    expect(JSON.stringify(own)).not.toContain(token);
    expect(own.every((t) => t.user === 'delegate')).toBe(true);

    // Another user cannot revoke it, nor see it.
    expect((await request('analyst', `/tokens/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await listTokens(ctx.api.tokens.analyst)).map((t) => t.id)).not.toContain(id);
    expect((await ctx.api.app.request('/plans', withToken(token))).status).toBe(200);

    expect((await ctx.api.app.request(`/tokens/${id}`, withToken(token, { method: 'DELETE' }))).status).toBe(
      200,
    );
    const after = await ctx.api.app.request('/plans', withToken(token));
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect((await request('delegate', `/tokens/${id}`, { method: 'DELETE' })).status).toBe(404);
    const revoked = (await listTokens(ctx.api.tokens.delegate)).find((t) => t.id === id);
    expect(revoked?.revoked).toEqual(expect.any(String));
  });

  it("lets the host make, list and revoke other users' tokens", async () => {
    const made = await request(
      'host',
      '/tokens',
      json('POST', { label: 'for the analyst', user: 'analyst' }),
    );
    expect(made.status).toBe(201);
    const { id, token, user } = (await made.json()) as { id: string; token: string; user: string };
    expect(user).toBe('analyst');
    expect(await (await ctx.api.app.request('/me', withToken(token))).json()).toMatchObject({
      user: { name: 'analyst' },
    });
    const all = await listTokens(ctx.api.tokens.host, '?all=true');
    expect(all.find((t) => t.id === id)).toMatchObject({ user: 'analyst', label: 'for the analyst' });
    expect(new Set(all.map((t) => t.user))).toEqual(new Set(['host', 'delegate', 'analyst']));
    expect((await request('host', `/tokens/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await ctx.api.app.request('/me', withToken(token))).status).toBe(401);
    const nobody = await request('host', '/tokens', json('POST', { label: 'x', user: 'nobody' }));
    expect(nobody.status).toBe(404);
  });

  it('adds users with a one-time password that logs in; names stay unique', async () => {
    const made = await request(
      'host',
      '/users',
      json('POST', { name: 'deu-lead', role: 'delegate', actor: 'DEU' }),
    );
    expect(made.status).toBe(201);
    const { user, password } = (await made.json()) as { user: object; password: string };
    expect(user).toEqual({ name: 'deu-lead', role: 'delegate', actor: 'DEU' });
    expect(password.length).toBeGreaterThanOrEqual(20);
    const login = await ctx.api.app.request('/login', json('POST', { name: 'deu-lead', password }));
    expect(login.status).toBe(200);
    const again = await request('host', '/users', json('POST', { name: 'deu-lead', role: 'analyst' }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'NAME_TAKEN', path: 'name' } });
    for (const body of [
      { name: 'x', role: 'delegate' },
      { name: 'x', role: 'analyst', actor: 'FRA' },
      { name: 'x', role: 'admin' },
      { name: ' padded ', role: 'analyst' },
    ]) {
      expect((await request('host', '/users', json('POST', body))).status).toBe(400);
    }
    const users = (await (await request('host', '/users')).json()) as { users: { name: string }[] };
    expect(users.users.map((u) => u.name)).toEqual(expect.arrayContaining(['host', 'deu-lead']));
    expect(JSON.stringify(users)).not.toMatch(/scrypt|passwordHash/);
  });

  describe('login rate limit', () => {
    const bad = (name: string) => json('POST', { name, password: 'wrong' });
    const good = (name: string) => json('POST', { name, password: `${name}-secret` });
    /** A Node socket's peer, as @hono/node-server passes it to getConnInfo. */
    const from = (address: string) => ({
      incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4' } },
    });

    it('answers the sixth failed login within the window with 429 and Retry-After, then 401 again', async () => {
      let clock = 1_000_000;
      const app = createApp({ store: ctx.store, now: () => clock });
      for (let i = 0; i < 5; i++) {
        expect((await app.request('/login', bad('host'))).status).toBe(401);
        clock += 1000;
      }
      const limited = await app.request('/login', bad('host'));
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(Number(limited.headers.get('Retry-After'))).toBe(55);
      // Even the right password waits: the limit is on trying.
      expect((await app.request('/login', good('host'))).status).toBe(429);
      clock += 55_000;
      expect((await app.request('/login', bad('host'))).status).toBe(401);
      clock += 60_000;
      expect((await app.request('/login', good('host'))).status).toBe(200);
    });

    it('counts per name across addresses and per address across names', async () => {
      let clock = 5_000_000;
      const app = createApp({ store: ctx.store, now: () => clock });
      for (let i = 0; i < 5; i++) {
        expect((await app.request('/login', bad('delegate'), from(`10.0.0.${i}`))).status).toBe(401);
      }
      expect((await app.request('/login', bad('delegate'), from('10.0.1.1'))).status).toBe(429);
      // A success of another name does not reset this one's count, and that name is not limited.
      expect((await app.request('/login', good('analyst'), from('10.0.2.1'))).status).toBe(200);
      expect((await app.request('/login', good('delegate'), from('10.0.2.2'))).status).toBe(429);

      for (let i = 0; i < 5; i++) {
        expect((await app.request('/login', bad(`nobody-${i}`), from('10.9.9.9'))).status).toBe(401);
      }
      expect((await app.request('/login', good('analyst'), from('10.9.9.9'))).status).toBe(429);
      expect((await app.request('/login', good('analyst'), from('10.9.9.8'))).status).toBe(200);
      clock += 61_000;
      expect((await app.request('/login', good('delegate'), from('10.9.9.9'))).status).toBe(200);
    });
  });
});
