/**
 * Every file the CLI writes goes through here: written to a temporary file in the target's folder,
 * flushed to disk, then renamed over the target. A full disk or an I/O error therefore never
 * leaves a truncated file behind; the previous file, if there was one, stays as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError, errorMessage } from '../../core/errors.js';

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device (ENOSPC)',
  EDQUOT: 'the disk quota is exhausted (EDQUOT)',
  EIO: 'input/output error (EIO)',
  EROFS: 'the file system is read-only (EROFS)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'operation not permitted (EPERM)',
  ENOENT: 'the folder does not exist (ENOENT)',
  ENOTDIR: 'a part of the path is not a folder (ENOTDIR)',
  EISDIR: 'the target is a folder (EISDIR)',
};

export function writeOutputFile(target: string, content: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let off = 0; off < buf.length; ) off += fs.writeSync(fd, buf, off, buf.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const existed = fs.existsSync(target);
    throw new AppError(code === 'ENOSPC' || code === 'EDQUOT' ? 'disk_full' : 'write_failed', `Cannot write ${target}: ${REASONS[code] ?? errorMessage(err)}.`, {
      hint: existed ? 'The previous file is unchanged.' : code === 'ENOSPC' ? 'Free some space or write elsewhere.' : undefined,
      status: 507,
      cause: err,
    });
  }
}
