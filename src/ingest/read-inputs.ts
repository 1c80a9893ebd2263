/**
 * Inputs (files, folders, `-` for stdin) → raw documents or per-input failures. A failure names the
 * input and the reason and never stops the batch. Readers are chosen by file extension.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { RawDocument } from '../core/types.js';
import { AppError, errorMessage } from '../core/errors.js';
import { decodeText, normalizeText } from './decode.js';
import { htmlToText } from './readers/html.js';
import { pdfToText } from './readers/pdf.js';
import { docxToText } from './readers/docx.js';
import { isValidPartialDate } from '../extract/dates.js';

export type InputFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'jsonl';

export type ReadItem =
  | { kind: 'document'; doc: RawDocument }
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

/** Expands folders (recursively, sorted, hidden entries skipped) into files; missing paths become failures. */
export function expandInputs(inputs: string[]): { files: string[]; failures: ReadItem[]; skipped: ReadItem[] } {
  const files: string[] = [];
  const failures: ReadItem[] = [];
  const skipped: ReadItem[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        if (formatOf(full)) files.push(full);
        else skipped.push({ kind: 'skipped', source: full, reason: 'unsupported file type' });
      }
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
        reason: code === 'ENOENT' ? 'no such file or folder' : `cannot access (${errorMessage(err)})`,
      });
      continue;
    }
    if (stat.isDirectory()) {
      try {
        walk(input);
      } catch (err) {
        failures.push({ kind: 'failure', source: input, code: 'unreadable', reason: `cannot read folder (${errorMessage(err)})` });
      }
    } else files.push(input);
  }
  return { files, failures, skipped };
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

/** Reads one input into documents (several for JSONL); failures are yielded, never thrown. */
export async function* readInput(file: string, opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const format = opts.format ?? (file === '-' ? 'txt' : formatOf(file));
  if (!format) {
    yield {
      kind: 'failure', source: file, code: 'unsupported_type',
      reason: `unsupported file type (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`,
    };
    return;
  }
  try {
    if (format === 'jsonl') {
      yield* readJsonl(file, opts);
      return;
    }
    const buf = await readBytes(file, opts);
    yield { kind: 'document', doc: await readDocument(buf, file, format) };
  } catch (err) {
    yield failureOf(file, err);
  }
}

function failureOf(source: string, err: unknown): ReadItem {
  if (err instanceof AppError) return { kind: 'failure', source, code: err.code, reason: err.message.replace(`${source}: `, '') };
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return { kind: 'failure', source, code: 'unreadable', reason: 'permission denied' };
  if (code === 'EISDIR') return { kind: 'failure', source, code: 'unreadable', reason: 'is a folder' };
  return { kind: 'failure', source, code: 'unreadable', reason: errorMessage(err) };
}

async function readBytes(file: string, opts: ReadOptions): Promise<Buffer> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of opts.stdin ?? process.stdin) {
      size += (chunk as Buffer).length;
      if (size > max) throw new AppError('too_large', `-: standard input is larger than the limit of ${max} bytes.`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  const size = fs.statSync(file).size;
  if (size > max) {
    throw new AppError('too_large', `${file}: ${size} bytes is larger than the limit of ${max} bytes.`, {
      hint: 'Raise the limit with --max-size <MB>.',
    });
  }
  return fs.promises.readFile(file);
}

async function readDocument(buf: Buffer, source: string, format: Exclude<InputFormat, 'jsonl'>): Promise<RawDocument> {
  let title: string | null = null;
  let text: string;
  switch (format) {
    case 'pdf':
      ({ title, text } = await pdfToText(buf, source));
      text = normalizeText(text);
      break;
    case 'docx':
      ({ title, text } = await docxToText(buf, source));
      text = normalizeText(text);
      break;
    case 'html': {
      const html = decodeText(buf, source).text;
      ({ title, text } = htmlToText(html));
      text = normalizeText(text);
      break;
    }
    default:
      text = decodeText(buf, source).text;
      title = format === 'md' ? markdownTitle(text) : null;
  }
  if (!/\p{L}/u.test(text)) throw new AppError('no_text', `${source}: no text found in the file.`);
  return { source, format, text, title: title ?? firstLineTitle(text) };
}

async function* readJsonl(file: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const input = file === '-' ? (opts.stdin ?? process.stdin) : fs.createReadStream(file);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let any = false;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    any = true;
    const source = `${file}#L${n}`;
    try {
      yield { kind: 'document', doc: parseJsonlLine(line, source) };
    } catch (err) {
      yield failureOf(source, err);
    }
  }
  if (!any) yield { kind: 'failure', source: file, code: 'empty_file', reason: 'the file has no documents' };
}

function parseJsonlLine(line: string, source: string): RawDocument {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    throw new AppError('invalid_json', `${source}: invalid JSON (${errorMessage(err)}).`);
  }
  if (!obj || typeof obj !== 'object' || typeof obj.text !== 'string') {
    throw new AppError('invalid_record', `${source}: a line needs a "text" field with the document text.`);
  }
  const str = (k: string) => (typeof obj[k] === 'string' && (obj[k] as string).trim() ? (obj[k] as string).trim() : null);
  const date = str('date');
  if (date && !isValidPartialDate(date)) {
    throw new AppError('invalid_record', `${source}: "date" must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(date)}.`);
  }
  const text = normalizeText(obj.text);
  if (!/\p{L}/u.test(text)) throw new AppError('no_text', `${source}: the "text" field has no letters.`);
  const id = typeof obj.id === 'number' ? String(obj.id) : str('id');
  return {
    source, format: 'jsonl', text, externalId: id, url: str('url'), title: str('title') ?? firstLineTitle(text),
    date, lang: str('lang'), publisher: str('publisher'),
  };
}

function markdownTitle(text: string): string | null {
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
