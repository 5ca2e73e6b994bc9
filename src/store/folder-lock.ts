/**
 * One process per PGlite folder: a second PGlite on the same data corrupts it. The lock is a file
 * created exclusively (`wx`) holding the owner's pid; a lock whose process is gone is stale and taken
 * over. Two processes racing for a stale lock: each removes and re-creates with `wx`, so one loses.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { StoreError } from './store.js';

export interface FolderLock {
  release(): Promise<void>;
}

export async function lockFolder(path: string): Promise<FolderLock> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await lockOwner(path);
      if (owner !== undefined && isAlive(owner)) {
        throw new StoreError(
          'DB_LOCKED',
          `the database folder is in use by process ${owner} (lock file ${path}); ` +
            'PGlite allows one process per folder: stop it, or use a PostgreSQL server (--db postgres://…)',
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new StoreError('DB_LOCKED', `cannot take the lock ${path}: another process keeps taking it`);
}

async function lockOwner(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
