/**
 * Assessments kept current, on a real store (both engines): stale only by what changed — a
 * country's evidence, its overrides, an import that changed values — refreshed for exactly those
 * countries; readers get stored ones (marked stale) without computing; a country with nothing
 * stored is computed once however many ask at the same time.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, engines, type TestStore } from '../../test/helpers/stores.js';
import type { Db } from '../store/db.js';
import { addEvidence, importValues, value } from '../../test/helpers/evidence.js';
import { listStoredAssessments } from '../store/assessments.js';
import { setOverride } from './assess-country.js';
import { AssessmentKeeper, readStoredAssessments, refreshAssessments, staleCountries } from './current-assessments.js';

const AS_OF = { now: new Date('2026-06-30T12:00:00Z') };

for (const engine of engines()) {
  describe(`assessments kept current (${engine})`, () => {
    let store: TestStore;
    let db: Db;

    before(async () => {
      store = await createTestStore(engine);
      db = await store.open();
      await importValues(db, [value('KZ', 'ti.cpi', 2024, 40), value('DE', 'ti.cpi', 2024, 75), value('RU', 'ti.cpi', 2024, 26)], { inserted: 3, changed: 0 });
      await addEvidence(db, 'KZ', 'Reuters', '2026-03');
    });
    after(async () => {
      await db?.close();
      await store?.cleanup();
    });

    test('refresh computes every country with data once; then nothing is stale', async () => {
      assert.deepEqual(await staleCountries(db, AS_OF), ['DE', 'KZ', 'RU']);
      const r = await refreshAssessments(db, AS_OF);
      assert.deepEqual(r.countries.sort(), ['DE', 'KZ', 'RU']);
      assert.equal(r.asOf, '2026-06-30');
      assert.deepEqual(await staleCountries(db, AS_OF), []);
      assert.deepEqual((await refreshAssessments(db, AS_OF)).countries, []);
      const stored = await readStoredAssessments(db, null, AS_OF);
      assert.deepEqual([...stored.keys()].sort(), ['DE', 'KZ', 'RU']);
      assert.ok([...stored.values()].every((s) => !s.stale && s.assessment.asOf === '2026-06-30'));
    });

    test('new evidence makes only its country stale; an override only its country', async () => {
      await addEvidence(db, 'KZ', 'Eurasianet', '2026-05');
      assert.deepEqual(await staleCountries(db, AS_OF), ['KZ']);
      const before = (await readStoredAssessments(db, ['KZ'], AS_OF)).get('KZ')!;
      assert.equal(before.stale, true);
      // The stored one still shows the earlier evidence: one passage, not two.
      assert.equal(before.assessment.criteria[6].evidenceTotal, 1);
      assert.deepEqual((await refreshAssessments(db, AS_OF)).countries, ['KZ']);
      const after = (await readStoredAssessments(db, ['KZ'], AS_OF)).get('KZ')!;
      assert.equal(after.stale, false);
      assert.equal(after.assessment.criteria[6].evidenceTotal, 2);

      await setOverride(db, { country: 'RU', criterion: 2, rating: 'critical', reason: 'test', by: 'test' });
      assert.deepEqual(await staleCountries(db, AS_OF), ['RU']);
      assert.deepEqual((await refreshAssessments(db, AS_OF)).countries, ['RU']);
      assert.equal((await readStoredAssessments(db, ['RU'], AS_OF)).get('RU')!.stale, false);
    });

    test('an import that changed nothing leaves every assessment current; one that changed values makes all stale', async () => {
      await importValues(db, [], { inserted: 0, changed: 0 });
      assert.deepEqual(await staleCountries(db, AS_OF), []);
      await importValues(db, [value('DE', 'ti.cpi', 2024, 74)], { inserted: 0, changed: 1 });
      assert.deepEqual(await staleCountries(db, AS_OF), ['DE', 'KZ', 'RU']);
      await refreshAssessments(db, AS_OF);
      assert.deepEqual(await staleCountries(db, AS_OF), []);
    });

    test('a new day: the last stored assessment is read, marked stale, until the day is computed', async () => {
      const nextDay = { now: new Date('2026-07-01T08:00:00Z') };
      const kz = (await readStoredAssessments(db, ['KZ'], nextDay)).get('KZ')!;
      assert.equal(kz.stale, true);
      assert.equal(kz.assessment.asOf, '2026-06-30');
      assert.deepEqual(await staleCountries(db, nextDay), ['DE', 'KZ', 'RU']);
    });

    test('the keeper answers from the store at once and recomputes stale ones in the background', async () => {
      const refreshed: string[][] = [];
      const keeper = new AssessmentKeeper(db, { now: () => AS_OF.now, onRefreshed: (c) => refreshed.push(c) });
      await addEvidence(db, 'DE', 'Spiegel', '2026-04');
      const countBefore = (await listStoredAssessments(db, 'DE')).length;
      const stale = await keeper.get('DE');
      assert.equal(stale.stale, true);
      await keeper.idle();
      assert.deepEqual(refreshed, [['DE']]);
      const fresh = await keeper.get('DE');
      assert.equal(fresh.stale, false);
      assert.equal(fresh.assessment.criteria[6].evidenceTotal, 1);
      assert.equal((await listStoredAssessments(db, 'DE')).length, countBefore + 1);
      const all = await keeper.all();
      assert.deepEqual(all.map((a) => a.assessment.country), ['DE', 'KZ', 'RU']);
      assert.ok(all.every((a) => !a.stale));
    });

    test('background work waits for a quiet moment between countries, and finishes when there is one', async () => {
      const laterDay = { now: new Date('2026-07-02T08:00:00Z') };
      assert.equal((await staleCountries(db, laterDay)).length, 3);
      let busy = true;
      const keeper = new AssessmentKeeper(db, { now: () => laterDay.now, busy: () => busy });
      keeper.schedule();
      // Requests are being answered all along: one country, then a wait of up to a second before the next.
      await new Promise((r) => setTimeout(r, 300));
      assert.ok((await staleCountries(db, laterDay)).length >= 2, 'at most one country computed while busy');
      busy = false;
      await keeper.idle();
      assert.deepEqual(await staleCountries(db, laterDay), []);
    });

    test('a country with nothing stored is computed once for simultaneous requests', async () => {
      await importValues(db, [value('NG', 'ti.cpi', 2024, 25)], { inserted: 1, changed: 0 });
      const keeper = new AssessmentKeeper(db, { now: () => AS_OF.now });
      const [a, b, c] = await Promise.all([keeper.get('NG'), keeper.get('NG'), keeper.get('NG')]);
      assert.equal(a.stale, false);
      assert.ok(a.id !== null && a.id === b.id && b.id === c.id);
      assert.equal((await listStoredAssessments(db, 'NG')).length, 1);
      await keeper.stop();
    });
  });
}
