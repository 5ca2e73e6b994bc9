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

  it('takes over a stale lock whose process is gone, or whose file is garbage or stays empty', async () => {
    for (const content of ['999999999\n', 'garbage', '']) {
      await writeFile(path, content);
      const lock = await lockFolder(path);
      expect(await readFile(path, 'utf8')).toBe(`${process.pid}\n`);
      await lock.release();
    }
  });

  it('takes over a lock naming its own pid that it does not hold (a restart that got the same pid)', async () => {
    // As after `kill -9` of a server that was pid 1 in a container, restarted as pid 1 again.
    await writeFile(path, `${process.pid}\n`);
    const lock = await lockFolder(path);
    expect(await readFile(path, 'utf8')).toBe(`${process.pid}\n`);
    await expect(lockFolder(path)).rejects.toMatchObject({ code: 'DB_LOCKED' });
    await lock.release();
  });

  it('waits for the pid of an empty lock file that its owner is writing', async () => {
    await writeFile(path, '');
    // pid 1 is alive (init), so the lock is in use once the owner has written it.
    const refused = expect(lockFolder(path)).rejects.toMatchObject({ code: 'DB_LOCKED' });
    await writeFile(path, '1\n');
    await refused;
    await rm(path);
  });

  it('refuses a second holder in the same process, even while the file is still empty', async () => {
    const [first, second] = await Promise.allSettled([lockFolder(path), lockFolder(path)]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const taken = [first, second].find((r) => r.status === 'fulfilled');
    await (taken as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
  });
});
