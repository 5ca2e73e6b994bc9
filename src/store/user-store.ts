/**
 * The server's users and their bearer tokens: the port (kysely-users.ts implements it on both databases).
 * Not part of the ledger: users are never deleted, a token's revocation is set in place.
 */
import type { Result } from '../core/result.js';

export const ROLES = ['host', 'delegate', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** A `session` comes from logging in; an `api` token is made for a script and carries a label. */
export const TOKEN_KINDS = ['session', 'api'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** A server user; a delegate speaks for one actor. The password hash never leaves the store's callers. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The actor a delegate writes for; undefined for host and analyst. */
  readonly actor?: string;
  readonly passwordHash: string;
}

/** A user as lists show it: no password hash. */
export interface UserSummary {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly actor?: string;
  readonly created: Date;
}

/** A token as lists show it: its public id, never the token or its hash. */
export interface TokenSummary {
  readonly id: string;
  readonly userId: string;
  /** The owner's name. */
  readonly user: string;
  readonly kind: TokenKind;
  readonly label?: string;
  readonly created: Date;
  /** Updated at most once a minute (a write per request would cost every read). */
  readonly lastUsed?: Date;
  readonly revoked?: Date;
}

export interface NewToken {
  readonly kind?: TokenKind;
  readonly label?: string;
}

export interface UserStore {
  /** Adds a user; `NAME_TAKEN` when the name exists. */
  createUser(
    user: Omit<User, 'id'>,
  ): Promise<Result<User, { readonly code: 'NAME_TAKEN'; readonly message: string }>>;
  userByName(name: string): Promise<User | undefined>;
  /** Every user, oldest first. */
  users(): Promise<readonly UserSummary[]>;
  /** Stores a token by its hash (never the token itself); a session unless `kind` says otherwise. */
  createToken(hash: string, userId: string, token?: NewToken): Promise<TokenSummary>;
  /** The user of a token that exists and is not revoked. */
  userByToken(hash: string): Promise<User | undefined>;
  /** Revokes a token; false when there was no such live token. */
  revokeToken(hash: string): Promise<boolean>;
  /** Tokens, oldest first: every user's, or one user's. */
  tokens(filter?: { readonly userId?: string }): Promise<readonly TokenSummary[]>;
  /** Revokes a token by its public id (only the user's, when `userId` is given); false when none was live. */
  revokeTokenById(id: string, filter?: { readonly userId?: string }): Promise<boolean>;
}
