import type { Migration } from './migration.js';

/**
 * Indicator values from public datasets and from ingested briefs, with provenance and history.
 * A value is keyed by indicator, entity, partner, year and source: the same figure from a dataset and
 * from a brief are two rows (so they can be compared), and a newer file of the same source updates
 * its row and leaves the old value in indicator_value_history.
 */
const migration: Migration = {
  id: 2,
  name: 'indicator values, history, import runs, unresolved names, arms deals, external assessments',
  sql: `
CREATE TABLE import_runs (
  id           bigserial PRIMARY KEY,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  report       jsonb
);

CREATE TABLE indicator_values (
  indicator_id  text NOT NULL,
  entity_key    text NOT NULL,
  country_code  text,
  entity_name   text NOT NULL,
  entity_kind   text NOT NULL,
  partner_key   text NOT NULL DEFAULT '',
  partner_name  text,
  year          int NOT NULL,
  source_id     text NOT NULL,
  value         numeric,
  value_text    text,
  unit          text NOT NULL,
  note          text,
  publisher     text NOT NULL,
  source_file   text NOT NULL,
  source_sheet  text,
  source_row    int,
  source_doc_id text,
  source_table  text,
  import_run_id bigint REFERENCES import_runs(id) ON DELETE SET NULL,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity_key, indicator_id, partner_key, year, source_id)
);
-- The primary key leads with the entity, which serves every per-country read; no further index, because
-- each one slows the bulk import noticeably on the embedded store.

CREATE TABLE indicator_value_history (
  id              bigserial PRIMARY KEY,
  indicator_id    text NOT NULL,
  entity_key      text NOT NULL,
  partner_key     text NOT NULL,
  year            int NOT NULL,
  source_id       text NOT NULL,
  old_value       numeric,
  old_value_text  text,
  old_source_file text,
  old_imported_at timestamptz,
  new_value       numeric,
  new_value_text  text,
  new_source_file text NOT NULL,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  import_run_id   bigint REFERENCES import_runs(id) ON DELETE SET NULL
);
CREATE INDEX indicator_value_history_key ON indicator_value_history (indicator_id, entity_key, year);

CREATE TABLE import_files (
  source_id     text NOT NULL,
  source_file   text NOT NULL,
  content_hash  text NOT NULL,
  import_run_id bigint REFERENCES import_runs(id) ON DELETE SET NULL,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  value_count   int NOT NULL,
  PRIMARY KEY (source_id, source_file, content_hash)
);

CREATE TABLE import_unresolved (
  import_run_id bigint NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  source_id     text NOT NULL,
  source_file   text NOT NULL,
  sheet         text,
  row           int,
  name          text NOT NULL,
  value_count   int NOT NULL
);

CREATE TABLE arms_transfer_deals (
  sipri_id                   text NOT NULL,
  delivery_year              int NOT NULL,
  supplier_name              text NOT NULL,
  supplier_key               text,
  recipient_name             text NOT NULL,
  recipient_key              text,
  designation                text,
  description                text,
  category                   text,
  order_year                 int,
  order_year_estimated       boolean NOT NULL,
  number_delivered           numeric,
  number_delivered_estimated boolean NOT NULL,
  delivery_year_estimated    boolean NOT NULL,
  status                     text,
  tiv_deal_unit              numeric,
  tiv_delivered              numeric,
  local_production           boolean NOT NULL,
  source_file                text NOT NULL,
  source_row                 int,
  import_run_id              bigint REFERENCES import_runs(id) ON DELETE SET NULL,
  imported_at                timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sipri_id, delivery_year)
);
CREATE INDEX arms_transfer_deals_recipient ON arms_transfer_deals (recipient_key, delivery_year);
CREATE INDEX arms_transfer_deals_supplier ON arms_transfer_deals (supplier_key, delivery_year);

CREATE TABLE external_assessments (
  publisher      text NOT NULL,
  country_code   text NOT NULL,
  criterion      int NOT NULL CHECK (criterion BETWEEN 1 AND 8),
  rating         text NOT NULL,
  rating_label   text,
  as_of          text,
  source_doc_id  text NOT NULL,
  source_table   text,
  source_excerpt text,
  imported_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (publisher, country_code, criterion, source_doc_id)
);
`,
};
export default migration;
