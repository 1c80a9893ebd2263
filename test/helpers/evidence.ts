/** Stored evidence and imported values written directly, as ingest and import store them: tests of what keeps assessments and pages current. */
import type { Db } from '../../src/store/db.js';
import { finishImportRun, startImportRun, upsertIndicatorValues, type IndicatorValueInput } from '../../src/store/indicators.js';

export const value = (country: string, indicatorId: string, year: number, v: number): IndicatorValueInput => ({
  indicatorId, entityKey: country, countryCode: country, entityName: country, entityKind: 'country', year, value: v, valueText: null, unit: 'test',
});

/** One import run of the values, reporting the totals given (a run with none inserted or changed changes nothing). */
export async function importValues(db: Db, values: IndicatorValueInput[], totals: { inserted: number; changed: number }): Promise<void> {
  const runId = await startImportRun(db);
  if (values.length) await upsertIndicatorValues(db, { sourceId: 'ti-cpi', publisher: 'TI', sourceFile: 'cpi.csv', runId, values });
  await finishImportRun(db, runId, { totals: { ...totals, unchanged: 0 } });
}

let docs = 0;
/** A passage about `country` tagged for criterion 7, as ingest stores it (the trigger of migration 8 keeps the evidence tags). */
export async function addEvidence(db: Db, country: string, publisher: string, date: string): Promise<void> {
  const id = `doc_${country}_${++docs}`;
  const text = `Report ${id}: weapons diverted.`;
  await db.query(
    `INSERT INTO documents (id, content_hash, title, source, format, lang, doc_date, date_from, date_to, publisher, source_type, char_count, text, countries)
     VALUES ($1, $1, $1, 'test', 'txt', 'en', $2, $3::date, $3::date, $4, 'news', $5, $6, ARRAY[$7])`,
    [id, date, `${date}-01`, publisher, text.length, text, country],
  );
  await db.query(
    `INSERT INTO passages (doc_id, idx, start_off, end_off, lang, ts_config, text, countries, criteria, about)
     VALUES ($1, 0, 0, $2, 'en', 'english', $3, ARRAY[$4], jsonb_build_array(jsonb_build_object('criterion', 7, 'score', 0.9, 'cues', '["diverted"]'::jsonb, 'about', jsonb_build_array($4::text))), ARRAY[$4])`,
    [id, text.length, text, country],
  );
}
