/**
 * Baselines for `npm run bench:scale`, on the same passages and queries as armsbrief's search:
 * SQLite FTS5 (better-sqlite3, BM25, porter stemmer — English only, as FTS5 has no German one) and
 * MiniSearch (an in-memory JavaScript index, BM25+). Neither is a dependency of armsbrief: both are
 * installed into a scratch folder on the first run (better-sqlite3 needs a native build) and
 * loaded from there with createRequire; when that fails the benchmark says so and goes on without.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import type { SearchQuery } from '../src/store/search.js';

export const BASELINE_PACKAGES = ['better-sqlite3@12', 'minisearch@7'];

/* Just the surface the benchmark uses. */
interface SqliteStatement { run(...p: unknown[]): unknown; get(...p: unknown[]): unknown; all(...p: unknown[]): unknown[] }
export interface SqliteDb { exec(sql: string): void; prepare(sql: string): SqliteStatement; transaction<T extends (...a: never[]) => void>(fn: T): T; close(): void }
type SqliteCtor = new (file: string, opts?: { readonly?: boolean }) => SqliteDb;
interface MiniSearchIndex { addAll(docs: object[]): void; search(q: unknown, opts?: object): Array<{ id: number; score: number }> }
type MiniSearchCtor = new (opts: object) => MiniSearchIndex;

export interface BaselineLibs {
  Sqlite: SqliteCtor;
  MiniSearch: MiniSearchCtor;
  /** The folder they were installed into (a child process loads better-sqlite3 from there too). */
  dir: string;
}

/** Installs the baseline packages into `dir` unless present; returns them, or the reason they are missing. */
export function loadBaselines(dir: string, log: (line: string) => void): BaselineLibs | { error: string } {
  const pkg = path.join(dir, 'package.json');
  const req = () => createRequire(pkg);
  const load = (): BaselineLibs => ({ Sqlite: req()('better-sqlite3') as SqliteCtor, MiniSearch: req()('minisearch') as MiniSearchCtor, dir });
  try {
    return load();
  } catch {
    // not installed yet
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(pkg, JSON.stringify({ name: 'armsbrief-bench-deps', private: true, allowScripts: { 'better-sqlite3': true } }));
  log(`installing ${BASELINE_PACKAGES.join(' and ')} into ${dir} (once; better-sqlite3 compiles, a minute or two) …`);
  // Node's own headers under /usr serve the native build where no headers can be downloaded.
  const nodedir = fs.existsSync('/usr/include/node/node.h') ? ['--nodedir=/usr'] : [];
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', ...nodedir, ...BASELINE_PACKAGES], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) return { error: `npm install ${BASELINE_PACKAGES.join(' ')} failed in ${dir}: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-3).join(' ')}` };
  try {
    return load();
  } catch (err) {
    return { error: `installed, but cannot load them from ${dir}: ${(err as Error).message}` };
  }
}

export interface BasePassage { lang: string; text: string; dateFrom: string | null; dateTo: string | null }

/**
 * PostgreSQL's web-search syntax as AND of OR-groups plus exclusions: `a OR b c -d` is
 * (a OR b) AND c AND NOT d; a "phrase" is one term.
 */
export function parseWebsearch(q: string): { groups: Array<Array<{ text: string; phrase: boolean }>>; not: string[] } {
  const groups: Array<Array<{ text: string; phrase: boolean }>> = [];
  const not: string[] = [];
  let or = false;
  for (const token of q.match(/-?"[^"]*"|\S+/g) ?? []) {
    if (token === 'OR') {
      or = groups.length > 0;
      continue;
    }
    const negated = token.startsWith('-');
    const raw = negated ? token.slice(1) : token;
    const phrase = raw.startsWith('"');
    const text = raw.replace(/^"|"$/g, '');
    if (!text) continue;
    if (negated) not.push(text);
    else if (or) groups[groups.length - 1].push({ text, phrase });
    else groups.push([{ text, phrase }]);
    or = false;
  }
  return { groups, not };
}

const dayFrom = (d: string) => (d.length === 4 ? `${d}-01-01` : d);
const dayTo = (d: string) => (d.length === 4 ? `${d}-12-31` : d);

/** SQLite FTS5 over the passages in a file, built once next to the store. */
export class Fts5Baseline {
  private constructor(private readonly db: SqliteDb) {}

  /** `passages` are read only when the file is not there yet. */
  static build(libs: BaselineLibs, file: string, passages: Iterable<BasePassage>): { fts: Fts5Baseline; builtSeconds: number | null } {
    if (fs.existsSync(file)) return { fts: new Fts5Baseline(new libs.Sqlite(file, { readonly: true })), builtSeconds: null };
    const started = performance.now();
    const tmp = `${file}.building`;
    fs.rmSync(tmp, { force: true });
    const db = new libs.Sqlite(tmp);
    db.exec(`CREATE VIRTUAL TABLE fts USING fts5(text, lang UNINDEXED, date_from UNINDEXED, date_to UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')`);
    const insert = db.prepare('INSERT INTO fts (text, lang, date_from, date_to) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const p of passages) insert.run(p.text, p.lang, p.dateFrom, p.dateTo);
    })();
    db.exec(`INSERT INTO fts (fts) VALUES ('optimize')`);
    db.close();
    fs.renameSync(tmp, file);
    return { fts: new Fts5Baseline(new libs.Sqlite(file, { readonly: true })), builtSeconds: (performance.now() - started) / 1000 };
  }

  static matchExpression(query: string): string {
    const { groups, not } = parseWebsearch(query);
    const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
    return groups.map((g) => `(${g.map((t) => quote(t.text)).join(' OR ')})`).join(' AND ') + not.map((n) => ` NOT ${quote(n)}`).join('');
  }

  static filters(q: SearchQuery): { sql: string; params: unknown[] } {
    const sql: string[] = [];
    const params: unknown[] = [];
    const add = (cond: string, value: unknown) => {
      sql.push(cond);
      params.push(value);
    };
    if (q.lang) add('lang = ?', q.lang);
    if (q.from) add('date_to >= ?', dayFrom(q.from));
    if (q.to) add('date_from <= ?', dayTo(q.to));
    return { sql: sql.map((s) => ` AND ${s}`).join(''), params };
  }

  /** The best `limit` passages by BM25 with snippets; with `count`, also the exact number of matches. */
  search(q: SearchQuery, count: boolean): { hits: number; total: number | null } {
    const f = Fts5Baseline.filters(q);
    const match = Fts5Baseline.matchExpression(q.query);
    const hits = this.db
      .prepare(`SELECT rowid, snippet(fts, 0, '[', ']', '…', 20) AS s FROM fts WHERE fts MATCH ?${f.sql} ORDER BY rank LIMIT ?`)
      .all(match, ...f.params, q.limit ?? 10);
    const total = count ? (this.db.prepare(`SELECT count(*) AS n FROM fts WHERE fts MATCH ?${f.sql}`).get(match, ...f.params) as { n: number }).n : null;
    return { hits: hits.length, total };
  }

  close(): void {
    this.db.close();
  }
}

