/**
 * The UserStore contract on every database (PGlite, and PostgreSQL unless GUARANTOR_TEST_PG=0): users,
 * session and API tokens by hash, listing without secrets, revocation by hash and by public id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeHarnesses } from '../test-support/test-stores.js';
import type { Store, User } from './store.js';

describe.each(storeHarnesses())('UserStore on $name', (harness) => {
  let store: Store;
  let ana: User;
  let bo: User;
  beforeAll(async () => {
    store = await harness.setUp();
    const made = await Promise.all([
      store.createUser({ name: 'ana', role: 'host', passwordHash: 'h-ana' }),
      store.createUser({ name: 'bo', role: 'delegate', actor: 'FRA', passwordHash: 'h-bo' }),
    ]);
    if (!made[0].ok || !made[1].ok) throw new Error('users');
    [ana, bo] = [made[0].value, made[1].value];
  });
  afterAll(() => harness.tearDown(store));

  it('lists users without their password hashes', async () => {
    const users = await store.users();
    expect(users.map((u) => u.name)).toEqual(expect.arrayContaining(['ana', 'bo']));
    expect(users.find((u) => u.name === 'bo')).toMatchObject({ role: 'delegate', actor: 'FRA' });
    expect(users.find((u) => u.name === 'ana')).not.toHaveProperty('actor');
    expect(JSON.stringify(users)).not.toContain('h-ana');
  });

  it('keeps a taken name taken', async () => {
    expect(await store.createUser({ name: 'ana', role: 'analyst', passwordHash: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NAME_TAKEN' },
    });
  });

  it('makes API tokens with a label and lists them by public id only', async () => {
    const api = await store.createToken('hash-api-1', bo.id, { kind: 'api', label: 'nightly import' });
    const session = await store.createToken('hash-session-1', bo.id);
    expect(api).toMatchObject({ userId: bo.id, user: 'bo', kind: 'api', label: 'nightly import' });
    expect(session).toMatchObject({ kind: 'session' });
    expect(session).not.toHaveProperty('label');
    expect(api.id).not.toBe(session.id);
    const own = await store.tokens({ userId: bo.id });
    expect(own.map((t) => t.id)).toEqual(expect.arrayContaining([api.id, session.id]));
    expect(JSON.stringify(own)).not.toContain('hash-api-1');
    expect((await store.tokens()).length).toBeGreaterThanOrEqual(own.length);
    expect(await store.tokens({ userId: 'nobody' })).toEqual([]);
  });

  it('records when a token was last used', async () => {
    const made = await store.createToken('hash-used', ana.id, { kind: 'api', label: 'x' });
    expect(made).not.toHaveProperty('lastUsed');
    expect(await store.userByToken('hash-used')).toEqual(ana);
    const listed = (await store.tokens({ userId: ana.id })).find((t) => t.id === made.id);
    expect(listed?.lastUsed).toBeInstanceOf(Date);
  });

  it('revokes a token by id for its owner only, at once', async () => {
    const made = await store.createToken('hash-api-2', bo.id, { kind: 'api', label: 'script' });
    expect(await store.userByToken('hash-api-2')).toEqual(bo);
    expect(await store.revokeTokenById(made.id, { userId: ana.id })).toBe(false);
    expect(await store.userByToken('hash-api-2')).toEqual(bo);
    expect(await store.revokeTokenById(made.id, { userId: bo.id })).toBe(true);
    expect(await store.userByToken('hash-api-2')).toBeUndefined();
    expect(await store.revokeTokenById(made.id)).toBe(false);
    const listed = (await store.tokens({ userId: bo.id })).find((t) => t.id === made.id);
    expect(listed?.revoked).toBeInstanceOf(Date);
  });

  it('lets any id be revoked without an owner filter, and ignores unknown ids', async () => {
    const made = await store.createToken('hash-api-3', bo.id, { kind: 'api', label: 'host revokes' });
    expect(await store.revokeTokenById(made.id)).toBe(true);
    expect(await store.revokeTokenById('no-such-id')).toBe(false);
    expect(await store.revokeTokenById("x' or '1'='1")).toBe(false);
  });

  it('stores SQL meta-characters verbatim in names and labels', async () => {
    const name = `o'brien"; drop table users; -- $1 \\`;
    const made = await store.createUser({ name, role: 'analyst', passwordHash: 'h' });
    expect(made.ok).toBe(true);
    expect(await store.userByName(name)).toMatchObject({ name });
    if (!made.ok) return;
    const token = await store.createToken('hash-meta', made.value.id, { kind: 'api', label: name });
    expect(token.label).toBe(name);
  });
});
