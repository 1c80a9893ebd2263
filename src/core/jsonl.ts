/**
 * The one JSONL reader: one JSON object per line, blank lines skipped, a bad line reported with its
 * number while the rest go on. Streamed (constant memory) for files and standard input, or over a text
 * already in memory; ingest, `extract --jsonl` and external rating tables read through it.
 */
import readline from 'node:readline';

export type JsonlProblem = 'invalid_json' | 'not_object' | 'too_large';

export type JsonlLine =
  | { line: number; value: Record<string, unknown> }
  | { line: number; problem: JsonlProblem; message: string };

export interface JsonlOptions {
  /** Longer lines are reported (`too_large`) without being parsed. */
  maxChars?: number;
}

function parseLine(raw: string, line: number, opts: JsonlOptions): JsonlLine {
  if (opts.maxChars !== undefined && raw.length > opts.maxChars) {
    return { line, problem: 'too_large', message: `the line has ${raw.length} characters, more than the limit of ${opts.maxChars}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { line, problem: 'invalid_json', message: `not valid JSON (${(err as Error).message})` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { line, problem: 'not_object', message: 'not a JSON object' };
  return { line, value: value as Record<string, unknown> };
}

/** Lines of a stream (a file or standard input), as they arrive. */
export async function* readJsonl(input: NodeJS.ReadableStream, opts: JsonlOptions = {}): AsyncGenerator<JsonlLine> {
  let line = 0;
  for await (const raw of readline.createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (raw.trim()) yield parseLine(raw, line, opts);
  }
}

/** Lines of a text in memory. */
export function* parseJsonl(text: string, opts: JsonlOptions = {}): Generator<JsonlLine> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) if (lines[i].trim()) yield parseLine(lines[i], i + 1, opts);
}
