/**
 * Bytes → text for files that claim to be text. UTF-8 (with or without BOM) and UTF-16 with BOM
 * are taken as they are; anything else that is not valid UTF-8 is identified with chardet and
 * decoded with iconv-lite (Latin-1 news files are common). Binary content is refused, not stored.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../core/errors.js';

export interface DecodedText {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(buf: Buffer, name: string): DecodedText {
  if (buf.length === 0) throw new AppError('empty_file', `${name}: the file is empty.`);
  let decoded: DecodedText;
  if (buf[0] === 0xff && buf[1] === 0xfe) decoded = { text: iconv.decode(buf, 'utf-16le'), encoding: 'UTF-16LE' };
  else if (buf[0] === 0xfe && buf[1] === 0xff) decoded = { text: iconv.decode(buf, 'utf-16be'), encoding: 'UTF-16BE' };
  else {
    try {
      decoded = { text: utf8.decode(buf), encoding: 'UTF-8' };
    } catch {
      decoded = decodeLegacy(buf);
    }
  }
  let text = decoded.text.replace(/^\uFEFF/, '');
  assertTextual(text, name);
  text = normalizeText(text);
  if (!/\p{L}/u.test(text)) throw new AppError('no_text', `${name}: the file contains no letters.`);
  return { text, encoding: decoded.encoding };
}

function decodeLegacy(buf: Buffer): DecodedText {
  const sample = buf.subarray(0, 64 * 1024);
  const guess = chardet.detect(sample) ?? 'windows-1252';
  // chardet names ISO-8859-1 for most Western European text; windows-1252 is its superset in practice.
  const encoding = /^(ISO-8859-1|ascii)$/i.test(guess) ? 'windows-1252' : guess;
  const safe = iconv.encodingExists(encoding) ? encoding : 'windows-1252';
  return { text: iconv.decode(buf, safe), encoding: safe };
}

/** Text files have almost no control characters; binary files have many (and NUL bytes). */
function assertTextual(text: string, name: string): void {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw new AppError('binary_file', `${name}: binary content (NUL bytes), not text.`);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) controls++;
  }
  if (controls > Math.max(3, sample.length * 0.01)) {
    throw new AppError('binary_file', `${name}: binary content (${controls} control or undecodable characters), not text.`);
  }
}

/** One canonical form, so the same content always hashes the same: NFC, \n line ends, no trailing blanks. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').trimEnd();
}
