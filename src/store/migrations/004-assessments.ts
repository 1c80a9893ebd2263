import type { Migration } from './migration.js';

/**
 * Stored assessments (one row per computation: country, as-of, methodology id and version, the
 * full result) and analyst overrides with their audit trail: an override is never deleted, only
 * marked removed (or superseded) with who, when and why. The coverage cache keeps the years each
 * dataset covers (a full scan of the indicator values) until the next import run.
 */
const migration: Migration = {
  id: 4,
  name: 'assessments and analyst overrides',
  sql: `
CREATE TABLE assessments (
  id                  bigserial PRIMARY KEY,
  country             text NOT NULL,
  as_of               date NOT NULL,
  methodology_id      text NOT NULL,
  methodology_version text NOT NULL,
  computed_at         timestamptz NOT NULL DEFAULT now(),
  ratings             jsonb NOT NULL,
  result              jsonb NOT NULL
);
CREATE INDEX assessments_country ON assessments (country, as_of, computed_at DESC);
CREATE INDEX assessments_computed ON assessments (computed_at);

CREATE TABLE assessment_overrides (
  id             bigserial PRIMARY KEY,
  country        text NOT NULL,
  criterion      smallint NOT NULL CHECK (criterion BETWEEN 1 AND 8),
  rating         text NOT NULL CHECK (rating IN ('not_critical', 'possibly_critical', 'critical', 'no_data')),
  reason         text NOT NULL,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  removed_at     timestamptz,
  removed_by     text,
  removed_reason text
);
CREATE INDEX assessment_overrides_country ON assessment_overrides (country, criterion, created_at);
CREATE UNIQUE INDEX assessment_overrides_active ON assessment_overrides (country, criterion) WHERE removed_at IS NULL;

CREATE TABLE assessment_coverage_cache (
  data_version text PRIMARY KEY,
  computed_at  timestamptz NOT NULL DEFAULT now(),
  coverage     jsonb NOT NULL
);
`,
};
export default migration;
