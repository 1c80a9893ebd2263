/**
 * Preparing documents (language, date, passages, extraction) is pure and CPU-bound. A worker
 * process can do it inline, or spread each batch over a small pool of worker threads so a
 * batch uses every core. `bench/queue.ts` measures both; `armsbrief worker --threads N` chooses.
 */
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../core/types.js';
import { prepareDocument, type PreparedDocument } from '../services/prepare-document.js';

export type PrepareResult = PreparedDocument | Error;

export interface Preparer {
  readonly threads: number;
  prepare(docs: RawDocument[]): Promise<PrepareResult[]>;
  close(): Promise<void>;
}

export function createPreparer(threads: number): Preparer {
  return threads > 0 ? new ThreadPreparer(threads) : inlinePreparer();
}

export function inlinePreparer(): Preparer {
  return {
    threads: 0,
    async prepare(docs) {
      return docs.map((raw) => {
        try {
          return prepareDocument(raw);
        } catch (err) {
          return err instanceof Error ? err : new Error(String(err));
        }
      });
    },
    async close() {},
  };
}

interface Task {
  id: number;
  docs: RawDocument[];
  resolve: (r: PrepareResult[]) => void;
  reject: (e: Error) => void;
}

type ThreadReply = { id: number; results: Array<{ ok: PreparedDocument } | { error: string }> };

/** Smallest chunk worth sending to a thread (below it, messaging costs more than it saves). */
const MIN_CHUNK = 16;

class ThreadPreparer implements Preparer {
  private idle: Worker[] = [];
  private busy = new Map<Worker, Task>();
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly threads: number) {
    for (let i = 0; i < threads; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    // Built code runs prepare-thread.js; under tsx (tests) the .ts source, with tsx's loader inherited.
    const w = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./prepare-thread.ts', import.meta.url).href)}); })`,
          { eval: true },
        )
      : new Worker(new URL('./prepare-thread.js', import.meta.url));
    w.unref();
    w.on('message', (msg: ThreadReply) => {
      const task = this.busy.get(w);
      if (!task || task.id !== msg.id) return;
      this.busy.delete(w);
      this.idle.push(w);
      w.unref();
      task.resolve(msg.results.map((r) => ('ok' in r ? r.ok : new Error(r.error))));
      this.pump();
    });
    const lost = (err: Error) => {
      const task = this.busy.get(w);
      this.busy.delete(w);
      this.idle = this.idle.filter((x) => x !== w);
      task?.reject(err);
      if (!this.closed) {
        this.idle.push(this.spawn());
        this.pump();
      }
    };
    w.on('error', lost);
    w.on('exit', (code) => {
      if (this.busy.has(w) || (!this.closed && code !== 0)) lost(new Error(`prepare thread exited with code ${code}`));
    });
    return w;
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(w, task);
      w.ref();
      w.postMessage({ id: task.id, docs: task.docs });
    }
  }

  private run(docs: RawDocument[]): Promise<PrepareResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, docs, resolve, reject });
      this.pump();
    });
  }

  async prepare(docs: RawDocument[]): Promise<PrepareResult[]> {
    if (this.closed) throw new Error('the prepare pool is closed');
    const parts = Math.max(1, Math.min(this.threads, Math.floor(docs.length / MIN_CHUNK)));
    const size = Math.ceil(docs.length / parts);
    const chunks: RawDocument[][] = [];
    for (let i = 0; i < docs.length; i += size) chunks.push(docs.slice(i, i + size));
    return (await Promise.all(chunks.map((c) => this.run(c)))).flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy.keys()];
    this.idle = [];
    await Promise.all(all.map((w) => w.terminate()));
  }
}
