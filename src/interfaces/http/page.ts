/**
 * One loader per page: the HTML page, its JSON twin under /api and the CSV of each of its tables
 * all come from the same loader result, so they can never disagree.
 *   GET <path>                 → HTML
 *   GET /api<path>             → JSON
 *   GET /api<path>.csv, or either of the above with ?format=csv[&table=<name>] → CSV
 */
import { gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import { AppError } from '../../core/errors.js';
import type { SafeHtml } from '../web/html.js';
import { layout, type View } from '../web/layout.js';
import type { Lang } from '../web/i18n/index.js';
import type { Deps, Env } from './context.js';
import { toCsv, type Table } from '../../core/csv.js';
import { cachedPage, storePage } from '../../services/kept-pages.js';

export interface PageRequest {
  param(name: string): string;
  query: URLSearchParams;
  lang: Lang;
}

export interface PageSpec<T> {
  path: string;
  /** Extra HTML paths served by the same page (e.g. '/' for the overview). */
  aliases?: string[];
  load(deps: Deps, req: PageRequest): Promise<T>;
  title(data: T, view: View): string;
  render(data: T, view: View): SafeHtml;
  /** Tables of the page, by name; the first is the default CSV. */
  tables?: Record<string, (data: T, lang: Lang) => Table>;
  /** Cache key for the loader result (null: never cached). Default: path + sorted query. */
  cacheKey?: ((req: PageRequest, path: string) => string | null) | null;
  /**
   * Keep the result in the store too (a restarted server answers without rebuilding it): its key
   * there, and the version of its inputs, asked before each rebuild and compared on each read.
   */
  persist?: {
    key(req: PageRequest): string;
    version(deps: Deps, req: PageRequest): Promise<string>;
    /**
     * While what the page shows is being recomputed in the background (a stale assessment: a new
     * day, another process's import), an outdated kept page is answered, `mark`ed, instead of
     * being rebuilt on request from what is outdated anyway; a write through this server
     * recomputes first, so the writer's page is rebuilt.
     */
    outdated?: { pending(deps: Deps, req: PageRequest): Promise<boolean>; mark(data: T): T };
  };
}

interface Entry<T> {
  /** The loader result; for a page read back from the store, parsed when first needed (a JSON answer needs only `json`). */
  data(): T;
  json: string | null;
  /** The JSON gzipped, made once for the clients that accept it (browsers, fetch). */
  gzip?: Buffer;
}

/** Below this a JSON answer is sent as it is: compressing it saves less than it costs. */
const GZIP_FROM_BYTES = 8 * 1024;

/** The entry's JSON, serialised once, and gzipped once when the client accepts gzip and it is large. */
function jsonResponse<T>(c: Context<Env>, entry: Entry<T>): Response {
  const json = (entry.json ??= JSON.stringify(entry.data()));
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8', Vary: 'Accept-Encoding' };
  if (json.length >= GZIP_FROM_BYTES && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    entry.gzip ??= gzipSync(json);
    return c.body(new Uint8Array(entry.gzip.buffer as ArrayBuffer, entry.gzip.byteOffset, entry.gzip.byteLength), 200, { ...headers, 'Content-Encoding': 'gzip' });
  }
  return c.body(json, 200, headers);
}

export function viewOf(c: Context<Env>, deps: Deps): View {
  return { lang: c.get('lang'), t: c.get('t'), url: new URL(c.req.url), authed: c.get('authed'), writable: !!deps.opts.token, csrf: c.get('csrf') };
}

function wantsCsv(c: Context<Env>): boolean {
  return c.req.query('format') === 'csv' || new URL(c.req.url).pathname.endsWith('.csv');
}

export function csvResponse(c: Context, table: Table, name: string): Response {
  const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'table';
  return c.body(toCsv(table), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${safe}.csv"`,
  });
}

export function definePage<T>(router: Hono<Env>, deps: Deps, spec: PageSpec<T>): void {
  const run = async (c: Context<Env>, api: boolean) => {
    const url = new URL(c.req.url);
    const req: PageRequest = { param: (n) => c.req.param(n) ?? '', query: url.searchParams, lang: c.get('lang') };
    const path = api ? url.pathname.replace(/^\/api/, '').replace(/\.csv$/, '') : url.pathname;
    const key = spec.cacheKey === null ? null : spec.cacheKey ? spec.cacheKey(req, path) : defaultKey(path, url.searchParams);
    const loadEntry = spec.persist && deps.cache.enabled && !deps.opts.assessOnRequest
      ? () => loadPersisted(deps, spec, req)
      : async (): Promise<Entry<T>> => {
          const data = await spec.load(deps, req);
          return { data: () => data, json: null };
        };
    const entry = key === null ? await loadEntry() : await deps.cache.get(`${spec.path}|${key}`, loadEntry);
    if (wantsCsv(c)) {
      const data = entry.data();
      const tables = spec.tables ?? {};
      const names = Object.keys(tables);
      const name = c.req.query('table') ?? names[0];
      const make = name ? tables[name] : undefined;
      if (!make) {
        throw new AppError('no_table', names.length ? `Unknown table ${JSON.stringify(name)}; this page has: ${names.join(', ')}.` : 'This page has no table to download.', { status: 404 });
      }
      return csvResponse(c, make(data, req.lang), `${path.replace(/^\//, '') || 'overview'}-${name}`);
    }
    if (api) return jsonResponse(c, entry);
    const data = entry.data();
    const view = viewOf(c, deps);
    return c.html(layout(view, spec.title(data, view), spec.render(data, view)).value);
  };
  for (const p of [spec.path, ...(spec.aliases ?? [])]) router.get(p, (c) => run(c, false));
  router.get(`/api${spec.path}`, (c) => run(c, true));
}

/** The kept result when its inputs are unchanged; else built, kept and returned (its JSON serialised once). */
async function loadPersisted<T>(deps: Deps, spec: PageSpec<T>, req: PageRequest): Promise<Entry<T>> {
  const db = deps.app.db;
  const key = spec.persist!.key(req);
  // The version first: inputs that change while the page is built make the kept one outdated, not wrong.
  const version = await spec.persist!.version(deps, req);
  const kept = await cachedPage(db, key);
  if (kept && kept.version === version) {
    let parsed: T | undefined;
    return { data: () => (parsed ??= JSON.parse(kept.body) as T), json: kept.body };
  }
  const outdated = spec.persist!.outdated;
  if (kept && outdated && (await outdated.pending(deps, req))) {
    const data = outdated.mark(JSON.parse(kept.body) as T);
    return { data: () => data, json: null };
  }
  const data = await spec.load(deps, req);
  const json = JSON.stringify(data);
  await storePage(db, key, version, json);
  return { data: () => data, json };
}

function defaultKey(path: string, q: URLSearchParams): string {
  const entries = [...q.entries()].filter(([k]) => k !== 'format' && k !== 'table').sort(([a], [b]) => a.localeCompare(b));
  return `${path}?${new URLSearchParams(entries).toString()}`;
}
