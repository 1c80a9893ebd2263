/**
 * The store: one SQL dialect (PostgreSQL) on two engines — embedded PGlite in a folder, or a
 * PostgreSQL server. Everything above this module sees only `Db`.
 *
 * Conventions for queries, so both engines return the same JavaScript values:
 * int8 and numeric come back as numbers, date/timestamp columns as strings (cast with ::text
 * where a specific format matters).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, errorMessage } from '../core/errors.js';
import { acquireStoreLock, type StoreLock } from './store-lock.js';
import { migrate } from './migrate.js';

export interface QueryResult<T> {
  rows: T[];
  affectedRows?: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'server';
  /** Folder of the embedded store, or the server URL with its password hidden. */
  readonly location: string;
  /** Runs fn in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Like query, but the statement is prepared once per connection and its plan kept: for the few
   * statements a long-lived process runs again and again with other values (search), where
   * planning is a third of the time.
   */
  queryPrepared<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_STORE_DIR = './armsbrief-data';

/** The store named by --db, else ARMSBRIEF_DB, else DATABASE_URL, else ./armsbrief-data. */
export function resolveStoreTarget(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.ARMSBRIEF_DB || env.DATABASE_URL || DEFAULT_STORE_DIR;
}

export function isServerUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

export interface OpenDbOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Embedded store: PostgreSQL shared_buffers (default SHARED_BUFFERS.oneShot, or .quick for a quick command; a server process passes longLived). */
  sharedBuffers?: string;
  /** Connection pool size in server mode. */
  poolSize?: number;
  /**
   * Embedded store: a command that runs a few queries and exits (search, documents, show). V8 then
   * compiles PGlite's WebAssembly with its baseline compiler only: optimising the hot functions
   * costs more CPU and memory than such a command runs them (see tuneWasmTiering).
   */
  quick?: boolean;
}

