import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFolder } from './folder-lock.js';

const dir = join(tmpdir(), `guarantor-lock-${randomBytes(6).toString('hex')}`);
const path = join(dir, 'lock');
beforeAll(() => mkdir(dir, { recursive: true }));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lockFolder', () => {
  it('holds the lock with its pid, refuses a second holder, and frees it on release', async () => {
    const lock = await lockFolder(path);
    expect(await readFile(path, 'utf8')).toBe(`${process.pid}\n`);
    await expect(lockFolder(path)).rejects.toMatchObject({ code: 'DB_LOCKED' });
    await lock.release();
    const again = await lockFolder(path);
    await again.release();
  });

  it('takes over a stale lock whose process is gone, or whose file is garbage', async () => {
    for (const content of ['999999999\n', 'garbage']) {
      await writeFile(path, content);
      const lock = await lockFolder(path);
      expect(await readFile(path, 'utf8')).toBe(`${process.pid}\n`);
      await lock.release();
    }
  });
});
