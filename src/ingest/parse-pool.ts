/**
 * Parsing HTML, PDF and DOCX runs in one worker thread with a heap limit and a time limit: a
 * decompression bomb or a pathological page then fails its own file with a clear reason, while the
 * process (an ingest batch, the HTTP server) keeps its memory and keeps answering. The thread is
 * started on first use, kept while idle (without holding the process open) and replaced when it dies.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../core/errors.js';
import { LIMITS } from './limits.js';
import type { ParseRequest, ParseResult } from './parse-document.js';

type Reply = { id: number; ok?: ParseResult; error?: { code: string; message: string } };

interface Task {
  id: number;
  req: ParseRequest;
  resolve: (r: ParseResult) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let current: (Task & { timer: NodeJS.Timeout }) | null = null;
const queue: Task[] = [];
let nextId = 1;

export function parseInThread(req: ParseRequest, opts: { timeoutMs?: number } = {}): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, req, resolve, reject });
    pump(opts.timeoutMs ?? LIMITS.parserTimeoutMs);
  });
}

function spawn(): Worker {
  // Built code runs parse-thread.js; under tsx the .ts source, with tsx's loader.
  const w = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./parse-thread.ts', import.meta.url).href)}); })`,
        { eval: true, resourceLimits: { maxOldGenerationSizeMb: LIMITS.parserHeapMb } },
      )
    : new Worker(new URL('./parse-thread.js', import.meta.url), { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: LIMITS.parserHeapMb } });
  w.unref();
  w.on('message', (msg: Reply) => {
    if (!current || current.id !== msg.id) return;
    const task = current;
    finish();
    if (msg.ok) task.resolve(msg.ok);
    else task.reject(new AppError(msg.error?.code ?? 'unreadable', msg.error?.message ?? `${task.req.name}: could not be read.`));
  });
  const lost = (err: Error | null) => {
    if (worker !== w) return;
    worker = null;
    const task = current;
    if (!task) return;
    finish();
    const oom = err && (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    task.reject(
      new AppError(
        'too_large',
        oom
          ? `${task.req.name}: reading it needs more than ${LIMITS.parserHeapMb} MB of memory (the limit for one document).`
          : `${task.req.name}: the ${task.req.format.toUpperCase()} reader stopped unexpectedly (${err?.message ?? 'thread exited'}).`,
      ),
    );
  };
  w.on('error', (err) => lost(err));
  w.on('exit', () => lost(null));
  return w;
}

function finish(): void {
  if (current) clearTimeout(current.timer);
  current = null;
  worker?.unref();
  setImmediate(() => pump(LIMITS.parserTimeoutMs));
}

function pump(timeoutMs: number): void {
  if (current || !queue.length) return;
  const task = queue.shift()!;
  worker ??= spawn();
  const w = worker;
  w.ref();
  const timer = setTimeout(() => {
    if (current?.id !== task.id) return;
    worker = null;
    finish();
    task.reject(new AppError('timeout', `${task.req.name}: reading it took longer than ${Math.round(timeoutMs / 1000)} s (the limit for one document).`));
    void w.terminate();
  }, timeoutMs);
  timer.unref();
  current = { ...task, timer };
  // A copy goes to the thread; the caller's buffer stays usable.
  w.postMessage({ id: task.id, req: task.req });
}
