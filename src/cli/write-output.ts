/**
 * Where a command's output goes: stdout, or with `--out FILE` a file written atomically — the text goes
 * to a temporary file next to FILE, is flushed to disk, then renamed over FILE, so a reader never sees a
 * half-written file and a failure leaves FILE as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors/cli-error.js';
import { describeFsError } from './errors/fs-error.js';
import { ExitCode } from './exit-codes.js';
import { type CliIo, write } from './io.js';

export async function emit(io: CliIo, text: string, outFile?: string): Promise<void> {
  if (outFile === undefined) return write(io.stdout, text);
  return writeFileAtomically(outFile, text);
}

export async function writeFileAtomically(file: string, text: string | Uint8Array): Promise<void> {
  // Same directory as the target: rename(2) is atomic only within one file system.
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text); // a string is written as UTF-8
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as { code?: unknown }).code;
    // The temporary file is created first: ENOENT there means the directory is missing, not the file.
    const reason = code === 'ENOENT' ? `no such directory ${dirname(file)}` : describeFsError(error);
    throw new CliError([`error: cannot write ${file}: ${reason}`], ExitCode.invalidInput);
  }
}
