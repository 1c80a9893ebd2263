/** Documents and their passages: storing (idempotent, atomic per document), listing, fetching. */
import { releaseWal, type Db, type Queryable } from './db.js';
import type { DocumentHeader, PreparedDocument } from './prepared-document.js';

export type StoreOutcome = 'new' | 'unchanged';

/** Rows of at most this much text go into one INSERT, so a 50 MB document never builds one giant statement. */
const MAX_CHARS_PER_STATEMENT = 4_000_000;

/** Which of these content hashes the store already holds (one indexed lookup for a whole batch). */
export async function existingContentHashes(db: Queryable, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const r = await db.query<{ h: string }>('SELECT content_hash AS h FROM documents WHERE content_hash = ANY($1::text[])', [hashes]);
  return new Set(r.rows.map((x) => x.h));
}

/**
 * Stores a batch in one transaction (fast path). Every document goes in whole or not at all, and
 * content already stored (same hash) is left untouched. If the batch fails, each document is
 * retried in a transaction of its own so one bad document cannot keep the others out.
 */
export async function storeDocuments(db: Db, docs: PreparedDocument[]): Promise<Array<StoreOutcome | Error>> {
  if (docs.length === 0) return [];
  try {
    return await db.transaction((tx) => insertBatch(tx, docs));
  } catch (err) {
    if (docs.length === 1) return [err as Error];
    const out: Array<StoreOutcome | Error> = [];
    for (const doc of docs) {
      try {
        out.push((await db.transaction((tx) => insertBatch(tx, [doc])))[0]);
      } catch (e) {
        out.push(e as Error);
      }
    }
    return out;
  }
}

