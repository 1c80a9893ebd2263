/**
 * Evidence aggregated in SQL gives the same assessments as every passage row summarised in the
 * engine (the earlier path), on a real store: the seeds, the dev corpus and 2,000 documents of the
 * scale corpus ingested, ../shared/data imported; every country, on three as-of days, and one
 * country at a time as `assess RU` reads it. On both engines when a server is configured.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestStore, engines, sharedPath, tempDir, type TestStore } from '../helpers/stores.js';
import type { Db } from '../../src/store/db.js';
import { importData } from '../../src/services/import-data.js';
import { ingestDocuments } from '../../src/services/ingest-documents.js';
import { assessCountries, loadMethodology } from '../../src/services/assess-country.js';
import { scaleCorpus } from '../../bench/scale-corpus.js';

const DAYS = ['2025-12-31', '2024-02-29', '2019-06-30'];

for (const engine of engines()) {
  describe(`assessment evidence in SQL equals the row path (${engine})`, () => {
    let store: TestStore;
    let db: Db;
    const scratch = tempDir('armsbrief-evidence-');

    before(async () => {
      store = await createTestStore(engine);
      db = await store.open();
      const corpus = path.join(scratch, 'scale.jsonl');
      fs.writeFileSync(corpus, [...scaleCorpus(2000, 7)].map((d) => JSON.stringify({ id: d.id, text: d.text, date: d.date })).join('\n'));
      const ingested = await ingestDocuments(db, [sharedPath('corpus', 'seeds'), sharedPath('corpus', 'dev', 'docs.jsonl'), corpus]);
      assert.equal(ingested.failed, 0);
      const imported = await importData(db, [sharedPath('data')]);
      assert.equal(imported.totals.failedFiles, 0);
    });

    after(async () => {
      await db?.close();
      await store?.cleanup();
      fs.rmSync(scratch, { recursive: true, force: true });
    });

    test('every country on three as-of days: the same assessments, evidence lists and counts', async () => {
      const methodology = loadMethodology();
      const now = new Date('2026-12-01T12:00:00Z');
      for (const asOf of DAYS) {
        const rows = await assessCountries(db, null, { asOf, methodology, now, store: false, evidencePath: 'rows' });
        const sql = await assessCountries(db, null, { asOf, methodology, now, store: false });
        assert.ok(rows.length > 100, `${rows.length} countries`);
        assert.deepEqual(sql.map((r) => r.assessment), rows.map((r) => r.assessment), `as of ${asOf}`);
        // The comparison means something: evidence rules fire, listings reach their limit, counts pass the reference cap.
        const criteria = sql.flatMap((r) => r.assessment.criteria);
        assert.ok(criteria.some((c) => c.rulesFired.some((f) => f.basis === 'evidence')) || asOf < '2020', `evidence rules fire as of ${asOf}`);
        if (asOf === DAYS[0]) {
          assert.ok(criteria.some((c) => c.evidenceTotal > c.evidence.length && c.evidence.length === 25));
          assert.ok(criteria.some((c) => c.rulesFired.some((f) => (f.evidenceCount ?? 0) > (f.evidence?.length ?? 0))));
          assert.ok(criteria.some((c) => c.evidence.some((e) => e.corroborated)) && criteria.some((c) => c.evidence.some((e) => !e.corroborated)));
        }
      }
    });

    test('one country at a time reads the same as all at once', async () => {
      const methodology = loadMethodology();
      const now = new Date('2026-12-01T12:00:00Z');
      const all = await assessCountries(db, null, { asOf: DAYS[0], methodology, now, store: false });
      const top = [...all].sort((a, b) => b.assessment.criteria.reduce((n, c) => n + c.evidenceTotal, 0) - a.assessment.criteria.reduce((n, c) => n + c.evidenceTotal, 0));
      for (const r of top.slice(0, 3)) {
        const [one] = await assessCountries(db, [r.assessment.country], { asOf: DAYS[0], methodology, now, store: false });
        const [oneRows] = await assessCountries(db, [r.assessment.country], { asOf: DAYS[0], methodology, now, store: false, evidencePath: 'rows' });
        assert.deepEqual(one.assessment, r.assessment);
        assert.deepEqual(one.assessment, oneRows.assessment);
      }
    });
  });
}
