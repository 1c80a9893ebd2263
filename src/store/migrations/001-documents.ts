import type { Migration } from './migration.js';

const migration: Migration = {
  id: 1,
  name: 'documents and passages with full-text search',
  sql: `
CREATE TABLE documents (
  id           text PRIMARY KEY,
  content_hash text NOT NULL UNIQUE,
  title        text,
  source       text NOT NULL,
  url          text,
  external_id  text,
  format       text NOT NULL,
  lang         text NOT NULL,
  doc_date     text,
  date_from    date,
  date_to      date,
  publisher    text,
  char_count   int NOT NULL,
  text         text NOT NULL,
  ingested_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_date ON documents (date_from, date_to);

CREATE TABLE passages (
  doc_id     text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx        int NOT NULL,
  start_off  int NOT NULL,
  end_off    int NOT NULL,
  lang       text NOT NULL,
  ts_config  regconfig NOT NULL,
  text       text NOT NULL,
  tsv        tsvector GENERATED ALWAYS AS (to_tsvector(ts_config, text)) STORED,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX passages_tsv ON passages USING gin (tsv);
`,
};
export default migration;
