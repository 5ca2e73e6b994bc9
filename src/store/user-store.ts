/**
 * The server's users and their bearer tokens: the port (kysely-users.ts implements it on both databases).
 * Not part of the ledger: users are never deleted, a token's revocation is set in place.
 */
import type { Result } from '../core/result.js';

export const ROLES = ['host', 'delegate', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** A server user; a delegate speaks for one actor. The password hash never leaves the store's callers. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The actor a delegate writes for; undefined for host and analyst. */
  readonly actor?: string;
  readonly passwordHash: string;
}

export interface UserStore {
  /** Adds a user; `NAME_TAKEN` when the name exists. */
  createUser(
    user: Omit<User, 'id'>,
  ): Promise<Result<User, { readonly code: 'NAME_TAKEN'; readonly message: string }>>;
  userByName(name: string): Promise<User | undefined>;
  /** Stores a token by its hash (never the token itself). */
  createToken(hash: string, userId: string): Promise<void>;
  /** The user of a token that exists and is not revoked. */
  userByToken(hash: string): Promise<User | undefined>;
  /** Revokes a token; false when there was no such live token. */
  revokeToken(hash: string): Promise<boolean>;
}
