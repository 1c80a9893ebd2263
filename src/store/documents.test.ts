import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, engines, openTestDb } from '../../test/helpers/stores.js';
import { prepareDocument } from '../services/prepare-document.js';
import { storeDocuments, getDocument, listDocuments, documentCount, settleAfterIngest } from './documents.js';
import { SEARCH_SHORTLIST, searchPassages, textSearchConfig } from './search.js';
import { evidenceFor } from './evidence.js';
import { migrate } from './migrate.js';
import { search } from '../services/search.js';
import { openDb } from './db.js';
import type { RawDocument } from '../core/types.js';

const raw = (text: string, extra: Partial<RawDocument> = {}): RawDocument => ({ source: 'test', format: 'txt', text, ...extra });

const GERMAN = raw(' date 2024-06 Die Militärausgaben Kasachstans stiegen im vergangenen Jahr deutlich, wie aus neuen Daten hervorgeht.\n\nRussische Soldaten wurden in Kasachstan angeworben, berichten Medien.', { title: 'Militärausgaben' });
const ENGLISH = raw('North Korean workers were sent to Russia in 2024, according to a report by the intelligence service.\n\nThe soldiers were running drills near the border with Ukraine.', { date: '2025-01-15', title: 'Workers' });

for (const engine of engines()) {
  test(`[${engine}] documents are stored once, with passages and full-text search`, async (t) => {
    const db = await openTestDb(t, engine);

    const outcomes = await storeDocuments(db, [prepareDocument(GERMAN), prepareDocument(ENGLISH), prepareDocument(GERMAN)]);
    assert.deepEqual(outcomes, ['new', 'new', 'unchanged']);
    assert.deepEqual(await storeDocuments(db, [prepareDocument({ ...GERMAN, source: 'elsewhere' })]), ['unchanged']);
    assert.equal(await documentCount(db), 2);

    const de = prepareDocument(GERMAN);
    const doc = await getDocument(db, de.id);
    assert.ok(doc);
    assert.equal(doc.lang, 'de');
    assert.equal(doc.date, '2024-06');
    assert.equal(doc.passages, 2);
    for (const span of doc.passageSpans) assert.ok(span.end > span.start);
    assert.equal(doc.text.slice(doc.passageSpans[1].start, doc.passageSpans[1].end).slice(0, 19), 'Russische Soldaten ');
    assert.equal((await getDocument(db, de.id.slice(0, 10)))?.id, de.id, 'unique id prefix resolves');
    assert.equal(await getDocument(db, 'doc_nothing'), null);

    // German stemming: "Militärausgabe" matches "Militärausgaben"; English stemming: "run" matches "running".
    const stem = await searchPassages(db, { query: 'Militärausgabe' });
    assert.equal(stem.total, 1);
    assert.equal(stem.hits[0].docId, de.id);
    assert.match(stem.hits[0].snippet, /\uE000Militärausgaben\uE001/);
    assert.equal((await searchPassages(db, { query: 'run' })).total, 1);

    // Web-search syntax: phrases, exclusions, OR.
    assert.equal((await searchPassages(db, { query: '"north korean workers"' })).total, 1);
    assert.equal((await searchPassages(db, { query: '"workers north korean"' })).total, 0);
    assert.equal((await searchPassages(db, { query: 'soldiers -ukraine' })).total, 0);
    assert.equal((await searchPassages(db, { query: 'Kasachstan OR Russia' })).total, 3);

    // Filters: language and document date.
    assert.equal((await search(db, { query: 'Kasachstan OR Russia', lang: 'en' })).total, 1);
    assert.equal((await search(db, { query: 'Kasachstan OR Russia', from: '2025' })).total, 1);
    assert.equal((await search(db, { query: 'Kasachstan OR Russia', to: '2024-06' })).total, 2);
    assert.equal((await search(db, { query: 'Kasachstan OR Russia', from: '2024-07', to: '2024-12' })).total, 0);
    await assert.rejects(search(db, { query: 'x', from: '31.02.2024' }), /start date of a search must be/);

    const list = await listDocuments(db, { limit: 10 });
    assert.equal(list.total, 2);
    assert.deepEqual(list.documents.map((d) => d.date), ['2025-01-15', '2024-06']);
  });

  test(`[${engine}] a failing document in a batch does not keep the others out`, async (t) => {
    const db = await openTestDb(t, engine);
    const good = prepareDocument(ENGLISH);
    const bad = prepareDocument(raw('A text with a broken passage list.'));
    bad.passages.push({ ...bad.passages[0] }); // duplicate passage index violates the primary key
    const outcomes = await storeDocuments(db, [good, bad]);
    assert.equal(outcomes[0], 'new');
    assert.ok(outcomes[1] instanceof Error);
    assert.equal(await documentCount(db), 1);
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM passages WHERE doc_id = $1', [bad.id])).rows[0].n, 0, 'no half-stored document');
  });
}

