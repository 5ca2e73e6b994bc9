/**
 * `guarantor user add|list|token`: the server's users from the command line. `add` prints a one-time
 * password, `token` a new API token (each only it, on stdout, shown once: the store keeps hashes only);
 * `list` prints the users, never a hash.
 */
import { InvalidArgumentError } from '@commander-js/extra-typings';
import { hashPassword, newPassword, newToken, tokenHash } from '../../server/passwords.js';
import { ROLES, type Role } from '../../store/store.js';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';
import { renderTable } from '../render/table.js';
import { type DbFlags, withStore } from './db.js';

export interface UserAddFlags extends DbFlags {
  readonly role: Role;
  readonly actor?: string;
}

export function parseRole(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new InvalidArgumentError(`It must be one of ${ROLES.join(', ')}.`);
}

export async function userAddCommand(name: string, flags: UserAddFlags, io: CliIo): Promise<ExitCode> {
  if ((flags.role === 'delegate') !== (flags.actor !== undefined)) {
    throw new CliError(
      ['error: --actor ID is required for a delegate, and only for a delegate'],
      ExitCode.usage,
    );
  }
  if (name.trim() === '') throw new CliError(['error: the user name is empty'], ExitCode.usage);
  return withStore(flags, io, async (store) => {
    await store.migrate();
    const password = newPassword();
    const made = await store.createUser({
      name,
      role: flags.role,
      ...(flags.actor === undefined ? {} : { actor: flags.actor }),
      passwordHash: await hashPassword(password),
    });
    if (!made.ok) throw new CliError([`error: ${made.error.message}`], ExitCode.invalidInput);
    await write(io.stdout, `${password}\n`);
    await write(io.stderr, `added ${flags.role} ${name}; the password above is shown once\n`);
    return ExitCode.ok;
  });
}

/** The users, oldest first: name, role, actor, created. */
export async function userListCommand(flags: DbFlags, io: CliIo): Promise<ExitCode> {
  return withStore(flags, io, async (store) => {
    await store.migrate();
    const users = await store.users();
    const lines = renderTable(
      [{ header: 'name' }, { header: 'role' }, { header: 'actor' }, { header: 'created' }],
      users.map((u) => [u.name, u.role, u.actor ?? '', u.created.toISOString()]),
    );
    await write(io.stdout, `${lines.join('\n')}\n`);
    return ExitCode.ok;
  });
}

export interface UserTokenFlags extends DbFlags {
  readonly label: string;
}

/** Makes an API token for a user (a script's bearer token) and prints it once. */
export async function userTokenCommand(name: string, flags: UserTokenFlags, io: CliIo): Promise<ExitCode> {
  if (flags.label.trim() === '') throw new CliError(['error: the --label is empty'], ExitCode.usage);
  return withStore(flags, io, async (store) => {
    await store.migrate();
    const user = await store.userByName(name);
    if (user === undefined) {
      throw new CliError([`error: no user "${name}" (see guarantor user list)`], ExitCode.invalidInput);
    }
    const token = newToken();
    const made = await store.createToken(tokenHash(token), user.id, { kind: 'api', label: flags.label });
    await write(io.stdout, `${token}\n`);
    await write(
      io.stderr,
      `made API token ${made.id} "${flags.label}" for ${name}; the token above is shown once ` +
        '(revoke it with DELETE /tokens/ID)\n',
    );
    return ExitCode.ok;
  });
}
