/**
 * One process per PGlite folder: a second PGlite on the same data corrupts it. The lock is a file
 * created exclusively (`wx`) holding the owner's pid; a lock whose process is gone is stale and taken
 * over (a server killed with SIGKILL leaves its lock behind). Two processes racing for a stale lock:
 * each removes and re-creates with `wx`, so one loses.
 *
 * A lock naming this very process is stale unless this process holds it now: a server restarted after
 * a crash often gets the pid its previous life had (pid 1 in a container), and must not find itself
 * "in use by process 1" forever.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError } from './store.js';

/** The lock files this process holds (absolute paths). */
const held = new Set<string>();

export interface FolderLock {
  release(): Promise<void>;
}

export async function lockFolder(path: string): Promise<FolderLock> {
  const absolute = resolve(path);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      held.add(absolute);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          held.delete(absolute);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Held here: refused whatever the file says (it may not hold our pid yet).
      const owner = held.has(absolute) ? process.pid : await lockOwner(path);
      if (owner !== undefined && (owner === process.pid ? held.has(absolute) : isAlive(owner))) {
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

/** How long an empty lock file may be its owner's, between creating it and writing the pid. */
const EMPTY_LOCK_GRACE_MS = 100;

async function lockOwner(path: string): Promise<number | undefined> {
  for (let look = 0; look < 2; look++) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
    if (text !== '') {
      const pid = Number.parseInt(text, 10);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    }
    // Empty: another process may have just created it (`wx`) and not yet written its pid.
    if (look === 0) await new Promise((done) => setTimeout(done, EMPTY_LOCK_GRACE_MS));
  }
  return undefined;
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
