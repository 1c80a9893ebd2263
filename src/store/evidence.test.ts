/**
 * Migration 8 on a store that already holds passages: the evidence tags, evidence changes, named
 * countries and country documents are filled from them as the triggers fill them for new ones
 * (a tag stored before migration 7, without "about", counts for every state the passage is
 * about); deleting a document deletes its tags. Both engines.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, engines, type TestStore } from '../../test/helpers/stores.js';
import { openDb, type Db } from './db.js';
import { migrate } from './migrate.js';

async function addPassage(db: Db, id: string, about: string[], criteria: unknown[], date: string | null, publisher: string | null, type: string | null): Promise<void> {
  const text = `Passage of ${id}.`;
  await db.query(
    `INSERT INTO documents (id, content_hash, title, source, format, lang, doc_date, date_from, date_to, publisher, source_type, char_count, text, countries)
     VALUES ($1, $1, $1, 'test', 'txt', 'en', $2::text, $2::date, $2::date, $3, $4, $5, $6, $7)`,
    [id, date, publisher, type, text.length, text, about],
  );
  await db.query(
    `INSERT INTO passages (doc_id, idx, start_off, end_off, lang, ts_config, text, countries, criteria, about)
     VALUES ($1, 0, 0, $2, 'en', 'english', $3, $4, $5::jsonb, $4)`,
    [id, text.length, text, about, JSON.stringify(criteria)],
  );
}

const tags = async (db: Db) =>
  (await db.query<{ row: string }>(`SELECT concat_ws(' ', doc_id, country, criterion, score, date_to, coalesce(publisher, '-'), official) AS row FROM evidence_tags ORDER BY 1`)).rows.map((r) => r.row);

for (const engine of engines()) {
  describe(`migration 8: evidence tags (${engine})`, () => {
    let store: TestStore;
    let db: Db;
    before(async () => {
      store = await createTestStore(engine);
      db = await openDb(store.target, { migrate: false });
      await migrate(db, { upTo: 7 });
      await addPassage(db, 'doc_old', ['KZ', 'RU'], [{ criterion: 2, score: 0.7, cues: ['torture'] }], '2025-05-01', 'Amnesty', 'ngo');
      await addPassage(db, 'doc_new', ['KZ', 'UA'], [{ criterion: 7, score: 0.9, cues: ['diverted'], about: ['KZ'] }, { criterion: 4, score: 0.4, cues: [], about: ['UA'] }], null, null, null);
      await migrate(db);
    });
    after(async () => {
      await db?.close();
      await store?.cleanup();
    });

    test('existing passages are tagged per country their criteria are about', async () => {
      assert.deepEqual(await tags(db), [
        'doc_new KZ 7 0.9 - f',
        'doc_new UA 4 0.4 - f',
        'doc_old KZ 2 0.7 2025-05-01 Amnesty f',
        'doc_old RU 2 0.7 2025-05-01 Amnesty f',
      ]);
      const changed = await db.query<{ country: string }>('SELECT country FROM evidence_changes ORDER BY 1');
      assert.deepEqual(changed.rows.map((r) => r.country), ['KZ', 'RU', 'UA']);
      const named = await db.query<{ country: string }>('SELECT country FROM named_countries ORDER BY 1');
      assert.deepEqual(named.rows.map((r) => r.country), ['KZ', 'RU', 'UA']);
      const docs = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM country_documents WHERE country = 'KZ'`);
      assert.equal(docs.rows[0].n, 2);
    });

    test('new passages are tagged by the trigger, their countries stamped as changed; deleting a document deletes its tags', async () => {
      const earlier = (await db.query<{ at: string }>(`SELECT changed_at::text AS at FROM evidence_changes WHERE country = 'KZ'`)).rows[0].at;
      await addPassage(db, 'doc_gov', ['KZ'], [{ criterion: 1, score: 1, cues: ['embargo'], about: ['KZ'] }], '2026-01-02', 'Auswärtiges Amt', 'official');
      assert.ok((await tags(db)).includes('doc_gov KZ 1 1 2026-01-02 Auswärtiges Amt t'));
      const later = (await db.query<{ at: string }>(`SELECT changed_at::text AS at FROM evidence_changes WHERE country = 'KZ'`)).rows[0].at;
      assert.ok(later > earlier, `${later} after ${earlier}`);
      await db.query(`DELETE FROM documents WHERE id = 'doc_gov'`);
      assert.ok(!(await tags(db)).some((t) => t.startsWith('doc_gov')));
    });
  });
}
