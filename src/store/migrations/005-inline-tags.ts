import type { Migration } from './migration.js';

/**
 * Extraction tags move into the rows they describe: a passage's countries and criteria, a
 * document's countries and primary countries. One row per passage instead of three to four, so
 * ingestion writes (and checks foreign keys for) far fewer rows; GIN indexes serve the lookups
 * by country. Documents up to 8 KB stay uncompressed in the heap: news text barely compresses,
 * and trying costs every insert.
 */
const migration: Migration = {
  id: 5,
  name: 'countries and criteria stored in passage and document rows',
  sql: `
ALTER TABLE passages ADD COLUMN countries text[] NOT NULL DEFAULT '{}';
ALTER TABLE passages ADD COLUMN criteria jsonb NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN countries text[] NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN primary_countries text[] NOT NULL DEFAULT '{}';

UPDATE passages p SET countries = x.countries
FROM (SELECT doc_id, idx, array_agg(country ORDER BY mentions DESC, country) AS countries FROM passage_countries GROUP BY doc_id, idx) x
WHERE x.doc_id = p.doc_id AND x.idx = p.idx;

UPDATE passages p SET criteria = x.criteria
FROM (SELECT doc_id, idx, jsonb_agg(jsonb_build_object('criterion', criterion, 'score', score, 'cues', to_jsonb(cues)) ORDER BY criterion) AS criteria
      FROM passage_criteria GROUP BY doc_id, idx) x
WHERE x.doc_id = p.doc_id AND x.idx = p.idx;

UPDATE documents d SET countries = x.countries, primary_countries = x.primary_countries
FROM (SELECT doc_id, array_agg(country ORDER BY mentions DESC, country) AS countries,
             coalesce(array_agg(country ORDER BY mentions DESC, country) FILTER (WHERE is_primary), '{}') AS primary_countries
      FROM document_countries GROUP BY doc_id) x
WHERE x.doc_id = d.id;

DROP TABLE passage_countries;
DROP TABLE passage_criteria;
DROP TABLE document_countries;

CREATE INDEX passages_evidence_countries ON passages USING gin (countries) WHERE criteria <> '[]'::jsonb;
CREATE INDEX documents_countries ON documents USING gin (countries);
CREATE INDEX documents_primary_countries ON documents USING gin (primary_countries);
ALTER TABLE documents SET (toast_tuple_target = 8160);
`,
};
export default migration;
