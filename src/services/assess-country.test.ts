/** The assessment use cases on a real store, on both engines: facts from the store, stored results, overrides, diff, compare. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, engines, type TestStore } from '../../test/helpers/stores.js';
import type { Db } from '../store/db.js';
import { startImportRun, finishImportRun, upsertIndicatorValues, upsertExternalAssessments, type IndicatorValueInput } from '../store/indicators.js';
import { listStoredAssessments, latestStoredAssessment } from '../store/assessments.js';
import {
  assessCountries, assessOneCountry, clearOverride, compareCountry, diffCountry, listOverrides, loadMethodology, setOverride,
} from './assess-country.js';


const value = (country: string, indicatorId: string, year: number, v: number | string): IndicatorValueInput => ({
  indicatorId,
  entityKey: country,
  countryCode: country,
  entityName: country,
  entityKind: 'country',
  year,
  value: typeof v === 'number' ? v : null,
  valueText: typeof v === 'string' ? v : null,
  unit: 'test',
});

async function seed(db: Db): Promise<void> {
  const runId = await startImportRun(db);
  const put = (sourceId: string, values: IndicatorValueInput[]) =>
    upsertIndicatorValues(db, { sourceId, publisher: sourceId.toUpperCase(), sourceFile: `${sourceId}.csv`, runId, values });
  await put('pts', [value('KZ', 'pts.state_dept', 2022, 4), value('KZ', 'pts.state_dept', 2023, 3), value('DE', 'pts.state_dept', 2023, 1)]);
  await put('freedom-house', [value('KZ', 'fh.status', 2024, 'NF'), value('DE', 'fh.status', 2024, 'F')]);
  await put('ti-cpi', [value('KZ', 'ti.cpi', 2024, 40), value('DE', 'ti.cpi', 2024, 75)]);
  // UCDP lists conflicts only: Russia at war; Kazakhstan has no record (read as none).
  await put('ucdp-acd', [value('RU', 'ucdp.conflict.interstate.party', 2024, 2), value('UA', 'ucdp.conflict.interstate.party', 2024, 2), value('IN', 'ucdp.conflict.intrastate', 1990, 1)]);
  await put('gsdb', [value('KP', 'gsdb.arms_sanction.un', 2023, 1), value('RU', 'gsdb.arms_sanction.eu', 2023, 1), value('IQ', 'gsdb.arms_sanction.un', 1990, 1)]);
  await finishImportRun(db, runId, {});

  // Two independent news reports about Kazakhstan and criterion 7, in 2026; one older report.
  const docs: Array<[string, string, string | null, string]> = [
    ['doc_a', 'Reuters', 'news', '2026-03'],
    ['doc_b', 'Eurasianet', 'news', '2026-05-10'],
    ['doc_c', 'Reuters', 'news', '2020-01'],
  ];
  for (const [id, publisher, type, date] of docs) {
    const text = `Report ${id} about weapons diverted from Kazakhstan.`;
    await db.query(
      `INSERT INTO documents (id, content_hash, title, source, format, lang, doc_date, date_from, date_to, publisher, source_type, char_count, text)
       VALUES ($1, $1, $2, 'test', 'txt', 'en', $3, $4::date, $4::date, $5, $6, $7, $8)`,
      [id, `Title ${id}`, date, date.length === 7 ? `${date}-01` : date, publisher, type, text.length, text],
    );
    await db.query(
      `INSERT INTO passages (doc_id, idx, start_off, end_off, lang, ts_config, text, countries, criteria, about)
       VALUES ($1, 0, 0, $2, 'en', 'english', $3, '{KZ}', '[{"criterion": 7, "score": 0.9, "cues": ["diverted"], "about": ["KZ"]}]', '{KZ}')`,
      [id, text.length, text],
    );
  }
  await upsertExternalAssessments(db, [
    { publisher: 'BICC', countryCode: 'KZ', criterion: 2, rating: 'critical', ratingLabel: 'Kritisch', asOf: '2026-06', sourceDocId: 'doc_a', sourceTable: 'Bewertung', sourceExcerpt: null },
    { publisher: 'BICC', countryCode: 'KZ', criterion: 7, rating: 'not_critical', ratingLabel: 'Nicht kritisch', asOf: '2026-06', sourceDocId: 'doc_a', sourceTable: 'Bewertung', sourceExcerpt: null },
  ]);
}

for (const engine of engines()) {
  describe(`assessment service (${engine})`, () => {
    let store: TestStore;
    let db: Db;
    const now = new Date('2026-07-01T12:00:00Z');

    before(async () => {
      store = await createTestStore(engine);
      db = await store.open();
      await seed(db);
    });
    after(async () => {
      await db?.close();
      await store?.cleanup();
    });

    test('assesses a country from the store and stores the result with methodology and timestamp', async () => {
      const r = await assessOneCountry(db, 'Kasachstan', { asOf: '2026-06-30', now });
      const a = r.assessment;
      assert.equal(a.country, 'KZ');
      assert.deepEqual(a.methodology, { id: 'bicc-plus', version: loadMethodology().version });
      assert.equal(a.criteria[1].rating, 'critical');
      const c2 = a.criteria[1].rulesFired.find((f) => f.ruleId === 'c2.not_free_with_political_terror');
      assert.ok(c2?.values.some((v) => v.indicator === 'fh.status' && v.valueText === 'NF' && v.year === 2024 && v.source === 'freedom-house: freedom-house.csv'));
      // Neighbour Russia at war → criterion 4 possibly critical; absence of a UCDP record for KZ reads as none.
      assert.equal(a.criteria[3].rating, 'possibly_critical');
      assert.equal(a.criteria[3].decisiveValues[0].imputed, true);
      // Two independent reports from 2026 raise criterion 7 and suggest a review? No: CPI already says possibly critical.
      assert.equal(a.criteria[6].rating, 'possibly_critical');
      assert.equal(a.criteria[6].reviewSuggested, false);
      // Listed newest first; the 2020 report is older than the 5-year list window.
      assert.deepEqual(a.criteria[6].evidence.map((e) => e.docId), ['doc_b', 'doc_a']);
      assert.equal(a.criteria[6].evidence[0].publisher, 'Eurasianet');
      assert.ok(a.criteria[6].evidence.every((e) => e.corroborated));

      const stored = await latestStoredAssessment(db, 'KZ', '2026-06-30');
      assert.ok(stored);
      assert.equal(stored.methodologyId, 'bicc-plus');
      assert.equal(stored.ratings['2'], 'critical');
      assert.equal(new Date(stored.computedAt).toISOString(), now.toISOString());
    });

    test('as-of uses only data published and documents dated up to then', async () => {
      // Data year 2022 is published in 2023: as of 2023-06-30 it is the newest.
      const r = await assessOneCountry(db, 'KZ', { asOf: '2023-06-30', now, store: false });
      const c2 = r.assessment.criteria[1];
      assert.ok(c2.rulesFired.some((f) => f.ruleId === 'c2.severe_political_terror' && f.values.some((v) => v.year === 2022)));
      assert.ok(!c2.rulesFired.some((f) => f.values.some((v) => v.year >= 2023)));
      assert.deepEqual(r.assessment.criteria[6].evidence.map((e) => e.docId), ['doc_c'], 'only the 2020 report exists by then');
      assert.equal(r.assessment.criteria[6].evidence[0].corroborated, false);
      assert.equal(r.id, null);
    });

    test('a country without any data is no_data on every criterion', async () => {
      const r = await assessOneCountry(db, 'Tuvalu', { asOf: '2026-06-30', now, store: false });
      assert.deepEqual(r.assessment.criteria.map((c) => c.rating), Array(8).fill('no_data'));
    });

    test('assess --all covers every country with data in one pass', async () => {
      const all = await assessCountries(db, null, { asOf: '2026-06-30', now });
      const codes = all.map((r) => r.assessment.country).sort();
      for (const c of ['DE', 'IN', 'IQ', 'KP', 'KZ', 'RU', 'UA']) assert.ok(codes.includes(c), c);
      const kp = all.find((r) => r.assessment.country === 'KP')!.assessment;
      assert.equal(kp.criteria[0].rating, 'critical');
      const iq = all.find((r) => r.assessment.country === 'IQ')!.assessment;
      assert.equal(iq.criteria[0].rating, 'not_critical', 'a 1990 embargo is over');
      assert.ok(all.every((r) => typeof r.id === 'number'));
    });

    test('overrides: set, supersede, show beside the computed rating, remove, keep the history', async () => {
      const t1 = new Date('2026-07-02T10:00:00Z');
      const t2 = new Date('2026-07-03T10:00:00Z');
      const t3 = new Date('2026-07-04T10:00:00Z');
      await setOverride(db, { country: 'KZ', criterion: 7, rating: 'critical', reason: 'diversion case', by: 'anna', now: t1 });
      const second = await setOverride(db, { country: 'KZ', criterion: '7', rating: 'Möglicherweise kritisch', reason: 'case closed partly', by: 'ben', now: t2 });
      assert.equal(second.superseded?.createdBy, 'anna');
      let r = await assessOneCountry(db, 'KZ', { asOf: '2026-07-03', now: t2, store: false });
      assert.equal(r.assessment.criteria[6].override?.by, 'ben');
      assert.equal(r.assessment.criteria[6].effectiveRating, 'possibly_critical');
      // As of a day before any override, none applies.
      r = await assessOneCountry(db, 'KZ', { asOf: '2026-07-01', now: t2, store: false });
      assert.equal(r.assessment.criteria[6].override, undefined);

      await clearOverride(db, { country: 'KZ', criterion: 7, reason: 'no longer needed', by: 'ben', now: t3 });
      r = await assessOneCountry(db, 'KZ', { asOf: '2026-07-05', now: t3, store: false });
      assert.equal(r.assessment.criteria[6].override, undefined);
      const history = await listOverrides(db, 'KZ');
      assert.equal(history.length, 2);
      assert.ok(history.every((h) => h.removedAt !== null));
      assert.equal(history[1].removedReason, 'no longer needed');
      await assert.rejects(clearOverride(db, { country: 'KZ', criterion: 7, reason: 'again', by: 'ben' }), /No active override/);
      await assert.rejects(setOverride(db, { country: 'KZ', criterion: 9, rating: 'critical', reason: 'x', by: 'y' }), /criterion must be 1–8/);
      await assert.rejects(setOverride(db, { country: 'KZ', criterion: 1, rating: 'critical', reason: ' ', by: 'y' }), /--reason is required/);
    });

    test('diff shows new data years, new evidence and a methodology change', async () => {
      const m = loadMethodology();
      await assessOneCountry(db, 'KZ', { asOf: '2023-06-30', now, methodology: { ...m, version: '0.9.0' } });
      const d = await diffCountry(db, 'KZ', '2023-06-30', '2026-06-30');
      assert.equal(d.from.methodology.version, '0.9.0');
      const c2 = d.criteria[1];
      assert.ok(c2.changes.some((c) => c.kind === 'methodology'));
      assert.ok(c2.changes.some((c) => c.kind === 'new_data_year' && /pts\.state_dept=4 \(2022.*pts\.state_dept=3 \(2023/.test(c.detail.en)), JSON.stringify(c2.changes));
      assert.match(c2.changes.find((c) => c.kind === 'methodology')!.detail.de, /^Methodik bicc-plus 0\.9\.0 → /);
      assert.ok(d.criteria[6].changes.some((c) => c.kind === 'new_evidence'));
      const history = await listStoredAssessments(db, 'KZ');
      assert.ok(history.length >= 2);
    });

    test('compare sets external ratings beside computed ones and explains disagreement', async () => {
      const c = await compareCountry(db, 'KZ', { asOf: '2026-06-30' });
      assert.equal(c.rows[1].agrees, true);
      assert.equal(c.rows[6].agrees, false);
      assert.equal(c.rows[6].assessor, 'BICC');
      assert.match(c.rows[6].explanation, /c7\.high_corruption .*ti\.cpi=40 \(2024/);
      assert.equal(c.compared, 2);
      assert.equal(c.agreements, 1);
    });

    test('an unknown country is a not-found error', async () => {
      await assert.rejects(assessOneCountry(db, 'Atlantis'), (err: { code?: string; status?: number }) => err.code === 'unknown_country' && err.status === 404);
    });
  });
}

