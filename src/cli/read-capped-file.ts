/**
 * Reads a whole file, refusing one larger than a limit before it is read into memory (and again after,
 * should it have grown meanwhile). Every failure is a CliError: `cannot read PATH: why`, or the caller's
 * message for a file that is too large. Shared by plan files and spreadsheet tables.
 */
import { open } from 'node:fs/promises';
import { CliError } from './errors/cli-error.js';
import { describeFsError } from './errors/fs-error.js';
import { ExitCode } from './exit-codes.js';

export async function readCappedFile(
  path: string,
  maxBytes: number,
  tooLarge: (path: string, bytes: number) => CliError,
): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(path, stat.size);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw tooLarge(path, bytes.length);
    return bytes;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError([`error: cannot read ${path}: ${describeFsError(error)}`], ExitCode.invalidInput);
  } finally {
    await handle?.close();
  }
}
