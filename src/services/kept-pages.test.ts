/**
 * Country pages kept current after writes, on a real store (both engines): `keepCountryPages` builds
 * every missing or outdated page and only those, exactly as the web app builds it on request; a
 * server started afterwards answers from the kept page, on a later day marked stale until the day
 * is computed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, engines, type TestStore } from '../../test/helpers/stores.js';
import { addEvidence, importValues, value } from '../../test/helpers/evidence.js';
import type { Db } from '../store/db.js';
import { createServer } from '../interfaces/http/server.js';
import { setOverride } from './assess-country.js';
import { refreshAssessments } from './current-assessments.js';
import { cachedPage, countryPageKey, keepCountryPages } from './kept-pages.js';

// The real clock: overrides and changes are stamped with real times, and count from the as-of day on.
const NOW = new Date();
const now = { now: NOW };

for (const engine of engines()) {
  describe(`country pages kept after writes (${engine})`, () => {
    let store: TestStore;
    let db: Db;

    before(async () => {
      store = await createTestStore(engine);
      db = await store.open();
      await importValues(db, [value('KZ', 'ti.cpi', 2024, 40), value('DE', 'ti.cpi', 2024, 75), value('MN', 'ti.cpi', 2024, 33)], { inserted: 3, changed: 0 });
      await addEvidence(db, 'MN', 'Reuters', '2026-03');
      await refreshAssessments(db, now);
    });
    after(async () => {
      await db?.close();
      await store?.cleanup();
    });

    test('every country with an assessment gets its page once; a second run builds none', async () => {
      const first = await keepCountryPages(db, now);
      assert.deepEqual([first.built, first.current], [3, 0]);
      const second = await keepCountryPages(db, now);
      assert.deepEqual([second.built, second.current], [0, 3]);
    });

    test('a server started afterwards answers with the kept page, which is the page it would build itself', async () => {
      for (const code of ['MN', 'DE']) {
        const kept = await cachedPage(db, countryPageKey(code));
        assert.ok(kept, code);
        const served = await createServer({ db, close: () => db.close() }, { now: () => NOW }).hono.request(`/api/countries/${code}`);
        assert.equal(served.status, 200);
        assert.equal(await served.text(), kept.body, `${code}: served from the kept page`);
        // Built afresh, not read from the store: the same JSON.
        const built = await createServer({ db, close: () => db.close() }, { now: () => NOW, cacheLoaders: false }).hono.request(`/api/countries/${code}`);
        assert.deepEqual(await built.json(), JSON.parse(kept.body), `${code}: the kept page is the page built on request`);
      }
      const mn = JSON.parse((await cachedPage(db, countryPageKey('MN')))!.body);
      assert.equal(mn.country, 'MN');
      assert.equal(mn.evidence.length, 1, 'the evidence passage is on the page');
      assert.equal(mn.briefs.length, 4, 'brief links in both languages and both formats');
    });

    test('new evidence rebuilds that country only; an import that changed nothing rebuilds none; one that changed values rebuilds all', async () => {
      await addEvidence(db, 'KZ', 'AP', '2026-05');
      await refreshAssessments(db, now);
      const afterEvidence = await keepCountryPages(db, now);
      assert.deepEqual([afterEvidence.built, afterEvidence.current], [1, 2]);
      assert.equal(JSON.parse((await cachedPage(db, countryPageKey('KZ')))!.body).evidence.length, 1);

      await importValues(db, [], { inserted: 0, changed: 0 });
      await refreshAssessments(db, now);
      assert.equal((await keepCountryPages(db, now)).built, 0, 'a re-import of the same files');

      await importValues(db, [value('DE', 'ti.cpi', 2024, 76)], { inserted: 0, changed: 1 });
      await refreshAssessments(db, now);
      assert.equal((await keepCountryPages(db, now)).built, 3, 'changed values: every page shows values and neighbours');
    });

    test("an analyst's override rebuilds that country's page, which shows it", async () => {
      await setOverride(db, { country: 'DE', criterion: 7, rating: 'critical', reason: 'test', by: 'analyst' });
      await refreshAssessments(db, now);
      assert.deepEqual((await keepCountryPages(db, now)).built, 1);
      const de = JSON.parse((await cachedPage(db, countryPageKey('DE')))!.body);
      assert.equal(de.criteria.find((c: { criterion: number }) => c.criterion === 7).effectiveRating, 'critical');
      assert.equal(de.overrides.length, 1);
    });

    test('a page that cannot be built is reported by country and reason; the others are kept', async () => {
      // An assessment stored without its criteria (as a broken or foreign writer might leave it).
      await addEvidence(db, 'KZ', 'Reuters', '2026-06');
      await refreshAssessments(db, now);
      await db.query(`UPDATE assessments SET result = result - 'criteria' WHERE id = (SELECT max(id) FROM assessments WHERE country = 'KZ')`);
      await addEvidence(db, 'MN', 'AP', '2026-06');
      await refreshAssessments(db, { ...now, countries: ['MN'] });
      const r = await keepCountryPages(db, now);
      assert.deepEqual(r.failed.map((f) => f.country), ['KZ']);
      assert.ok(r.failed[0].reason.length > 0);
      assert.equal(r.built, 1, 'MN, whose evidence changed, is kept all the same');
      assert.equal(JSON.parse((await cachedPage(db, countryPageKey('MN')))!.body).evidence.length, 2);
      // Mended (recomputed), the page is kept at the next run.
      await refreshAssessments(db, { ...now, countries: ['KZ'] });
      assert.deepEqual((await keepCountryPages(db, now)).failed, []);
    });

    test('on a later day the kept page is answered marked stale while the day is computed, then the new one', async () => {
      const tomorrow = new Date(NOW.getTime() + 86_400_000);
      const server = createServer({ db, close: () => db.close() }, { now: () => tomorrow });
      const get = async () => (await (await server.hono.request('/api/countries/MN')).json()) as { stale: boolean; asOf: string };
      const old = await get();
      assert.equal(old.stale, true, 'marked: its assessment is being recomputed');
      assert.equal(old.asOf, JSON.parse((await cachedPage(db, countryPageKey('MN')))!.body).asOf);
      await server.deps.keeper.idle();
      const fresh = await get();
      assert.equal(fresh.stale, false);
      assert.equal(fresh.asOf, tomorrow.toISOString().slice(0, 10));
      await server.deps.keeper.stop();
    });
  });
}