for (const engine of engines()) {
  test(`[${engine}] paging past the re-ranked shortlist neither repeats nor skips a hit`, async (t) => {
    const db = await openTestDb(t, engine);
    // SEARCH_SHORTLIST + 60 passages that all match "Panzer geliefert": the shortlist's number use
    // both words six times with a gap between them (term frequency 0.33, cover density 0.01), 60
    // fewer times and side by side (0.27, 0.1), so the two rankings disagree across the shortlist boundary.
    const n = SEARCH_SHORTLIST + 60;
    const docs = Array.from({ length: n }, (_, i) =>
      prepareDocument(raw(i < SEARCH_SHORTLIST
        ? `Meldung ${i}: ${'Panzer '.repeat(6)}Region Stadt Lage ${'geliefert '.repeat(6)}`
        : `Meldung ${i}: ${'Panzer '.repeat(3)}geliefert`, { lang: 'de' })));
    await storeDocuments(db, docs);
    const all = await searchPassages(db, { query: 'Panzer geliefert', limit: n });
    assert.equal(all.total, n);
    const paged: string[] = [];
    for (let offset = 0; offset < n; offset += 15) {
      const page = await searchPassages(db, { query: 'Panzer geliefert', limit: 15, offset });
      assert.equal(page.total, n);
      paged.push(...page.hits.map((h) => `${h.docId}#${h.passageIdx}`));
    }
    assert.equal(new Set(paged).size, n, 'every hit once');
    assert.deepEqual(paged, all.hits.map((h) => `${h.docId}#${h.passageIdx}`), 'pages follow the order of one long page');
  });
}

