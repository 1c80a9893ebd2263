import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, openTestDb } from '../../test/helpers/stores.js';
import { prepareDocument } from '../services/prepare-document.js';
import { storeDocuments } from './documents.js';
import { SEARCH_CANDIDATES, SEARCH_SHORTLIST, searchPassages } from './search.js';

for (const engine of engines()) {
  test(`[${engine}] a search visits at most SEARCH_CANDIDATES matches: the total is then a lower bound, pages and facets stay within them`, async (t) => {
    const db = await openTestDb(t, engine);
    const over = SEARCH_CANDIDATES + 12;
    // Every document matches "Lieferung"; a dozen in English, and every 30th German one also names a rare word.
    const docs = Array.from({ length: over }, (_, i) =>
      prepareDocument({
        source: `bound#${i}`, format: 'txt', lang: i < 12 ? 'en' : 'de',
        text: i < 12 ? `Report ${i}: the Lieferung of tanks was confirmed.` : `Meldung ${i}: die Lieferung ${'von Panzern '.repeat(1 + (i % 4))}wurde bestätigt${i % 30 === 0 ? ', ein Sonderfall' : ''}.`,
      }));
    await storeDocuments(db, docs);

    const broad = await searchPassages(db, { query: 'Lieferung', limit: 5 }, { facets: true });
    assert.equal(broad.total, SEARCH_CANDIDATES, 'counted up to the bound');
    assert.equal(broad.totalExact, false, 'and said to be a lower bound');
    assert.equal(broad.hits.length, 5);
    assert.ok(broad.facets);
    const byLang = broad.facets.lang.reduce((n, l) => n + l.count, 0);
    assert.equal(byLang, SEARCH_CANDIDATES, 'facets count the same candidates as the total');

    // One long page holds every candidate once; paging ends at the last one.
    const all = await searchPassages(db, { query: 'Lieferung', limit: SEARCH_CANDIDATES + 100 });
    assert.equal(all.hits.length, SEARCH_CANDIDATES);
    assert.equal(new Set(all.hits.map((h) => `${h.docId}#${h.passageIdx}`)).size, SEARCH_CANDIDATES, 'no hit twice');
    const tail = await searchPassages(db, { query: 'Lieferung', limit: 20, offset: SEARCH_CANDIDATES - 8 });
    assert.deepEqual(tail.hits.map((h) => h.docId), all.hits.slice(-8).map((h) => h.docId), 'the last page ends with the last candidate');
    assert.equal((await searchPassages(db, { query: 'Lieferung', limit: 20, offset: SEARCH_CANDIDATES })).hits.length, 0);
    const ranks = all.hits.slice(0, SEARCH_SHORTLIST).map((h) => h.rank);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a), 'the shortlist is ordered by rank');

    // Below the bound the total is exact, with words or filters.
    const rareCount = docs.filter((d) => d.text.includes('Sonderfall')).length;
    assert.ok(rareCount > 5 && rareCount < SEARCH_CANDIDATES);
    const rare = await searchPassages(db, { query: 'Lieferung Sonderfall' }, { facets: true });
    assert.deepEqual([rare.total, rare.totalExact], [rareCount, true]);
    assert.deepEqual(rare.facets?.lang, [{ value: 'de', count: rareCount }]);
    const english = await searchPassages(db, { query: 'Lieferung', lang: 'en' });
    assert.deepEqual([english.total, english.totalExact], [12, true]);
    const none = await searchPassages(db, { query: 'Flugzeuge' }, { facets: true });
    assert.deepEqual([none.total, none.totalExact, none.hits.length], [0, true, 0]);
    assert.deepEqual(none.facets, { country: [], criterion: [], lang: [], year: [] });
  });
}
