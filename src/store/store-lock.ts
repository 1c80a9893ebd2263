/**
 * Exclusive lock on an embedded store folder. PGlite is single-process: a second process
 * opening the same files would corrupt them, so it must fail at once with a clear message.
 *
 * Taking the lock is one atomic step: the owner's pid is written to a private temporary file,
 * which is then hard-linked to `armsbrief.lock` (link fails if the name exists), so the lock is
 * never visible empty or half-written. A lock whose pid is no longer alive (a killed process) is
 * taken over, so a re-run after `kill -9` needs no manual clean-up; the takeover itself is
 * serialised by a marker file named after the stale lock's inode and created exclusively, so of
 * many processes that find the same stale lock exactly one removes it, and only while it is still
 * that stale lock (same inode, same pid). (proper-lockfile was considered: its mtime-based staleness
 * makes an immediate re-run after a crash wait or fail, which is the case we care most about.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.js';

export interface StoreLock {
  release(): void;
}

const LOCK_NAME = 'armsbrief.lock';
const ATTEMPTS = 50;

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pid and inode of a lock-like file, or null when it does not exist (any more). */
function readOwner(file: string): { pid: number; ino: number } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const ino = fs.fstatSync(fd).ino;
    const buf = Buffer.alloc(32);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return { pid: Number.parseInt(buf.subarray(0, n).toString('utf8').trim(), 10), ino };
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates `target` holding `content`, atomically and only if it does not exist; false if it does. */
function createExclusive(target: string, content: string): boolean {
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, content, { flag: 'wx' });
  try {
    fs.linkSync(tmp, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function inUse(storeDir: string, pid: number): AppError {
  return new AppError('store_in_use', `The store ${storeDir} is in use by another armsbrief process (pid ${pid}).`, {
    hint: 'An embedded store serves one process at a time: wait for it to finish, or use a PostgreSQL server (--db postgres://…) for concurrent work.',
    status: 423,
  });
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function acquireStoreLock(storeDir: string): StoreLock {
  const file = path.join(storeDir, LOCK_NAME);
  const me = String(process.pid);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(file, `${me}\n`)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readOwner(file)?.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    }
    const owner = readOwner(file);
    if (!owner) continue; // released between our attempt and the read: try again
    if (owner.pid === process.pid || pidAlive(owner.pid)) throw inUse(storeDir, owner.pid);
    takeOver(file, owner);
  }
  throw new AppError('store_in_use', `The store ${storeDir} is locked and the lock could not be taken.`, { status: 423 });
}

/** Removes the stale lock `owner` (a dead pid) unless another process is already doing so. */
function takeOver(file: string, owner: { pid: number; ino: number }): void {
  const marker = `${file}.takeover-${owner.ino}-${Number.isNaN(owner.pid) ? 'x' : owner.pid}`;
  if (!createExclusive(marker, `${process.pid}\n`)) {
    const taker = readOwner(marker);
    if (taker && pidAlive(taker.pid)) {
      sleep(10); // another process is removing this stale lock right now
      return;
    }
    // The taker died within its few microseconds of takeover: its marker is as stale as the lock.
    fs.rmSync(marker, { force: true });
    return;
  }
  try {
    // Only the marker's holder removes this lock, and only while it is the same stale file.
    const now = readOwner(file);
    if (now && now.ino === owner.ino && (now.pid === owner.pid || (Number.isNaN(now.pid) && Number.isNaN(owner.pid)))) fs.unlinkSync(file);
  } finally {
    fs.rmSync(marker, { force: true });
  }
}
