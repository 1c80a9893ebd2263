/**
 * Plain text and Markdown, streamed: bytes are decoded as they arrive (TextStreamDecoder) and the
 * text is cut into parts of about LIMITS.textPartChars at paragraph breaks. A file within one part
 * is one document as before; a longer one becomes `file#part1`, `file#part2`, … so memory stays the
 * same for a 200 MB text as for a 20 MB one, and extraction never sees a giant string.
 */
import type { RawDocument } from '../core/types.js';
import { AppError } from '../core/errors.js';
import { TextStreamDecoder, assertTextual, normalizeText } from '../core/decode.js';
import { LIMITS } from './limits.js';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection between parts of a long text. V8 lets garbage grow to hundreds of MB
 * before it collects on its own; extracting and storing a 2 Mi-character part leaves about that much,
 * so without this the peak memory of a 200 MB text grew with V8's heuristics instead of the part size.
 * Each collection costs tens of milliseconds against about a second of work per part.
 */
let gc: (() => void) | null | undefined;
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

export interface TextPart {
  doc: RawDocument;
  warnings: string[];
}

export interface TextPartOptions {
  format: 'txt' | 'md';
  maxBytes: number;
  partChars?: number;
  /** Message when the input grows past maxBytes (stdin has no size up front). */
  tooLarge: (max: number) => AppError;
}

export async function* readTextParts(input: AsyncIterable<Buffer | string>, source: string, opts: TextPartOptions): AsyncGenerator<TextPart> {
  const partChars = opts.partChars ?? LIMITS.textPartChars;
  const dec = new TextStreamDecoder();
  let bytes = 0;
  let pending = '';
  let held: string | null = null;
  let n = 0;
  let firstTitle: string | null = null;
  const make = (text: string, index: number | null): TextPart | null => {
    if (index === null || index === 1) text = text.replace(/^\uFEFF/, '');
    if (index === null || index === 1) assertTextual(text, source);
    text = normalizeText(text);
    if (index !== null) text = text.replace(/^\n+/, '');
    if (!/\p{L}/u.test(text)) {
      if (index === null) throw new AppError('no_text', `${source}: the file contains no letters.`);
      return null;
    }
    const title = (opts.format === 'md' ? markdownTitle(text) : null) ?? firstLineTitle(text);
    if (index === null) return { doc: { source, format: opts.format, text, title }, warnings: [] };
    // Parts carry the title of the first part, numbered, so they read as one document in lists.
    if (index === 1) firstTitle = title;
    const doc: RawDocument = { source: `${source}#part${index}`, format: opts.format, text, title: index === 1 ? title : `${firstTitle ?? title ?? source} [${index}]` };
    return { doc, warnings: [] };
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buf.length;
    if (bytes > opts.maxBytes) throw opts.tooLarge(opts.maxBytes);
    pending += dec.write(buf);
    while (pending.length >= partChars) {
      const cut = cutAt(pending, partChars);
      if (held !== null) {
        const part = make(held, ++n);
        if (part) yield part;
        collectGarbage();
      }
      held = pending.slice(0, cut);
      pending = pending.slice(cut);
    }
  }
  if (bytes === 0) throw new AppError('empty_file', `${source}: the file is empty.`);
  pending += dec.end();
  let last: TextPart | null;
  if (held === null) last = make(pending, null);
  else {
    const part = make(held, ++n);
    if (!pending.trim()) last = part;
    else {
      if (part) yield part;
      last = make(pending, ++n);
    }
  }
  // Named after the part they are reported with, so the reporter's "<source>: " prefix is stripped.
  if (last) yield { doc: last.doc, warnings: dec.warnings(last.doc.source) };
}

/** Where to end a part: the last paragraph break in its second half, else the last line break, else the limit. */
function cutAt(text: string, limit: number): number {
  const para = text.lastIndexOf('\n\n', limit);
  if (para > limit / 2) return para + 2;
  const line = text.lastIndexOf('\n', limit);
  if (line > limit / 2) return line + 1;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit; // never split a surrogate pair
}

export function markdownTitle(text: string): string | null {
  const m = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text.slice(0, 5000));
  return m ? m[1].slice(0, 200) : null;
}

/** A readable title from the first line: without the ` date … ` header, cut at a word boundary. */
export function firstLineTitle(text: string): string | null {
  const head = text.slice(0, 1000).replace(/^\s*date\s+\d{4}(?:-\d{2}){0,2}\s+/, '');
  const line = head.split('\n').map((l) => l.replace(/^[#>*\s-]+/, '').trim()).find((l) => /\p{L}/u.test(l));
  if (!line) return null;
  const sentence = /^(.{20,}?[.!?])\s/.exec(line)?.[1] ?? line;
  if (sentence.length <= 120) return sentence;
  const cut = sentence.slice(0, 120);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)) + '…';
}
