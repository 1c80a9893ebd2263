import type { Migration } from './migration.js';

/** What extraction found, stored per passage and per document, so search and assessment can filter on it. */
const migration: Migration = {
  id: 3,
  name: 'extracted countries and criteria per passage and document',
  sql: `
ALTER TABLE documents ADD COLUMN source_type text;
ALTER TABLE documents ADD COLUMN extraction jsonb;

CREATE TABLE passage_countries (
  doc_id   text NOT NULL,
  idx      int NOT NULL,
  country  text NOT NULL,
  mentions int NOT NULL,
  PRIMARY KEY (doc_id, idx, country),
  FOREIGN KEY (doc_id, idx) REFERENCES passages(doc_id, idx) ON DELETE CASCADE
);
CREATE INDEX passage_countries_country ON passage_countries (country);

CREATE TABLE passage_criteria (
  doc_id    text NOT NULL,
  idx       int NOT NULL,
  criterion smallint NOT NULL CHECK (criterion BETWEEN 1 AND 8),
  score     real NOT NULL,
  cues      text[] NOT NULL,
  PRIMARY KEY (doc_id, idx, criterion),
  FOREIGN KEY (doc_id, idx) REFERENCES passages(doc_id, idx) ON DELETE CASCADE
);
CREATE INDEX passage_criteria_criterion ON passage_criteria (criterion);

CREATE TABLE document_countries (
  doc_id     text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  country    text NOT NULL,
  mentions   int NOT NULL,
  is_primary boolean NOT NULL,
  PRIMARY KEY (doc_id, country)
);
CREATE INDEX document_countries_country ON document_countries (country);
`,
};
export default migration;
