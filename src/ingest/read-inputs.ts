/**
 * Inputs (files, folders, `-` for stdin) → raw documents or per-input failures. A failure names the
 * input and the reason and never stops the batch. Readers are chosen by file extension: plain text
 * is streamed (text-parts.ts), HTML, PDF and DOCX are parsed in a limited thread (parse-pool.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readJsonl, type JsonlLine } from '../core/jsonl.js';
import type { RawDocument } from '../core/types.js';
import { AppError, errorMessage } from '../core/errors.js';
import { normalizeText, replaceLoneSurrogates } from '../core/decode.js';
import { parseInThread } from './parse-pool.js';
import { readTextParts, firstLineTitle } from './text-parts.js';
import { LIMITS } from './limits.js';
import { isValidPartialDate } from '../extract/dates.js';
import { safeHttpUrl } from '../core/urls.js';
import { withoutSubject } from '../core/subject.js';

export { firstLineTitle } from './text-parts.js';

export type InputFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'jsonl';

export type ReadItem =
  | { kind: 'document'; doc: RawDocument; warnings?: string[] }
  | { kind: 'failure'; source: string; code: string; reason: string }
  | { kind: 'skipped'; source: string; reason: string };

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html',
  '.xhtml': 'html', '.pdf': 'pdf', '.docx': 'docx', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** Files above this size are refused with a clear reason (configurable with --max-size). */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
  /** Force a reader for every input (needed for stdin, which has no extension). */
  format?: InputFormat;
  stdin?: NodeJS.ReadableStream;
}

export function formatOf(file: string): InputFormat | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

/**
 * Expands folders (recursively, sorted, hidden entries skipped) into files; missing paths become
 * failures. Symbolic links are followed; a link to a folder already being walked (a loop) and a
 * broken link are reported, never followed forever or dropped silently.
 */
export function expandInputs(inputs: string[]): { files: string[]; failures: ReadItem[]; skipped: ReadItem[] } {
  const files: string[] = [];
  const failures: ReadItem[] = [];
  const skipped: ReadItem[] = [];
  const walk = (dir: string, ancestors: Set<string>) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (err) {
          failures.push({ kind: 'failure', source: full, code: 'broken_link', reason: `symbolic link to a missing target (${errorMessage(err)})` });
          continue;
        }
      }
      if (isDir) {
        const real = realPath(full);
        if (ancestors.has(real)) {
          skipped.push({ kind: 'skipped', source: full, reason: `symbolic link loop (back to ${real})` });
          continue;
        }
        try {
          walk(full, new Set(ancestors).add(real));
        } catch (err) {
          failures.push({ kind: 'failure', source: full, code: 'unreadable', reason: `cannot read folder (${errorMessage(err)})` });
        }
      } else if (isFile) {
        if (formatOf(full)) files.push(full);
        else skipped.push({ kind: 'skipped', source: full, reason: 'unsupported file type' });
      } else skipped.push({ kind: 'skipped', source: full, reason: 'not a regular file' });
    }
  };
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      failures.push({
        kind: 'failure', source: input, code: 'not_found',
        reason: code === 'ENOENT' ? 'no such file or folder' : code === 'ELOOP' ? 'symbolic link loop' : `cannot access (${errorMessage(err)})`,
      });
      continue;
    }
    if (stat.isDirectory()) {
      try {
        walk(input, new Set([realPath(input)]));
      } catch (err) {
        failures.push({ kind: 'failure', source: input, code: 'unreadable', reason: `cannot read folder (${errorMessage(err)})` });
      }
    } else files.push(input);
  }
  return { files, failures, skipped };
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Where `readInputs` is: the file being read, how many are done, of how many. */
export interface InputPosition {
  file: string;
  filesDone: number;
  filesTotal: number;
}

export interface InputEvents {
  /** A file is about to be read; `bytes` is its size (0 for stdin, or when it cannot be stat'ed). */
  onFile?: (position: InputPosition, bytes: number) => void;
  /** A file has been read to its end. */
  onFileDone?: (position: InputPosition) => void;
}

/**
 * Every item of all inputs, in order: first the inputs that cannot be opened or are not
 * documents, then each file's documents, failures and skips. Nothing is thrown for bad input.
 */
export async function* readInputs(inputs: string[], opts: ReadOptions & InputEvents = {}): AsyncGenerator<ReadItem> {
  const { files, failures, skipped } = expandInputs(inputs);
  yield* failures;
  yield* skipped;
  for (const [i, file] of files.entries()) {
    opts.onFile?.({ file, filesDone: i, filesTotal: files.length }, sizeOf(file));
    yield* readInput(file, opts);
    opts.onFileDone?.({ file, filesDone: i + 1, filesTotal: files.length });
  }
}

function sizeOf(file: string): number {
  if (file === '-') return 0;
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // the reader reports why it cannot be read
  }
}