for (const engine of engines()) {
  test(`[${engine}] statistics are refreshed once the corpus grew by a tenth over several ingests`, async (t) => {
    const db = await openTestDb(t, engine);
    let n = 0;
    const ingest = async (count: number) => {
      const docs = Array.from({ length: count }, () => prepareDocument(raw(`Dokument ${++n} über Panzerlieferungen.`, { lang: 'de' })));
      await storeDocuments(db, docs);
      await settleAfterIngest(db, count);
    };
    const analyzed = async () => (await db.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'documents'::regclass`)).rows[0].n;
    await ingest(20);
    assert.equal(await analyzed(), 20);
    await ingest(1);
    await ingest(1);
    assert.equal(await analyzed(), 20, 'grown by a tenth: not yet');
    await ingest(1);
    assert.equal(await analyzed(), 23, 'small ingests add up');
  });
}

test('a second open of the same embedded store fails at once and names the store', async (t) => {
  const store = await createTestStore('embedded');
  const db = await store.open();
  t.after(async () => {
    await db.close();
    await store.cleanup();
  });
  const started = Date.now();
  await assert.rejects(openDb(store.target), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'store_in_use');
    assert.ok(err.message.includes(store.target), err.message);
    return true;
  });
  assert.ok(Date.now() - started < 2000, 'fails immediately');
});

test('text-search configuration follows the language', () => {
  assert.equal(textSearchConfig('de'), 'german');
  assert.equal(textSearchConfig('en'), 'english');
  assert.equal(textSearchConfig('fr'), 'french');
  assert.equal(textSearchConfig('ru'), 'russian');
  assert.equal(textSearchConfig('pl'), 'simple', 'PostgreSQL has no Polish stemmer');
  assert.equal(textSearchConfig('sv'), 'simple');
});

const TAGGED = raw(
  'Kasachstan hat 2024 Kampfhubschrauber aus Russland gekauft. Die Regierung in Astana verletzt laut Amnesty die Menschenrechte, Folter in Haft ist verbreitet.\n\nDas Wetter in Frankreich war gut.',
  { title: 'Kasachstan kauft Hubschrauber', date: '2024-03' },
);

for (const engine of engines()) {
  test(`[${engine}] countries and criteria are stored with passage and document, and filter search`, async (t) => {
    const db = await openTestDb(t, engine);
    const prepared = prepareDocument(TAGGED);
    await storeDocuments(db, [prepared, prepareDocument(ENGLISH)]);
    const doc = await getDocument(db, prepared.id);
    assert.ok(doc);
    assert.deepEqual(doc.countries, prepared.countries);
    assert.ok(doc.countries.includes('KZ') && doc.countries.includes('RU') && doc.countries.includes('FR'), doc.countries.join());
    assert.equal(doc.primary[0], 'KZ');
    assert.ok(doc.passageSpans[0].countries.includes('KZ'));
    assert.ok(doc.passageSpans[0].criteria.includes(2), 'human-rights cues tag criterion 2');
    assert.deepEqual(doc.passageSpans[1].countries, ['FR']);
    assert.deepEqual(doc.passageSpans[1].criteria, []);

    assert.equal((await listDocuments(db, { country: 'KZ' })).total, 1);
    assert.equal((await listDocuments(db, { country: 'KP' })).total, 1, 'North Korean workers');
    assert.equal((await searchPassages(db, { query: 'Kasachstan OR Frankreich OR Russia' })).total, 3);
    assert.equal((await searchPassages(db, { query: 'Kasachstan OR Frankreich OR Russia', country: 'FR' })).total, 1);
    assert.equal((await searchPassages(db, { query: 'Kasachstan OR Frankreich OR Russia', criterion: 2 })).total, 1);
    const { facets } = await searchPassages(db, { query: 'Kasachstan OR Frankreich OR Russia' }, { facets: true });
    assert.ok(facets);
    assert.equal(facets.country.find((c) => c.value === 'KZ')?.count, 1);
    assert.equal(facets.criterion.find((c) => c.value === 2)?.count, 1);
    assert.deepEqual(facets.lang.map((l) => l.value).sort(), ['de', 'en']);

    const evidence = await evidenceFor(db, { asOf: '2026-01-01', countries: ['KZ'] });
    assert.ok(evidence.length >= 1);
    assert.ok(evidence.every((e) => e.country === 'KZ' && e.docId === prepared.id && e.passageIdx === 0));
    assert.ok(evidence[0].criteria.some((c) => c.criterion === 2 && c.score > 0 && c.cues.length > 0));
    assert.deepEqual(await evidenceFor(db, { asOf: '2023-12-31', countries: ['KZ'] }), [], 'later documents are not evidence yet');
    const all = await evidenceFor(db, { asOf: '2026-01-01' });
    assert.ok(all.some((e) => e.country === 'KZ'));
    assert.ok(!all.some((e) => e.country === 'RU'), 'Russia only sold the helicopters: the human-rights evidence is about Kazakhstan');
  });

  test(`[${engine}] a passage is evidence only for the states its criterion speaks of`, async (t) => {
    const db = await openTestDb(t, engine);
    // Seed 001's case: Kazakhstan's arms industry, with a Ukrainian partner named in passing.
    const doc = prepareDocument(raw(
      'Kasachstan produziert Rüstungsgüter mit Partnern. 2015 vereinbarte Kasachstan mit einer Firma aus der Ukraine die Lieferung von Munition; ' +
        'Kasachstan verkaufte Teile davon illegal weiter, der Schmuggel in Nachbarländer ist belegt. Kasachstan bestreitet das.\n\n' +
        'Russland rekrutiert in Kasachstan Söldner für seinen Krieg gegen die Ukraine, berichten Medien aus Astana.',
      { title: 'Kasachstan und seine Rüstungsindustrie', date: '2024-05' },
    ));
    await storeDocuments(db, [doc]);
    const of = async (c: string) => (await evidenceFor(db, { asOf: '2026-01-01', countries: [c] })).map((e) => `${e.passageIdx}:${e.criteria.map((k) => k.criterion).join(',')}`);
    const kz = await of('KZ');
    assert.ok(kz.some((e) => e.startsWith('0:') && e.includes('7')), `diversion evidence for Kazakhstan: ${kz}`);
    const ua = await of('UA');
    assert.ok(!ua.some((e) => e.startsWith('0:')), `the Ukrainian supplier is not the re-exporter: ${ua}`);
    const ru = await of('RU');
    assert.ok(ru.some((e) => e.startsWith('1:') && e.includes('6')), `recruiting mercenaries abroad is Russia's criterion 6: ${ru}`);
  });

  test(`[${engine}] search by the state a passage is about, not every state it names`, async (t) => {
    const db = await openTestDb(t, engine);
    const doc = prepareDocument(raw(
      'Kasachstan modernisiert mit Partnern seine Kampfpanzer vom Typ T-72. Die Werke in Kasachstan arbeiten dabei auch mit einer Firma aus der Ukraine zusammen. Kasachstan plant weitere Aufträge.',
      { title: 'Kasachstans Rüstungsindustrie', date: '2024-05' },
    ));
    await storeDocuments(db, [doc]);
    assert.equal((await searchPassages(db, { query: 'Kampfpanzer', country: 'UA' })).total, 1, 'the passage names Ukraine');
    assert.equal((await searchPassages(db, { query: 'Kampfpanzer', about: 'UA' })).total, 0, 'but is not about Ukraine');
    assert.equal((await searchPassages(db, { query: 'Kampfpanzer', about: 'KZ' })).total, 1);
  });

  test(`[${engine}] French passages are indexed with the French stemmer; an unsupported language is stored and searchable`, async (t) => {
    const db = await openTestDb(t, engine);
    const fr = prepareDocument(raw("Le Conseil de sécurité a prolongé les sanctions contre la Libye et l'embargo sur les armes, selon les diplomates à New York."));
    const sv = prepareDocument(raw('Regeringen i Stockholm har beslutat att skicka mer ammunition och fler soldater till gränsen, skriver tidningen i dag.'));
    assert.equal(fr.lang, 'fr');
    assert.equal(fr.passages[0].tsConfig, 'french');
    assert.ok(fr.countries.includes('LY'));
    assert.equal(sv.passages[0].tsConfig, 'simple');
    assert.equal(sv.extraction.support, 'unsupported');
    await storeDocuments(db, [fr, sv]);
    assert.equal((await searchPassages(db, { query: 'sanction' })).total, 1, 'French stemming: sanction matches sanctions');
    assert.equal((await searchPassages(db, { query: 'ammunition' })).total, 1);
    assert.equal((await searchPassages(db, { query: 'embargo', lang: 'fr' })).total, 1);
  });

  test(`[${engine}] migration 5 moves the tags of a store made before it into the rows`, async (t) => {
    const store = await createTestStore(engine);
    const old = await openDb(store.target, { migrate: false });
    await migrate(old, { upTo: 4 });
    await old.query(`INSERT INTO documents (id, content_hash, source, format, lang, char_count, text, doc_date, date_from, date_to)
                      VALUES ('doc_a', 'h', 's', 'txt', 'de', 4, 'Text', '2024-05', '2024-05-01', '2024-05-31')`);
    await old.query(`INSERT INTO passages (doc_id, idx, start_off, end_off, lang, ts_config, text) VALUES ('doc_a', 0, 0, 4, 'de', 'german', 'Text')`);
    await old.query(`INSERT INTO passage_countries VALUES ('doc_a', 0, 'RU', 1), ('doc_a', 0, 'KZ', 3)`);
    await old.query(`INSERT INTO passage_criteria VALUES ('doc_a', 0, 4, 2.5, ARRAY['Angriff'])`);
    await old.query(`INSERT INTO document_countries VALUES ('doc_a', 'RU', 1, false), ('doc_a', 'KZ', 3, true)`);
    await old.close();
    const db = await store.open();
    t.after(async () => {
      await db.close();
      await store.cleanup();
    });
    const doc = await getDocument(db, 'doc_a');
    assert.deepEqual(doc?.countries, ['KZ', 'RU']);
    assert.deepEqual(doc?.primary, ['KZ']);
    assert.deepEqual(doc?.passageSpans[0].countries, ['KZ', 'RU']);
    const evidence = await evidenceFor(db, { asOf: '2026-01-01', countries: ['KZ'] });
    assert.deepEqual(evidence.map((e) => e.criteria), [[{ criterion: 4, score: 2.5, cues: ['Angriff'] }]]);
    assert.equal((await searchPassages(db, { query: 'Text', from: '2024-05-31', country: 'RU', criterion: 4 })).total, 1, 'dates and tags copied');
    assert.equal((await searchPassages(db, { query: 'Text', to: '2024-04-30' })).total, 0);
  });
}
