import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from './errors/cli-error.js';
import { writeFileAtomically } from './write-output.js';

describe('writeFileAtomically', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guarantor-out-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the file and leaves no temporary file behind', async () => {
    const file = join(dir, 'result.json');
    await writeFile(file, 'old');
    await writeFileAtomically(file, '{"new":true}\n');
    expect(await readFile(file, 'utf8')).toBe('{"new":true}\n');
    expect(await readdir(dir)).toEqual(['result.json']);
  });

  it('fails with a clear message when the directory does not exist', async () => {
    const file = join(dir, 'missing', 'result.json');
    const error = await writeFileAtomically(file, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).lines).toEqual([
      `error: cannot write ${file}: no such directory ${join(dir, 'missing')}`,
    ]);
    expect((error as CliError).exitCode).toBe(1);
  });

  it('leaves the target as it was when the rename fails', async () => {
    // A directory in the target's place: the temporary file is written, the rename fails.
    const target = join(dir, 'taken');
    await rm(target, { recursive: true, force: true });
    await writeFile(join(dir, 'keep'), 'x');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomically(target, 'x')).rejects.toBeInstanceOf(CliError);
    expect((await readdir(dir)).sort()).toEqual(['keep', 'result.json', 'taken']);
  });
});
