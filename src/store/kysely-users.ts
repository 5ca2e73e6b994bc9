/**
 * Users and tokens on either database (the same Kysely queries on PGlite and PostgreSQL). Tokens are kept
 * by their SHA-256 hash only (the server hashes them), so a copy of the database lets nobody log in.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { err, ok } from '../core/result.js';
import type { Database, UsersTable } from './database.js';
import type { Role, User, UserStore } from './user-store.js';

export function userQueries(db: Kysely<Database>): UserStore {
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
    createToken: async (hash, userId) => {
      await db
        .insertInto('tokens')
        .values({ hash, id: randomBytes(8).toString('hex'), user_id: userId })
        .execute();
    },
    userByToken: async (hash) => {
      const row = await db
        .selectFrom('tokens')
        .innerJoin('users', 'users.id', 'tokens.user_id')
        .selectAll('users')
        .where('tokens.hash', '=', hash)
        .where('tokens.revoked', 'is', null)
        .executeTakeFirst();
      return row === undefined ? undefined : toUser(row);
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
  };
}

function toUser(row: Selectable<UsersTable>): User {
  const user = { id: row.id, name: row.name, role: row.role as Role, passwordHash: row.password_hash };
  return row.actor === null ? user : { ...user, actor: row.actor };
}
