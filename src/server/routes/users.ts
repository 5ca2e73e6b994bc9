/**
 * The caller, users and API tokens. The host manages users (a new user gets a one-time password, as with
 * `guarantor user add`); anyone makes, lists and revokes their own API tokens (a host anyone's). A token
 * is shown once, when made; lists show its public id, never the token or its hash.
 */
import type { Context } from 'hono';
import type { Store, User } from '../../store/store.js';
import type { TokenSummary } from '../../store/user-store.js';
import { fail } from '../api-error.js';
import type { App, RouteDeps } from '../app-env.js';
import { forbidden } from '../ledger-write.js';
import { hashPassword, newPassword, newToken, tokenHash } from '../passwords.js';
import { readBody } from '../request-body.js';
import { createTokenBody, createUserBody } from '../schemas.js';

export function userRoutes(app: App, { store }: RouteDeps): void {
  app.get('/me', (c) => c.json({ user: publicUser(c.get('user')) }));

  app.get('/users', async (c) => {
    if (c.get('user').role !== 'host') return forbidden(c, 'only the host manages users');
    const users = await store.users();
    return c.json({ users: users.map((u) => ({ ...publicUser(u), created: u.created })) });
  });

  app.post('/users', async (c) => {
    if (c.get('user').role !== 'host') return forbidden(c, 'only the host manages users');
    const body = await readBody(c, createUserBody);
    if (!body.ok) return body.response;
    const { name, role, actor } = body.value;
    const password = newPassword();
    const made = await store.createUser({
      name,
      role,
      ...(actor === undefined ? {} : { actor }),
      passwordHash: await hashPassword(password),
    });
    if (!made.ok) return fail(c, 409, { code: 'NAME_TAKEN', message: made.error.message, path: 'name' });
    return c.json({ user: publicUser(made.value), password }, 201);
  });

  app.post('/tokens', async (c) => {
    const caller = c.get('user');
    const body = await readBody(c, createTokenBody);
    if (!body.ok) return body.response;
    const owner = await tokenOwner(c, store, caller, body.value.user);
    if (!owner.ok) return owner.response;
    const token = newToken();
    const made = await store.createToken(tokenHash(token), owner.user.id, {
      kind: 'api',
      label: body.value.label,
    });
    return c.json({ ...publicToken(made), token }, 201);
  });

  app.get('/tokens', async (c) => {
    const caller = c.get('user');
    const all = c.req.query('all') === 'true';
    if (all && caller.role !== 'host') return forbidden(c, "only the host lists everyone's tokens");
    const tokens = await store.tokens(all ? {} : { userId: caller.id });
    return c.json({ tokens: tokens.map(publicToken) });
  });

  app.delete('/tokens/:tokenId', async (c) => {
    const caller = c.get('user');
    // Someone else's token is as unknown to a non-host as a token that does not exist.
    const revoked = await store.revokeTokenById(
      c.req.param('tokenId'),
      caller.role === 'host' ? {} : { userId: caller.id },
    );
    if (!revoked)
      return fail(c, 404, { code: 'NOT_FOUND', message: `no live token "${c.req.param('tokenId')}"` });
    return c.json({ ok: true });
  });
}

/** A user as the API shows it: no id, no hash. */
export function publicUser(user: Pick<User, 'name' | 'role' | 'actor'>) {
  return { name: user.name, role: user.role, ...(user.actor === undefined ? {} : { actor: user.actor }) };
}

/** The caller, or (host only) the user named in the body. */
async function tokenOwner(
  c: Context,
  store: Store,
  caller: User,
  name: string | undefined,
): Promise<{ ok: true; user: User } | { ok: false; response: Response }> {
  if (name === undefined || name === caller.name) return { ok: true, user: caller };
  if (caller.role !== 'host') {
    return { ok: false, response: forbidden(c, 'only the host makes tokens for other users') };
  }
  const user = await store.userByName(name);
  if (user === undefined) {
    return {
      ok: false,
      response: fail(c, 404, { code: 'NOT_FOUND', message: `no user "${name}"`, path: 'user' }),
    };
  }
  return { ok: true, user };
}

function publicToken(token: TokenSummary) {
  return {
    id: token.id,
    user: token.user,
    kind: token.kind,
    label: token.label ?? null,
    created: token.created,
    lastUsed: token.lastUsed ?? null,
    revoked: token.revoked ?? null,
  };
}