/** The code a one-shot FTS5 search process runs (node -e), for the one-shot comparison with the CLI. */
export function fts5OneShotScript(libs: BaselineLibs, file: string, q: SearchQuery): string {
  const f = Fts5Baseline.filters(q);
  return `const D = require('module').createRequire(${JSON.stringify(path.join(libs.dir, 'package.json'))})('better-sqlite3');
const db = new D(${JSON.stringify(file)}, { readonly: true });
const m = ${JSON.stringify(Fts5Baseline.matchExpression(q.query))};
const rows = db.prepare("SELECT rowid, snippet(fts, 0, '[', ']', '…', 20) AS s FROM fts WHERE fts MATCH ?${f.sql} ORDER BY rank LIMIT 10").all(m, ...${JSON.stringify(f.params)});
const n = db.prepare("SELECT count(*) AS n FROM fts WHERE fts MATCH ?${f.sql}").get(m, ...${JSON.stringify(f.params)}).n;
process.stdout.write(n + ' passages found\\n' + rows.map((r) => r.s).join('\\n') + '\\n');`;
}

/** MiniSearch over the passages, in memory (built on every run: it has no file format of its own). */
export class MiniSearchBaseline {
  private constructor(private readonly index: MiniSearchIndex, private readonly docs: BasePassage[]) {}

  static build(libs: BaselineLibs, passages: BasePassage[]): { mini: MiniSearchBaseline; builtSeconds: number } {
    const started = performance.now();
    const index = new libs.MiniSearch({ fields: ['text'], idField: 'id' });
    const BATCH = 10_000;
    for (let i = 0; i < passages.length; i += BATCH) index.addAll(passages.slice(i, i + BATCH).map((p, j) => ({ id: i + j, text: p.text })));
    return { mini: new MiniSearchBaseline(index, passages), builtSeconds: (performance.now() - started) / 1000 };
  }

  search(q: SearchQuery): { hits: number; total: number } {
    const { groups, not } = parseWebsearch(q.query);
    // MiniSearch has no phrases: a phrase becomes all of its words.
    const positive = { combineWith: 'AND', queries: groups.map((g) => ({ combineWith: 'OR', queries: g.map((t) => ({ combineWith: 'AND', queries: [t.text] })) })) };
    const tree = not.length ? { combineWith: 'AND_NOT', queries: [positive, ...not] } : positive;
    const from = q.from ? dayFrom(q.from) : null;
    const to = q.to ? dayTo(q.to) : null;
    const filter = q.lang || from || to
      ? (r: { id: number }) => {
        const p = this.docs[r.id];
        return (!q.lang || p.lang === q.lang) && (!from || (p.dateTo !== null && p.dateTo >= from)) && (!to || (p.dateFrom !== null && p.dateFrom <= to));
      }
      : undefined;
    const results = this.index.search(tree, filter ? { filter } : {});
    return { hits: Math.min(results.length, q.limit ?? 10), total: results.length };
  }
}
