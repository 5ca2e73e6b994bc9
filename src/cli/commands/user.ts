/**
 * `guarantor user add NAME --role host|delegate|analyst [--actor ID]`: adds a server user and prints a
 * one-time password (only it, on stdout); the store keeps its scrypt hash, never the password.
 */
import { InvalidArgumentError } from '@commander-js/extra-typings';
import { hashPassword, newPassword } from '../../server/passwords.js';
import { ROLES, type Role } from '../../store/store.js';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';
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
