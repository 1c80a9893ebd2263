import type { Migration } from './migration.js';

/**
 * Extraction tags move into the rows they describe: a passage's countries and criteria, a
 * document's countries and primary countries. One row per passage instead of three to four, so
 * ingestion writes (and checks foreign keys for) far fewer rows; GIN indexes serve the lookups
 * by country. Passages also carry their document's date range, so a date-bounded search filters
 * without joining documents for every match. One full-text index per language configuration: a
 * search branch then reads only its own language's matches and needs no recheck filter.
 * Documents up to 8 KB stay uncompressed in the heap: news text barely compresses, and trying
 * costs every insert.
 */
const migration: Migration = {
  id: 5,
  name: 'countries, criteria and dates stored in passage and document rows; a search index per language',
  sql: `
ALTER TABLE passages ADD COLUMN countries text[] NOT NULL DEFAULT '{}';
ALTER TABLE passages ADD COLUMN criteria jsonb NOT NULL DEFAULT '[]';
ALTER TABLE passages ADD COLUMN date_from date;
ALTER TABLE passages ADD COLUMN date_to date;
ALTER TABLE documents ADD COLUMN countries text[] NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN primary_countries text[] NOT NULL DEFAULT '{}';
-- The old full-text index goes first, so rewriting every passage below does not also maintain it.
DROP INDEX passages_tsv;

UPDATE passages p SET countries = coalesce(x.countries, '{}'), criteria = coalesce(x.criteria, '[]'), date_from = x.date_from, date_to = x.date_to
FROM (SELECT q.doc_id, q.idx, d.date_from, d.date_to, pc.countries, pk.criteria
      FROM passages q JOIN documents d ON d.id = q.doc_id
      LEFT JOIN (SELECT doc_id, idx, array_agg(country ORDER BY mentions DESC, country) AS countries FROM passage_countries GROUP BY doc_id, idx) pc
        ON pc.doc_id = q.doc_id AND pc.idx = q.idx
      LEFT JOIN (SELECT doc_id, idx, jsonb_agg(jsonb_build_object('criterion', criterion, 'score', score, 'cues', to_jsonb(cues)) ORDER BY criterion) AS criteria
                 FROM passage_criteria GROUP BY doc_id, idx) pk
        ON pk.doc_id = q.doc_id AND pk.idx = q.idx) x
WHERE x.doc_id = p.doc_id AND x.idx = p.idx;

UPDATE documents d SET countries = x.countries, primary_countries = x.primary_countries
FROM (SELECT doc_id, array_agg(country ORDER BY mentions DESC, country) AS countries,
             coalesce(array_agg(country ORDER BY mentions DESC, country) FILTER (WHERE is_primary), '{}') AS primary_countries
      FROM document_countries GROUP BY doc_id) x
WHERE x.doc_id = d.id;

DROP TABLE passage_countries;
DROP TABLE passage_criteria;
DROP TABLE document_countries;

CREATE INDEX passages_tsv_german ON passages USING gin (tsv) WHERE ts_config = 'german'::regconfig;
CREATE INDEX passages_tsv_english ON passages USING gin (tsv) WHERE ts_config = 'english'::regconfig;
CREATE INDEX passages_tsv_simple ON passages USING gin (tsv) WHERE ts_config = 'simple'::regconfig;
CREATE INDEX passages_evidence_countries ON passages USING gin (countries) WHERE criteria <> '[]'::jsonb;
CREATE INDEX documents_countries ON documents USING gin (countries);
CREATE INDEX documents_primary_countries ON documents USING gin (primary_countries);
ALTER TABLE documents SET (toast_tuple_target = 8160);
-- The embedded store has no autovacuum: the planner needs statistics of the new columns now.
ANALYZE passages, documents;
`,
  vacuum: ['passages', 'documents'],
};
export default migration;
