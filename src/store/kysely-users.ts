/**
 * Users and tokens on either database (the same Kysely queries on PGlite and PostgreSQL). Tokens are kept
 * by their SHA-256 hash only (the server hashes them), so a copy of the database lets nobody log in.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { err, ok } from '../core/result.js';
import type { Database, TokensTable, UsersTable } from './database.js';
import type { Role, TokenSummary, User, UserStore, UserSummary } from './user-store.js';

/** `last_used` is refreshed when older than this: an exact time would make every request a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function userQueries(db: Kysely<Database>): UserStore {
  const tokenRows = () =>
    db
      .selectFrom('tokens')
      .innerJoin('users', 'users.id', 'tokens.user_id')
      .selectAll('tokens')
      .select('users.name as user_name');
  return {
    createUser: async (user) => {
      const id = randomBytes(8).toString('hex');
      // `on conflict do nothing`: a taken name is an answer, not an aborted transaction.
      const inserted = await db
        .insertInto('users')
        .values({
          id,
          name: user.name,
          role: user.role,
          actor: user.actor ?? null,
          password_hash: user.passwordHash,
        })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted === undefined) return err({ code: 'NAME_TAKEN', message: `a user "${user.name}" exists` });
      return ok({ ...user, id });
    },
    userByName: async (name) => {
      const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      return row === undefined ? undefined : toUser(row);
    },
    users: async () => {
      const rows = await db.selectFrom('users').selectAll().orderBy('created').orderBy('name').execute();
      return rows.map(toUserSummary);
    },
    createToken: async (hash, userId, token = {}) => {
      const id = randomBytes(8).toString('hex');
      await db
        .insertInto('tokens')
        .values({ hash, id, user_id: userId, kind: token.kind ?? 'session', label: token.label ?? null })
        .execute();
      const row = await tokenRows().where('tokens.id', '=', id).executeTakeFirstOrThrow();
      return toTokenSummary(row);
    },
    userByToken: async (hash) => {
      const row = await db
        .selectFrom('tokens')
        .innerJoin('users', 'users.id', 'tokens.user_id')
        .selectAll('users')
        .select(['tokens.id as token_id', 'tokens.last_used'])
        .where('tokens.hash', '=', hash)
        .where('tokens.revoked', 'is', null)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const now = new Date();
      if (row.last_used === null || now.getTime() - row.last_used.getTime() > LAST_USED_RESOLUTION_MS) {
        await db.updateTable('tokens').set({ last_used: now }).where('id', '=', row.token_id).execute();
      }
      return toUser(row);
    },
    revokeToken: async (hash) => {
      const result = await db
        .updateTable('tokens')
        .set({ revoked: new Date() })
        .where('hash', '=', hash)
        .where('revoked', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    tokens: async (filter = {}) => {
      let query = tokenRows();
      if (filter.userId !== undefined) query = query.where('tokens.user_id', '=', filter.userId);
      const rows = await query.orderBy('tokens.created').orderBy('tokens.id').execute();
      return rows.map(toTokenSummary);
    },
    revokeTokenById: async (id, filter = {}) => {
      let query = db
        .updateTable('tokens')
        .set({ revoked: new Date() })
        .where('id', '=', id)
        .where('revoked', 'is', null);
      if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

function toUser(row: Selectable<UsersTable>): User {
  const user = { id: row.id, name: row.name, role: row.role as Role, passwordHash: row.password_hash };
  return row.actor === null ? user : { ...user, actor: row.actor };
}

function toUserSummary(row: Selectable<UsersTable>): UserSummary {
  const user = { id: row.id, name: row.name, role: row.role as Role, created: row.created };
  return row.actor === null ? user : { ...user, actor: row.actor };
}

function toTokenSummary(row: Selectable<TokensTable> & { user_name: string }): TokenSummary {
  return {
    id: row.id,
    userId: row.user_id,
    user: row.user_name,
    kind: row.kind,
    ...(row.label === null ? {} : { label: row.label }),
    created: row.created,
    ...(row.last_used === null ? {} : { lastUsed: row.last_used }),
    ...(row.revoked === null ? {} : { revoked: row.revoked }),
  };
}
