import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractDocumentDate, extractDates, isValidPartialDate, makePartialDate } from './dates.js';
import { partialRange } from '../core/dates.js';

const seed = (name: string) => readFileSync(join('..', 'shared', 'corpus', 'seeds', name), 'utf8');

test('document date: header, publication line, dateline, closing stamp', () => {
  assert.equal(extractDocumentDate(' date 2023-08 In Kasachstan wird'), '2023-08');
  assert.equal(extractDocumentDate(' date 2023-10-04 Home page'), '2023-10-04');
  assert.equal(extractDocumentDate('Bericht\nERSCHEINUNGSDATUM Juni 2026\n'), '2026-06');
  assert.equal(extractDocumentDate('Länderbericht\nStand: März 2025\nText'), '2025-03');
  assert.equal(extractDocumentDate('Die Bundeswehr (Stand 2025) bildet aus.'), null);
  assert.equal(extractDocumentDate('Title\n\nWASHINGTON, Nov 14 2012 (IPS) - Israel is'), '2012-11-14');
  assert.equal(extractDocumentDate('Text über Smartphones.\n\n(red, 29.4.2016)'), '2016-04-29');
  assert.equal(extractDocumentDate('Dark Mode\nThursday, 12 September 2024\nLogo'), null);
  assert.equal(extractDocumentDate(' date 2024-02-31 invalid'), null);
  assert.equal(extractDocumentDate(''), null);
});

test('seeds carry their dates', () => {
  assert.equal(extractDocumentDate(seed('000_1da458a6c479246b.txt')), '2023-08');
  assert.equal(extractDocumentDate(seed('001_424b8fa61388b790.txt')), '2026-06');
  assert.equal(extractDocumentDate(seed('003_68e3ce5c2d8ec47f.txt')), '2023-10-04');
});

test('dev corpus: document dates match the gold labels', () => {
  const docs = readFileSync(join('..', 'shared', 'corpus', 'dev', 'docs.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const ok = docs.filter((d) => extractDocumentDate(d.text) === d.date).length;
  assert.ok(ok / docs.length >= 0.9, `${ok}/${docs.length}`);
});

test('dates inside passages', () => {
  const ds = extractDates('im Juni 2024, March 2023, 2020–2024, am 3. März 2024, am 31.02.2024, 29.4.2016, Nov 14 2012, 1.2.3');
  assert.deepEqual(ds.map((d) => [d.text, d.date, d.to ?? null]), [
    ['Juni 2024', '2024-06', null],
    ['March 2023', '2023-03', null],
    ['2020–2024', '2020', '2024'],
    ['3. März 2024', '2024-03-03', null],
    ['29.4.2016', '2016-04-29', null],
    ['Nov 14 2012', '2012-11-14', null],
  ]);
  assert.deepEqual(extractDates('13.221 Nordkoreaner und 12.000.000.000.000'), []);
});

test('partial dates: validity and ranges', () => {
  assert.equal(isValidPartialDate('2024-02-29'), true);
  assert.equal(isValidPartialDate('2023-02-29'), false);
  assert.equal(isValidPartialDate('2024-13'), false);
  assert.equal(makePartialDate(2024, 2, 31), null);
  assert.deepEqual(partialRange('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(partialRange('2023'), { from: '2023-01-01', to: '2023-12-31' });
});

test('property: written dates are read back, German and English', () => {
  const de = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const en = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  fc.assert(
    fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const iso = makePartialDate(y, m, d);
      const forms = [`am ${d}. ${de[m - 1]} ${y} war`, `on ${d} ${en[m - 1]} ${y},`, `${en[m - 1]} ${d}, ${y}`, `(${d}.${m}.${y})`];
      for (const f of forms) {
        const got = extractDates(f);
        if (iso === null) assert.ok(got.every((x) => x.date.length === 4 || x.date !== `${y}-${m}`), f);
        else assert.equal(got[0]?.date, iso, f);
      }
    }),
    { numRuns: 300 },
  );
});

test('property: arbitrary text gives only valid dates, in bounded time', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      for (const d of extractDates(s)) {
        assert.ok(isValidPartialDate(d.date));
        assert.equal(s.slice(d.start, d.end), d.text);
      }
      const doc = extractDocumentDate(s);
      assert.ok(doc === null || isValidPartialDate(doc));
    }),
    { numRuns: 1000 },
  );
  const long = '31.02.2024 '.repeat(50000) + '1'.repeat(100000);
  const t0 = performance.now();
  extractDates(long);
  extractDocumentDate(long);
  assert.ok(performance.now() - t0 < 3000);
});

test('dates in French, Spanish, Italian, Portuguese, Dutch, Polish and Russian', () => {
  const cases: Array<[string, string]> = [
    ['le 1er mars 2024 à Paris', '2024-03-01'], ['el 3 de marzo de 2024', '2024-03-03'], ['il 12 settembre 2023', '2023-09-12'],
    ['em 5 de junho de 2022', '2022-06-05'], ['op 7 maart 2021', '2021-03-07'], ['dnia 3 marca 2024 r.', '2024-03-03'],
    ['3 марта 2024 г. в Москве', '2024-03-03'], ['в октябре ... октября 2023', '2023-10'], ['en juillet 2020', '2020-07'], ['marzo de 2019', '2019-03'],
  ];
  for (const [text, date] of cases) assert.equal(extractDates(text)[0]?.date, date, text);
  assert.equal(extractDocumentDate('PARIS, 14 juillet 2020 (AFP) - Le gouvernement'), '2020-07-14');
  assert.equal(extractDocumentDate('Publié le 3 mars 2024\nTexte'), '2024-03-03');
});

test('a date stamp on its own line near the top is the document date; a weekday-led one is page chrome', () => {
  assert.equal(extractDocumentDate('Border clashes resume in the north\n\nMarch 3, 2021 10:15 am\nAgency report\nTroops exchanged fire overnight.'), '2021-03-03');
  assert.equal(extractDocumentDate('Defense budgets compared\n\nBy ·June 2, 2022\nA think tank\n\nThe figures show a steady rise.'), '2022-06-02');
  assert.equal(extractDocumentDate('Villagers describe the raid\n(April 9, 2020) — The soldiers arrived at dawn.'), '2020-04-09');
  assert.equal(extractDocumentDate('Thursday, 12 September 2024\nMenu\nThe minister said the talks had failed.'), null);
  assert.equal(extractDocumentDate('Grenzkonflikt flammt wieder auf\n03.03.2021, 10:15 Uhr\nDie Truppen lieferten sich Gefechte.'), '2021-03-03');
  assert.equal(extractDocumentDate('Affrontements à la frontière\n3 mars 2021 à 10h15\nLes troupes ont échangé des tirs.'), '2021-03-03');
  assert.equal(extractDocumentDate('Столкновения на границе\n3 марта 2021 в 10:15\nВойска обменялись огнём.'), '2021-03-03');
  assert.equal(extractDocumentDate('Arms flows to the Sahel\nPosted on 4 May 2023 by the editors\nSmuggling routes run north.'), '2023-05-04');
  // a date inside a sentence is not a stamp
  assert.equal(extractDocumentDate('The ceasefire of March 3, 2021 was broken within days, officials said.'), null);
});

