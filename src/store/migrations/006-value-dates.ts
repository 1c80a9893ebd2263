import type { Migration } from './migration.js';

/**
 * The exact day a value became true, where the dataset gives one (a treaty ratification, a coup):
 * the assessment then reads such a value only from that day on, not from the start of its year.
 * The history keeps the old and new day beside the old and new value.
 */
const migration: Migration = {
  id: 6,
  name: 'indicator values carry an optional exact date (value_date)',
  sql: `
ALTER TABLE indicator_values ADD COLUMN value_date date;
ALTER TABLE indicator_value_history ADD COLUMN old_value_date date;
ALTER TABLE indicator_value_history ADD COLUMN new_value_date date;
`,
};

export default migration;
