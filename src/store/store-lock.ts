/**
 * Exclusive lock on an embedded store folder. PGlite is single-process: a second process
 * opening the same files would corrupt them, so it must fail at once with a clear message.
 *
 * A lock file created with O_EXCL holds the owner's pid. A lock whose pid is no longer alive
 * (a killed process) is taken over, so a re-run after `kill -9` needs no manual clean-up.
 * (proper-lockfile was considered: its mtime-based staleness makes an immediate re-run after a
 * crash wait or fail, which is the case we care most about.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.js';

export interface StoreLock {
  release(): void;
}

const LOCK_NAME = 'armsbrief.lock';

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireStoreLock(storeDir: string): StoreLock {
  const file = path.join(storeDir, LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      } catch {
        continue; // vanished between open and read: try again
      }
      if (owner === process.pid || pidAlive(owner)) {
        throw new AppError('store_in_use', `The store ${storeDir} is in use by another armsbrief process (pid ${owner}).`, {
          hint: 'An embedded store serves one process at a time: wait for it to finish, or use a PostgreSQL server (--db postgres://…) for concurrent work.',
          status: 423,
        });
      }
      // Stale lock of a dead process: remove it and try again.
      try {
        fs.unlinkSync(file);
      } catch {
        /* someone else removed it */
      }
    }
  }
  throw new AppError('store_in_use', `The store ${storeDir} is locked and the lock could not be taken.`, { status: 423 });
}
