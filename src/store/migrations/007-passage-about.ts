import type { Migration } from './migration.js';

/**
 * The states a passage speaks of (extraction's `about`: per criterion in `criteria`, their union
 * or the passage's main states in `about`), so the assessment counts a passage only for the
 * states its evidence concerns and a brief's topic passages are about its country, not every
 * state a passage names or its document's primary one. Passages stored before keep the states
 * they mention (their tags carry no `about`; re-ingesting recomputes them). Full-text indexes for the languages that gained a stemming configuration.
 */
const migration: Migration = {
  id: 7,
  name: 'per-passage about countries of criterion evidence; search indexes for French, Spanish, Italian, Portuguese, Dutch, Russian and Arabic',
  sql: `
ALTER TABLE passages ADD COLUMN about text[] NOT NULL DEFAULT '{}';
UPDATE passages SET about = countries WHERE countries <> '{}';
CREATE INDEX passages_evidence_about ON passages USING gin (about) WHERE criteria <> '[]'::jsonb;
CREATE INDEX passages_tsv_french ON passages USING gin (tsv) WHERE ts_config = 'french'::regconfig;
CREATE INDEX passages_tsv_spanish ON passages USING gin (tsv) WHERE ts_config = 'spanish'::regconfig;
CREATE INDEX passages_tsv_italian ON passages USING gin (tsv) WHERE ts_config = 'italian'::regconfig;
CREATE INDEX passages_tsv_portuguese ON passages USING gin (tsv) WHERE ts_config = 'portuguese'::regconfig;
CREATE INDEX passages_tsv_dutch ON passages USING gin (tsv) WHERE ts_config = 'dutch'::regconfig;
CREATE INDEX passages_tsv_russian ON passages USING gin (tsv) WHERE ts_config = 'russian'::regconfig;
CREATE INDEX passages_tsv_arabic ON passages USING gin (tsv) WHERE ts_config = 'arabic'::regconfig;
ANALYZE passages;
`,
  vacuum: ['passages'],
};
export default migration;
