import type { Migration } from './migration.js';

/**
 * Evidence tags: one narrow row per passage, country it is about and criterion tagged for that
 * country, with the score and the document's date range, publisher and whether it is official (read from the document, as the assessment always did). The
 * assessment aggregates these (counts, corroboration, newest passages) with an index range scan
 * per country and criterion instead of reading every evidence passage's wide row (text, tsvector).
 * A statement trigger fills them from each INSERT into passages, so every writer (ingest, the
 * queue's workers, uploads) keeps them without code of its own; deleting a passage deletes them.
 * Passages are never updated in place; a migration that rewrites their tags must rebuild these.
 * `evidence_changes` says when a country's evidence last changed, so a stored assessment goes
 * stale only for the countries an ingest concerns (store/assessment-states.ts). The same way,
 * `named_countries` holds every state a document names and `country_documents` each state's
 * documents by date (a country page lists the newest and counts them all); `page_cache` keeps
 * built pages across restarts of the web server.
 */
const migration: Migration = {
  id: 8,
  name: 'evidence tags per passage, country and criterion for assessments aggregated in SQL',
  sql: `
CREATE TABLE evidence_tags (
  country   text NOT NULL,
  criterion smallint NOT NULL,
  score     float8 NOT NULL,
  date_from date,
  date_to   date,
  doc_id    text NOT NULL,
  idx       int NOT NULL,
  publisher text,
  official  boolean NOT NULL,
  FOREIGN KEY (doc_id, idx) REFERENCES passages (doc_id, idx) ON DELETE CASCADE
);

CREATE TABLE evidence_changes (
  country    text PRIMARY KEY,
  changed_at timestamptz NOT NULL
);

-- a tag without "about" was stored before migration 7 and counts for every state the passage is about
CREATE FUNCTION evidence_tags_of_new_passages() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN WITH tags AS (INSERT INTO evidence_tags (country, criterion, score, date_from, date_to, doc_id, idx, publisher, official) SELECT c.country, (t->>'criterion')::smallint, (t->>'score')::float8, d.date_from, d.date_to, n.doc_id, n.idx, d.publisher, coalesce(d.source_type = 'official', false) FROM new_passages n JOIN documents d ON d.id = n.doc_id CROSS JOIN LATERAL unnest(n.about) AS c(country) CROSS JOIN LATERAL jsonb_array_elements(n.criteria) AS t WHERE n.criteria <> '[]'::jsonb AND (NOT t ? 'about' OR t->'about' ? c.country) RETURNING country) INSERT INTO evidence_changes (country, changed_at) SELECT country, clock_timestamp() FROM (SELECT DISTINCT country FROM tags) x ON CONFLICT (country) DO UPDATE SET changed_at = excluded.changed_at; RETURN NULL; END $$;

CREATE TRIGGER passages_evidence_tags AFTER INSERT ON passages REFERENCING NEW TABLE AS new_passages
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_tags_of_new_passages();

INSERT INTO evidence_tags (country, criterion, score, date_from, date_to, doc_id, idx, publisher, official)
SELECT c.country, (t->>'criterion')::smallint, (t->>'score')::float8, d.date_from, d.date_to, p.doc_id, p.idx, d.publisher,
  coalesce(d.source_type = 'official', false)
FROM passages p JOIN documents d ON d.id = p.doc_id
CROSS JOIN LATERAL unnest(p.about) AS c(country)
CROSS JOIN LATERAL jsonb_array_elements(p.criteria) AS t
WHERE p.criteria <> '[]'::jsonb AND (NOT t ? 'about' OR t->'about' ? c.country);

INSERT INTO evidence_changes (country, changed_at)
SELECT e.country, max(d.ingested_at) FROM evidence_tags e JOIN documents d ON d.id = e.doc_id GROUP BY e.country;

CREATE INDEX evidence_tags_country ON evidence_tags (country, criterion, date_to DESC NULLS LAST, score DESC, idx);
ANALYZE evidence_tags;

-- The states documents name, and per state its documents by date, kept by a trigger like the tags:
-- "every country with data" and a country's newest documents no longer read every document row.
CREATE TABLE named_countries (country text PRIMARY KEY);

CREATE TABLE country_documents (
  country     text NOT NULL,
  doc_id      text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  date_from   date,
  ingested_at timestamptz NOT NULL,
  PRIMARY KEY (country, doc_id)
);

CREATE FUNCTION country_documents_of_new_documents() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO country_documents (country, doc_id, date_from, ingested_at) SELECT DISTINCT c.country, n.id, n.date_from, n.ingested_at FROM new_documents n CROSS JOIN LATERAL unnest(n.countries) AS c(country); INSERT INTO named_countries (country) SELECT DISTINCT unnest(countries) FROM new_documents ON CONFLICT DO NOTHING; RETURN NULL; END $$;

CREATE TRIGGER documents_country_documents AFTER INSERT ON documents REFERENCING NEW TABLE AS new_documents
  FOR EACH STATEMENT EXECUTE FUNCTION country_documents_of_new_documents();

INSERT INTO country_documents (country, doc_id, date_from, ingested_at)
SELECT DISTINCT c.country, d.id, d.date_from, d.ingested_at FROM documents d CROSS JOIN LATERAL unnest(d.countries) AS c(country);
INSERT INTO named_countries (country) SELECT DISTINCT country FROM country_documents;
CREATE INDEX country_documents_newest ON country_documents (country, date_from DESC NULLS LAST, ingested_at DESC, doc_id);
ANALYZE country_documents;

-- Pages kept across restarts of the web server, with the version of the inputs they were built from (store/page-cache.ts).
CREATE TABLE page_cache (
  key       text PRIMARY KEY,
  version   text NOT NULL,
  body      text NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);
`,
};
export default migration;