async function insertBatch(tx: Queryable, docs: PreparedDocument[]): Promise<StoreOutcome[]> {
  const firstOfHash = new Map<string, PreparedDocument>();
  for (const d of docs) if (!firstOfHash.has(d.contentHash)) firstOfHash.set(d.contentHash, d);
  const unique = [...firstOfHash.values()];
  const inserted = new Set<string>();
  for (const group of chunkByChars(unique, (d) => d.text.length)) {
    const rows = group.map((d) => ({
      id: d.id, content_hash: d.contentHash, title: d.title, source: d.source, url: d.url, external_id: d.externalId,
      format: d.format, lang: d.lang, doc_date: d.date, date_from: d.dateFrom, date_to: d.dateTo, publisher: d.publisher,
      source_type: d.sourceType, char_count: d.text.length, text: d.text, extraction: d.extraction,
      countries: d.countries, primary_countries: d.primary,
    }));
    const r = await tx.query<{ id: string }>(
      `INSERT INTO documents (id, content_hash, title, source, url, external_id, format, lang, doc_date, date_from, date_to,
                              publisher, source_type, char_count, text, extraction, countries, primary_countries)
       SELECT id, content_hash, title, source, url, external_id, format, lang, doc_date, date_from, date_to,
              publisher, source_type, char_count, text, extraction, countries, primary_countries
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, content_hash text, title text, source text, url text, external_id text,
            format text, lang text, doc_date text, date_from date, date_to date, publisher text, source_type text,
            char_count int, text text, extraction jsonb, countries text[], primary_countries text[])
       ON CONFLICT (content_hash) DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    for (const row of r.rows) inserted.add(row.id);
  }
  const fresh = unique.filter((d) => inserted.has(d.id));
  await insertPassages(tx, fresh);
  const seen = new Set<string>();
  return docs.map((d) => {
    const isNew = inserted.has(d.id) && !seen.has(d.id);
    seen.add(d.id);
    return isNew ? 'new' : 'unchanged';
  });
}

async function insertPassages(tx: Queryable, docs: PreparedDocument[]): Promise<void> {
  const passages = docs.flatMap((d) => d.passages.map((p) => ({ d, p })));
  for (const group of chunkByChars(passages, ({ p }) => p.text.length)) {
    await tx.query(
      `INSERT INTO passages (doc_id, idx, start_off, end_off, lang, ts_config, text, countries, criteria, about, date_from, date_to)
       SELECT doc_id, idx, start_off, end_off, lang, ts_config::regconfig, text, countries, criteria, about, date_from, date_to
       FROM jsonb_to_recordset($1::jsonb) AS x(doc_id text, idx int, start_off int, end_off int, lang text, ts_config text, text text,
            countries text[], criteria jsonb, about text[], date_from date, date_to date)`,
      [JSON.stringify(group.map(({ d, p }) => ({
        doc_id: d.id, idx: p.index, start_off: p.start, end_off: p.end, lang: p.lang, ts_config: p.tsConfig, text: p.text,
        countries: p.countries, criteria: p.criteria, about: p.about, date_from: d.dateFrom, date_to: d.dateTo,
      })))],
    );
  }
}

function* chunkByChars<T>(items: T[], size: (item: T) => number): Generator<T[]> {
  let group: T[] = [];
  let chars = 0;
  for (const item of items) {
    const n = size(item) + 100;
    if (group.length && chars + n > MAX_CHARS_PER_STATEMENT) {
      yield group;
      group = [];
      chars = 0;
    }
    group.push(item);
    chars += n;
  }
  if (group.length) yield group;
}

export interface DocumentSummary extends DocumentHeader {
  chars: number;
  passages: number;
  countries: string[];
  primary: string[];
  ingestedAt: string;
}

const SUMMARY_COLUMNS = `d.id, d.title, d.source, d.url, d.external_id AS "externalId", d.format, d.lang, d.doc_date AS date,
  d.publisher, d.source_type AS "sourceType", d.char_count AS chars,
  (SELECT count(*)::int FROM passages p WHERE p.doc_id = d.id) AS passages,
  d.countries, d.primary_countries AS primary,
  to_char(d.ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "ingestedAt"`;

export interface ListDocumentsQuery {
  limit?: number;
  offset?: number;
  lang?: string;
  country?: string;
}

export async function listDocuments(db: Queryable, q: ListDocumentsQuery = {}): Promise<{ total: number; documents: DocumentSummary[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.lang) {
    params.push(q.lang);
    where.push(`d.lang = $${params.length}`);
  }
  if (q.country) {
    params.push(q.country);
    where.push(`d.countries @> ARRAY[$${params.length}::text]`);
  }
  if (q.country && !q.lang) return listCountryDocuments(db, q.country, q.limit ?? 50, q.offset ?? 0);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d ${whereSql}`, params);
  params.push(q.limit ?? 50, q.offset ?? 0);
  const rows = await db.query<DocumentSummary>(
    `SELECT ${SUMMARY_COLUMNS} FROM documents d ${whereSql}
     ORDER BY d.date_from DESC NULLS LAST, d.ingested_at DESC, d.id
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { total: total.rows[0].n, documents: rows.rows };
}

/** A country's documents from `country_documents` (migration 8): counted and ordered by a narrow index, only the page's rows read. */
async function listCountryDocuments(db: Queryable, country: string, limit: number, offset: number): Promise<{ total: number; documents: DocumentSummary[] }> {
  const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM country_documents WHERE country = $1', [country]);
  const rows = await db.query<DocumentSummary>(
    `SELECT ${SUMMARY_COLUMNS} FROM (
       SELECT doc_id, date_from, ingested_at FROM country_documents WHERE country = $1
       ORDER BY date_from DESC NULLS LAST, ingested_at DESC, doc_id LIMIT $2 OFFSET $3
     ) x JOIN documents d ON d.id = x.doc_id
     ORDER BY x.date_from DESC NULLS LAST, x.ingested_at DESC, x.doc_id`,
    [country, limit, offset],
  );
  return { total: total.rows[0].n, documents: rows.rows };
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  extraction: unknown;
  passageSpans: Array<{ idx: number; start: number; end: number; countries: string[]; criteria: number[] }>;
}

/** By document id, a unique id prefix, or the source's own id (e.g. a JSONL `id`). */
export async function getDocument(db: Queryable, ref: string): Promise<DocumentDetail | null> {
  const r = await db.query<DocumentDetail & { matches: number }>(
    `SELECT ${SUMMARY_COLUMNS}, d.text, d.extraction, count(*) OVER ()::int AS matches FROM documents d
     WHERE d.id = $1 OR d.external_id = $1 OR (length($1) >= 8 AND d.id LIKE $1 || '%')
     ORDER BY (d.id = $1) DESC, d.id LIMIT 2`,
    [ref],
  );
  if (r.rows.length === 0) return null;
  if (r.rows.length > 1 && r.rows[0].id !== ref && r.rows[0].externalId !== ref) return null;
  const doc = r.rows[0];
  const spans = await db.query<{ idx: number; start: number; end: number; countries: string[]; criteria: number[] }>(
    `SELECT p.idx, p.start_off AS start, p.end_off AS "end",
       p.countries, ARRAY(SELECT (c->>'criterion')::int FROM jsonb_array_elements(p.criteria) c) AS criteria
     FROM passages p WHERE p.doc_id = $1 ORDER BY p.idx`,
    [doc.id],
  );
  const { matches: _m, ...rest } = doc;
  return { ...rest, passageSpans: spans.rows };
}

export async function documentCount(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0].n;
}

/** GIN indexes whose pending lists ingestion fills. */
const GIN_INDEXES = [
  'passages_tsv_german', 'passages_tsv_english', 'passages_tsv_simple', 'passages_evidence_countries', 'documents_countries', 'documents_primary_countries',
  'passages_evidence_about', 'passages_tsv_french', 'passages_tsv_spanish', 'passages_tsv_italian', 'passages_tsv_portuguese', 'passages_tsv_dutch',
  'passages_tsv_russian', 'passages_tsv_arabic',
];

/**
 * Settles the store after documents went in. Moves the GIN indexes' pending lists (fast-update
 * buffers) into the indexes proper: a server's autovacuum does this eventually, the embedded
 * store has no autovacuum, and every search scans the pending list sequentially. When the
 * corpus has grown by more than a tenth since the planner's statistics were last taken (over
 * any number of ingests), refreshes them too (again: no autovacuum in the embedded store), so
 * searches keep their index plans as the corpus grows.
 */
export async function settleAfterIngest(db: Pick<Db, 'kind' | 'query'>, added: number): Promise<void> {
  if (added <= 0) return;
  await db.query('SELECT gin_clean_pending_list(i::regclass) FROM unnest($1::text[]) AS i', [GIN_INDEXES]);
  // reltuples: the row count at the last analysis (-1 before the first one).
  const r = await db.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'documents'::regclass`);
  const analyzed = r.rows[0].n;
  if (analyzed < 0 || (await documentCount(db)) > analyzed * 1.1) await db.query('ANALYZE documents, passages');
  if (added >= LARGE_WRITE_DOCUMENTS) await releaseWal(db);
}

/** From this many new documents in one ingest, the finished WAL is released afterwards. */
const LARGE_WRITE_DOCUMENTS = 500;
