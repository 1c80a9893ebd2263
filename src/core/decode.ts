/**
 * Bytes → text for files that claim to be text, whole or streamed. UTF-8 (with or without BOM) and
 * UTF-16 (with BOM, or recognised by its zero bytes without one) are taken as they are. Anything
 * else is decoded line by line: lines that are valid UTF-8 as UTF-8, the others with the legacy
 * encoding chardet names (Latin-1 news files are common). A file that mixes both is decoded and
 * reported: the warning names the lines taken as legacy, so nothing is stored as silent mojibake.
 * Binary content is refused, not stored.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from './errors.js';

export interface DecodedText {
  text: string;
  encoding: string;
  /** Problems that did not keep the text out (mixed encodings). */
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text by the rules of TextStreamDecoder, nothing checked: the one decoding of documents and
 * dataset files. `legacy` names the encoding of lines that are not UTF-8 when the source documents
 * it (datasets say Latin-1); otherwise chardet guesses it.
 */
export function decodeBytes(buf: Buffer, name: string, opts: { legacy?: string } = {}): DecodedText {
  const dec = new TextStreamDecoder(opts.legacy);
  const text = (dec.write(buf) + dec.end()).replace(/^\uFEFF/, '');
  return { text, encoding: dec.encoding, warnings: dec.warnings(name) };
}

/** Decodes a whole document (HTML, small files): refused when empty, binary or without letters. */
export function decodeText(buf: Buffer, name: string): DecodedText {
  if (buf.length === 0) throw new AppError('empty_file', `${name}: the file is empty.`);
  const decoded = decodeBytes(buf, name);
  let text = decoded.text;
  assertTextual(text, name);
  text = normalizeText(text);
  if (!/\p{L}/u.test(text)) throw new AppError('no_text', `${name}: the file contains no letters.`);
  return { ...decoded, text };
}

/**
 * Incremental decoder: `write` chunks, `end` once. The encoding is chosen from the first chunk
 * (BOM, or UTF-16's zero bytes); UTF-8 is checked per block of whole lines, and per line only
 * where a block is not valid UTF-8, so valid files cost one pass.
 */
export class TextStreamDecoder {
  encoding = 'UTF-8';
  private mode: 'unknown' | 'utf16' | 'lines' = 'unknown';
  private utf16?: { write(b: Buffer): string; end(): string | undefined };
  private carry: Buffer = Buffer.alloc(0);
  private line = 1;
  private legacy: string | null = null;
  private legacyLines: Array<[number, number]> = [];
  private utf8NonAscii = false;

  /** `legacy`: the encoding of lines that are not UTF-8, when known; otherwise chardet guesses it. */
  constructor(legacy?: string) {
    this.legacy = legacy ?? null;
  }

  write(chunk: Buffer): string {
    if (this.mode === 'unknown') {
      const head = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
      // Too few bytes to decide on UTF-16 yet: wait for more (end() decides with what there is).
      if (head.length < 4) {
        this.carry = Buffer.from(head);
        return '';
      }
      this.carry = Buffer.alloc(0);
      this.start(head);
      chunk = head;
    }
    if (this.mode === 'utf16') return this.utf16!.write(chunk);
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const lastNl = data.lastIndexOf(0x0a);
    if (lastNl < 0) {
      this.carry = Buffer.from(data);
      return '';
    }
    this.carry = Buffer.from(data.subarray(lastNl + 1));
    return this.decodeLines(data.subarray(0, lastNl + 1));
  }

  end(): string {
    if (this.mode === 'unknown') {
      if (!this.carry.length) return '';
      const head = this.carry;
      this.carry = Buffer.alloc(0);
      this.start(head);
      return (this.mode as string) === 'utf16' ? this.utf16!.write(head) + (this.utf16!.end() ?? '') : this.decodeLines(head);
    }
    if (this.mode === 'utf16') return this.utf16!.end() ?? '';
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length ? this.decodeLines(rest) : '';
  }

  /** The mixed-encoding warning, if any lines were legacy while others were UTF-8. */
  warnings(name: string): string[] {
    if (!this.legacyLines.length || !this.utf8NonAscii) return [];
    const shown = this.legacyLines.slice(0, 10).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
    const more = this.legacyLines.length > 10 ? ` and ${this.legacyLines.length - 10} more ranges` : '';
    const n = this.legacyLines.reduce((s, [a, b]) => s + b - a + 1, 0);
    return [`${name}: mixed encodings: ${n} line${n === 1 ? '' : 's'} (${shown.join(', ')}${more}) not valid UTF-8, decoded as ${this.legacy}; the rest as UTF-8.`];
  }

  private start(head: Buffer): void {
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      this.mode = 'lines';
      return;
    }
    const bom16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
    const enc = bom16 ?? utf16WithoutBom(head);
    if (enc) {
      this.mode = 'utf16';
      this.encoding = enc.toUpperCase();
      this.utf16 = iconv.getDecoder(enc, { stripBOM: false });
      return;
    }
    this.mode = 'lines';
  }

  private decodeLines(block: Buffer): string {
    const lines = countNewlines(block);
    try {
      const s = utf8.decode(block);
      if (s.length !== block.length) this.utf8NonAscii = true;
      this.line += lines;
      return s;
    } catch {
      /* not valid UTF-8 as a whole: line by line below */
    }
    this.legacy ??= legacyEncoding(block);
    const out: string[] = [];
    let from = 0;
    while (from < block.length) {
      let to = block.indexOf(0x0a, from);
      to = to < 0 ? block.length : to + 1;
      const bytes = block.subarray(from, to);
      let s: string;
      try {
        s = utf8.decode(bytes);
        if (s.length !== bytes.length) this.utf8NonAscii = true;
      } catch {
        s = iconv.decode(bytes, this.legacy);
        const last = this.legacyLines[this.legacyLines.length - 1];
        if (last && last[1] === this.line - 1) last[1] = this.line;
        else this.legacyLines.push([this.line, this.line]);
        if (this.encoding === 'UTF-8') this.encoding = this.legacy;
      }
      out.push(s);
      this.line++;
      from = to;
    }
    if (this.utf8NonAscii && this.legacyLines.length) this.encoding = `UTF-8+${this.legacy}`;
    return out.join('');
  }
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** UTF-16 text without a BOM: mostly Latin script, so every other byte is zero. */
function utf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length & ~1, 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

function legacyEncoding(sample: Buffer): string {
  const guess = chardet.detect(sample.subarray(0, 64 * 1024)) ?? 'windows-1252';
  // chardet names ISO-8859-1 (or UTF-8 for a mostly valid block) for most Western European text;
  // windows-1252 is its superset in practice.
  const encoding = /^(ISO-8859-1|ascii|UTF-8)$/i.test(guess) ? 'windows-1252' : guess;
  return iconv.encodingExists(encoding) ? encoding : 'windows-1252';
}

/** Text files have almost no control characters; binary files have many (and NUL bytes). */
export function assertTextual(text: string, name: string): void {
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

/** Unpaired UTF-16 surrogates (possible in JSON escapes, impossible in UTF-8) → U+FFFD, with a count. */
export function replaceLoneSurrogates(s: string): { text: string; replaced: number } {
  // Most texts hold no surrogate at all: one plain scan spares them the look-around pattern
  // (a twentieth of re-ingesting 40,000 unchanged JSONL documents).
  if (!/[\uD800-\uDFFF]/.test(s)) return { text: s, replaced: 0 };
  let replaced = 0;
  const text = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, () => {
    replaced++;
    return '\uFFFD';
  });
  return { text, replaced };
}