export async function openDb(target: string = resolveStoreTarget(), opts: OpenDbOptions = {}): Promise<Db> {
  const db = isServerUrl(target) ? await openServer(target, opts) : await openEmbedded(target, opts.sharedBuffers ?? (opts.quick ? SHARED_BUFFERS.quick : SHARED_BUFFERS.oneShot), opts.quick ?? false);
  if (opts.migrate !== false) {
    try {
      await migrate(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
  }
  return db;
}

/**
 * PostgreSQL's buffer pool in PGlite is memory the process touches at start (RSS grows by its size).
 * A long-lived server keeps hot index pages there across searches: 256 MB measured on 211,000
 * passages (`npm run bench`) halved search p95 against PGlite's default of 128 MB. A one-shot CLI
 * process reads each page about once, so there a big pool only costs memory and start-up time:
 * `armsbrief search` took 7.4 s and 541 MB with 256 MB, 4.1 s and 328 MB with 64 MB on 226,000
 * passages; ingestion ran as fast with 64 MB as with 256 MB (and 20 % slower with 32 MB).
 * A quick command (OpenDbOptions.quick: a search reads at most a few hundred heap pages) takes 16 MB:
 * 155 instead of 211 MB for `armsbrief search`, as fast. `npm run bench:memory` measures the
 * settings. ARMSBRIEF_SHARED_BUFFERS overrides them all.
 */
export const SHARED_BUFFERS = { quick: '16MB', oneShot: '64MB', longLived: '256MB' } as const;

/**
 * V8 compiles PGlite's 9 MB of WebAssembly twice: quickly (Liftoff), then hot functions again with
 * its optimising compiler. Starting PostgreSQL makes many functions "hot" at once, and compiling them
 * peaks at about 40 MB and a second of CPU while the store opens. A larger tiering budget optimises
 * only functions that stay hot: measured 282 instead of 320 MB peak at start, ingestion as fast.
 * A quick command skips the optimising compiler altogether: `armsbrief search` on 226,000 passages
 * took 0.42 instead of 0.60 s of CPU and 211 instead of 285 MB (Liftoff's code is slower, which a
 * long ingest or a server would feel, a handful of queries does not).
 * Set once, before PGlite's module is compiled (V8 reads WebAssembly flags at compile time), so the
 * first store a process opens decides.
 */
let v8FlagsSet = false;
async function tuneWasmTiering(quick: boolean): Promise<void> {
  if (v8FlagsSet) return;
  v8FlagsSet = true;
  (await import('node:v8')).default.setFlagsFromString(quick ? '--liftoff-only' : '--wasm-tiering-budget=100000000');
}

/**
 * PGlite's file system throws Emscripten ErrnoError objects ({ name, errno }) whose numbers are
 * Emscripten's own (musl/WASI), not Linux's; these are the ones a user can act on.
 */
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  51: 'no space left on the device (ENOSPC)', 19: 'the disk quota is exhausted (EDQUOT)', 29: 'input/output error (EIO)',
  69: 'the file system is read-only (EROFS)', 2: 'permission denied (EACCES)', 63: 'operation not permitted (EPERM)', 33: 'too many open files (EMFILE)',
};

/** A readable reason for an error of either engine or the file system. */
export function storeErrorText(err: unknown): string {
  const e = err as { name?: unknown; errno?: unknown; code?: unknown } | null;
  if (e && e.name === 'ErrnoError' && typeof e.errno === 'number') return EMSCRIPTEN_ERRNO[e.errno] ?? `file system error (Emscripten errno ${e.errno})`;
  if (e && e.code === 'ENOSPC') return 'no space left on the device (ENOSPC)';
  return errorMessage(err);
}

/** True for "disk full" from PostgreSQL (SQLSTATE 53100, or its message), Node or PGlite's file system. */
export function isDiskFull(err: unknown): boolean {
  const e = err as { name?: unknown; errno?: unknown; code?: unknown } | null;
  if (e && e.name === 'ErrnoError' && (e.errno === 51 || e.errno === 19)) return true;
  if (e && (e.code === '53100' || e.code === 'ENOSPC' || e.code === 'EDQUOT')) return true;
  return /No space left on device|disk quota exceeded/i.test(errorMessage(err));
}

/**
 * The embedded store keeps no more write-ahead log than it needs: used segments are removed, not
 * recycled, and a checkpoint after a large write (releaseWal) lets them go, so the folder stays near
 * the size of the database instead of carrying hundreds of MB of finished WAL.
 */
const WAL_SETTINGS = ['-c', 'min_wal_size=32MB', '-c', 'wal_recycle=off'];

/** After a large write to the embedded store: end the WAL segment and checkpoint, twice, so finished segments are removed. A server manages its own WAL. */
export async function releaseWal(db: Pick<Db, 'kind' | 'query'>): Promise<void> {
  if (db.kind !== 'embedded') return;
  for (let i = 0; i < 2; i++) {
    await db.query('SELECT pg_switch_wal()');
    await db.query('CHECKPOINT');
  }
}

/** Free bytes on the file system of an embedded store; null for a server (its disk is not ours to see). */
export function storeFreeBytes(db: Pick<Db, 'kind' | 'location'>): number | null {
  if (db.kind !== 'embedded') return null;
  try {
    const s = fs.statfsSync(db.location);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** Below this much free space an embedded store stops writing: PostgreSQL needs room for WAL and temporary files. */
export const MIN_FREE_BYTES = 32 * 1024 * 1024;

export function diskFullError(location: string, detail: string): AppError {
  return new AppError('store_disk_full', `The disk holding the store ${location} is full: ${detail}.`, {
    hint: 'Free some space (or choose a store on another disk with --db) and run the same command again; documents already stored are skipped as unchanged.',
    status: 507,
  });
}

/** Refuses to write when the embedded store's disk has less than MIN_FREE_BYTES (plus `need`) free. */
export function assertStoreSpace(db: Pick<Db, 'kind' | 'location'>, need = 0): void {
  const free = storeFreeBytes(db);
  if (free !== null && free < MIN_FREE_BYTES + need) {
    throw diskFullError(db.location, `${(free / 1024 / 1024).toFixed(1)} MB free, at least ${Math.ceil((MIN_FREE_BYTES + need) / 1024 / 1024)} MB needed to write safely`);
  }
}

const numeric = (v: string) => (v === null ? null : Number(v));
const asText = (v: string) => v;

async function openEmbedded(dir: string, sharedBuffers: string, quick: boolean): Promise<Db> {
  const location = path.resolve(dir);
  fs.mkdirSync(location, { recursive: true });
  const lock: StoreLock = acquireStoreLock(location);
  await tuneWasmTiering(quick);
  const { PGlite, types, protocol, parse } = await import('@electric-sql/pglite');
  let pg: InstanceType<typeof PGlite>;
  const dataDir = path.join(location, 'pgdata');
  const parsers = {
    [types.INT8]: numeric,
    [types.NUMERIC]: numeric,
    [types.DATE]: asText,
    [types.TIMESTAMP]: asText,
    [types.TIMESTAMPTZ]: asText,
  };
  try {
    if (!fs.existsSync(dataDir)) await createCluster(dataDir);
    pg = await PGlite.create(dataDir, {
      parsers,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${process.env.ARMSBRIEF_SHARED_BUFFERS || sharedBuffers}`, ...WAL_SETTINGS],
    });
  } catch (err) {
    lock.release();
    if (isDiskFull(err)) throw diskFullError(location, storeErrorText(err));
    throw new AppError('store_open_failed', `Cannot open the embedded store at ${location}: ${storeErrorText(err)}`, {
      hint: 'If the folder is not an armsbrief store, choose another with --db <dir>.',
      cause: err,
    });
  }
  const wrap = (q: { query: typeof pg.query }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params as unknown[] | undefined);
      return { rows: r.rows, affectedRows: r.affectedRows };
    },
  });
  // Named statements and the types of their parameters (for PGlite's serializers), per store.
  const prepared = new Map<string, { name: string; types: number[] }>();
  const wire = protocol.serialize;
  const messages = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  };
  // PGlite's query() parses and plans every statement anew (an unnamed statement); this is its
  // extended-protocol exchange with a named statement that outlives the call.
  const queryPrepared = <T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> =>
    pg.runExclusive(async () => {
      let statement = prepared.get(sql);
      if (!statement) {
        const name = `armsbrief_${prepared.size}`;
        const described = await pg.execProtocol(messages(wire.parse({ name, text: sql }), wire.describe({ type: 'S', name }), wire.sync()));
        statement = { name, types: parse.parseDescribeStatementResults(described.messages) };
        prepared.set(sql, statement);
      }
      const { name, types } = statement;
      const values = params.map((v, i) => {
        if (v === null || v === undefined) return null;
        const serialize = pg.serializers[types[i]];
        return serialize ? serialize(v) : String(v);
      });
      const r = await pg.execProtocol(messages(wire.bind({ statement: name, values }), wire.describe({ type: 'P' }), wire.execute({}), wire.sync()));
      const result = parse.parseResults(r.messages, { ...pg.parsers, ...parsers })[0];
      return { rows: result.rows as T[], affectedRows: result.affectedRows };
    });
  return {
    kind: 'embedded',
    location,
    ...wrap(pg),
    queryPrepared,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: async () => {
      try {
        await pg.close();
      } finally {
        lock.release();
      }
    },
  };
}

/**
 * Creates the cluster in a side folder and renames it into place only when complete, so a
 * process killed while creating a store leaves no half-made cluster behind (the next open
 * simply creates it again). The creating PGlite runs in a worker thread that ends when it is
 * done: its WebAssembly memory (about 120 MB) goes with the thread instead of staying in this
 * process until a garbage collection that may never come.
 */
async function createCluster(dataDir: string): Promise<void> {
  const parent = path.dirname(dataDir);
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith('pgdata.creating-')) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const tmp = `${dataDir}.creating-${process.pid}`;
  try {
    await runClusterThread(tmp);
    fs.renameSync(tmp, dataDir);
  } catch (err) {
    // A full disk must not leave a half-made cluster taking the space that is left.
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

function runClusterThread(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Built code runs cluster-thread.js; under tsx the .ts source, with tsx's loader.
    const w = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./cluster-thread.ts', import.meta.url).href)}); })`,
          { eval: true, workerData: { dir } },
        )
      : new Worker(new URL('./cluster-thread.js', import.meta.url), { workerData: { dir }, execArgv: [] }); // not the parent's flags (e.g. --input-type)
    let failure: unknown = null;
    w.on('message', (m: { error?: { name?: string; errno?: number; message?: string } }) => {
      // Rebuilt as the same shape (an Emscripten ErrnoError is { name, errno }), so disk-full is recognised.
      if (m.error) failure = m.error.name === 'ErrnoError' ? { name: m.error.name, errno: m.error.errno } : new Error(m.error.message);
    });
    w.on('error', (err) => (failure ??= err));
    w.on('exit', (code) => (failure || code !== 0 ? reject(failure ?? new Error(`cluster creation thread exited with code ${code}`)) : resolve()));
  });
}

async function openServer(url: string, opts: OpenDbOptions): Promise<Db> {
  const pgmod = (await import('pg')).default;
  const parsers = new Map<number, (v: string) => unknown>([
    [20, numeric],
    [1700, numeric],
    [1082, asText],
    [1114, asText],
    [1184, asText],
  ]);
  const pool = new pgmod.Pool({
    connectionString: url,
    max: opts.poolSize ?? 8,
    connectionTimeoutMillis: 10_000,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers.get(oid) ?? pgmod.types.getTypeParser(oid, format as 'text')) as typeof pgmod.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const location = redactUrl(url);
  const serverError = (err: unknown) =>
    new AppError('store_unreachable', `Cannot reach the PostgreSQL server ${location}: ${errorMessage(err)}`, {
      hint: 'Check that the server runs and the URL (host, port, user, database) is right.',
      status: 503,
      cause: err,
    });
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw serverError(err);
  }
  type Statement = string | { name: string; text: string };
  type PgQueryable = { query(sql: Statement, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }> };
  const run = async <T>(q: PgQueryable, sql: Statement, params?: unknown[]) => {
    const r = await q.query(sql, params);
    return { rows: r.rows as T[], affectedRows: r.rowCount ?? undefined };
  };
  return {
    kind: 'server',
    location,
    query: (sql, params) => run(pool, sql, params),
    // pg prepares a named statement once on each pooled connection that runs it.
    queryPrepared: <T>(sql: string, params?: unknown[]) =>
      run<T>(pool, { name: `armsbrief_${crypto.createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text: sql }, params),
    async transaction(fn) {
      const client = await pool.connect();
      // A server that goes away while this client is checked out must fail the transaction
      // (the next query rejects), not crash the process with an unhandled 'error' event.
      let broken = false;
      const ignore = () => {
        broken = true;
      };
      client.on('error', ignore);
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', ignore);
        client.release(broken); // a broken connection is discarded, not returned to the pool
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