/** Reads one input into documents (several for JSONL and long texts); failures are yielded, never thrown. */
export async function* readInput(file: string, opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const format = opts.format ?? (file === '-' ? 'txt' : formatOf(file));
  if (!format) {
    yield {
      kind: 'failure', source: file, code: 'unsupported_type',
      reason: `unsupported file type (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`,
    };
    return;
  }
  // Once a document is out, an error belongs to the part that follows it, not to the whole file.
  let yielded = 0;
  try {
    if (format === 'jsonl') {
      yield* readJsonlFile(file, opts);
      return;
    }
    if (format === 'txt' || format === 'md') {
      const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
      const input = file === '-' ? (opts.stdin ?? process.stdin) : (checkSize(file, max), fs.createReadStream(file, { highWaterMark: 1 << 20 }));
      for await (const part of readTextParts(input as AsyncIterable<Buffer>, file, { format, maxBytes: max, tooLarge: (m) => tooLarge(file, m) })) {
        yielded++;
        yield { kind: 'document', doc: part.doc, ...(part.warnings.length ? { warnings: part.warnings } : {}) };
      }
      return;
    }
    const buf = await readBytes(file, opts);
    const r = await parseInThread({ format, bytes: buf, name: file });
    if (!/\p{L}/u.test(r.text)) throw new AppError('no_text', `${file}: no text found in the file.`);
    const doc: RawDocument = { source: file, format, text: r.text, title: r.title ?? firstLineTitle(r.text) };
    yield { kind: 'document', doc, ...(r.warnings.length ? { warnings: r.warnings } : {}) };
  } catch (err) {
    yield failureOf(yielded ? `${file}#part${yielded + 1}` : file, err, file);
  }
}

function failureOf(source: string, err: unknown, file = source): ReadItem {
  if (err instanceof AppError) return { kind: 'failure', source, code: err.code, reason: withoutSubject(err.message, file, source) };
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return { kind: 'failure', source, code: 'unreadable', reason: 'permission denied' };
  if (code === 'EISDIR') return { kind: 'failure', source, code: 'unreadable', reason: 'is a folder' };
  if (code === 'EIO') return { kind: 'failure', source, code: 'unreadable', reason: 'input/output error while reading (EIO)' };
  return { kind: 'failure', source, code: 'unreadable', reason: errorMessage(err) };
}

function tooLarge(file: string, max: number): AppError {
  return file === '-'
    ? new AppError('too_large', `-: standard input is larger than the limit of ${max} bytes.`)
    : new AppError('too_large', `${file}: larger than the limit of ${max} bytes.`, { hint: 'Raise the limit with --max-size <MB>.' });
}

function checkSize(file: string, max: number): void {
  const size = fs.statSync(file).size;
  if (size > max) {
    throw new AppError('too_large', `${file}: ${size} bytes is larger than the limit of ${max} bytes.`, {
      hint: 'Raise the limit with --max-size <MB>.',
    });
  }
}

async function readBytes(file: string, opts: ReadOptions): Promise<Buffer> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of opts.stdin ?? process.stdin) {
      size += (chunk as Buffer).length;
      if (size > max) throw tooLarge(file, max);
      chunks.push(chunk as Buffer);
    }
    if (size === 0) throw new AppError('empty_file', '-: standard input is empty.');
    return Buffer.concat(chunks);
  }
  checkSize(file, max);
  const buf = await fs.promises.readFile(file);
  if (buf.length === 0) throw new AppError('empty_file', `${file}: the file is empty.`);
  return buf;
}

async function* readJsonlFile(file: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const input = file === '-' ? (opts.stdin ?? process.stdin) : fs.createReadStream(file);
  let any = false;
  for await (const l of readJsonl(input, { maxChars: LIMITS.textChars })) {
    any = true;
    const source = `${file}#L${l.line}`;
    try {
      const warnings: string[] = [];
      const doc = documentOf(l, source, warnings);
      yield { kind: 'document', doc, ...(warnings.length ? { warnings } : {}) };
    } catch (err) {
      yield failureOf(source, err);
    }
  }
  if (!any) yield { kind: 'failure', source: file, code: 'empty_file', reason: 'the file has no documents' };
}

function documentOf(l: JsonlLine, source: string, warnings: string[]): RawDocument {
  if ('problem' in l && l.problem === 'too_large') throw new AppError('too_large', `${source}: ${l.message}.`);
  if ('problem' in l && l.problem === 'invalid_json') throw new AppError('invalid_json', `${source}: ${l.message}.`);
  const obj = 'value' in l ? l.value : null;
  if (!obj || typeof obj.text !== 'string') {
    throw new AppError('invalid_record', `${source}: a line needs a "text" field with the document text.`);
  }
  // JSON may escape lone surrogates (\ud800), which no UTF-8 store or jsonb column can hold.
  let surrogates = 0;
  const clean = (v: string) => {
    const r = replaceLoneSurrogates(v);
    surrogates += r.replaced;
    return r.text;
  };
  const str = (k: string) => (typeof obj[k] === 'string' && (obj[k] as string).trim() ? clean((obj[k] as string).trim()) : null);
  const date = str('date');
  if (date && !isValidPartialDate(date)) {
    throw new AppError('invalid_record', `${source}: "date" must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(date)}.`);
  }
  const text = normalizeText(clean(obj.text));
  if (!/\p{L}/u.test(text)) throw new AppError('no_text', `${source}: the "text" field has no letters.`);
  const id = typeof obj.id === 'number' ? String(obj.id) : str('id');
  const title = str('title') ?? firstLineTitle(text);
  const lang = str('lang');
  const publisher = str('publisher');
  const givenUrl = str('url');
  const url = givenUrl ? safeHttpUrl(givenUrl) : null;
  if (givenUrl && !url) warnings.push(`${source}: "url" ${JSON.stringify(givenUrl.slice(0, 80))} is not an http(s) URL and was left out.`);
  if (surrogates) warnings.push(`${source}: ${surrogates} unpaired UTF-16 surrogate${surrogates === 1 ? '' : 's'} replaced with U+FFFD.`);
  return {
    source, format: 'jsonl', text, externalId: id, url, title, date, lang, publisher,
  };
}
