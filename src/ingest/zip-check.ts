/**
 * Guards a ZIP-based file (DOCX) against decompression bombs before any library inflates it: the
 * central directory's entry count and declared sizes are checked, then every entry is actually
 * inflated with an output cap (declared sizes can lie), so the total inflated size is known to be
 * within the limit before mammoth sees the file.
 */
import zlib from 'node:zlib';
import { AppError } from '../core/errors.js';
import { LIMITS, MB } from './limits.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipLimits {
  entries: number;
  inflatedBytes: number;
}

export function checkZip(buf: Buffer, name: string, limits: ZipLimits = { entries: LIMITS.zipEntries, inflatedBytes: LIMITS.zipInflatedBytes }): void {
  const corrupt = (why: string) => new AppError('unreadable_docx', `${name}: not a readable DOCX file (${why}).`);
  const bomb = (what: string) =>
    new AppError('too_large', `${name}: ${what} (limit ${MB(limits.inflatedBytes)} inflated; a decompression bomb or an unusually large document).`);
  const eocd = findEocd(buf);
  if (eocd < 0) throw corrupt('no ZIP central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw corrupt('ZIP64 archives are not accepted');
  if (count > limits.entries) throw new AppError('too_large', `${name}: ${count} ZIP entries, more than the limit of ${limits.entries}.`);
  let p = cdOffset;
  let declared = 0;
  let inflated = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw corrupt('broken central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + extraLen + commentLen;
    declared += size;
    if (declared > limits.inflatedBytes) throw bomb(`its ZIP entries declare ${MB(declared)} or more once inflated`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw corrupt('broken local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw corrupt('entry runs past the end of the file');
    const data = buf.subarray(start, start + compressed);
    if (method === 0) inflated += compressed;
    else if (method === 8) {
      try {
        inflated += zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limits.inflatedBytes - inflated) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(`it inflates to more than ${MB(limits.inflatedBytes)}`);
        throw corrupt(`an entry does not inflate: ${(err as Error).message}`);
      }
    } else throw corrupt(`compression method ${method} is not supported`);
    if (inflated > limits.inflatedBytes) throw bomb(`it inflates to more than ${MB(limits.inflatedBytes)}`);
  }
}

function findEocd(buf: Buffer): number {
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment (≤ 65,535).
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}
