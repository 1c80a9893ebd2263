import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AppError } from '../core/errors.js';
import { sharedPath } from '../../test/helpers/stores.js';
import { bundledExternalPath, parseExternalRating, parseExternalTable, readExternalTable } from './external-ratings.js';

const parse = (file: string, text: string) => parseExternalTable(file, Buffer.from(text, 'utf8'));

test("BICC's 2013/14 file: the semicolon CSV with codes 0–3 and the JSONL with words read the same 172 rows", () => {
  const csv = readExternalTable(sharedPath('eval', 'bicc-2013', 'bicc_armsexports_2013.csv'));
  const jsonl = readExternalTable(sharedPath('eval', 'bicc-2013', 'ratings.jsonl'));
  assert.equal(csv.format, 'csv');
  assert.equal(jsonl.format, 'jsonl');
  assert.deepEqual(csv.issues, []);
  assert.deepEqual(jsonl.issues, []);
  assert.equal(csv.rows.length, 172);
  assert.deepEqual(csv.rows.map((r) => [r.country, r.ratings]), jsonl.rows.map((r) => [r.country, r.ratings]));
  // Angola;AGO;3;3;2;3;1;3;0;3 — 0 is "not considered".
  const ao = csv.rows.find((r) => r.country === 'AO')!;
  assert.deepEqual(ao.ratings, { 1: 'critical', 2: 'critical', 3: 'possibly_critical', 4: 'critical', 5: 'not_critical', 6: 'critical', 7: 'no_data', 8: 'critical' });
  assert.equal(ao.label, 'AGO', 'the ISO3 column is preferred over the name');
  assert.equal(ao.line, 2);
});

test('the bundled name bicc-2013 resolves to ../shared/eval/bicc-2013/ratings.jsonl beside the repository', () => {
  const p = bundledExternalPath('bicc-2013')!;
  assert.equal(p, sharedPath('eval', 'bicc-2013', 'ratings.jsonl'));
  const t = readExternalTable('bicc-2013');
  assert.equal(t.name, 'bicc-2013');
  assert.equal(t.rows.length, 172);
  assert.equal(bundledExternalPath('../../etc/passwd'), null);
  assert.equal(bundledExternalPath('constructor'), null, 'no prototype keys');
  assert.throws(() => readExternalTable('no-such-table.jsonl'), (e: AppError) => e.code === 'not_found' && /no-such-table\.jsonl/.test(e.message));
});

test('rating cells: words, German and English labels, BICC legend words and codes 0–3', () => {
  const cases: Array<[unknown, string | null]> = [
    ['not_critical', 'not_critical'], ['possibly_critical', 'possibly_critical'], ['critical', 'critical'], ['no_data', 'no_data'],
    ['Nicht kritisch', 'not_critical'], ['Möglicherweise kritisch', 'possibly_critical'], ['Kritisch', 'critical'], ['Keine Daten', 'no_data'],
    ['Possibly critical', 'possibly_critical'], ['uncritical', 'not_critical'], ['not considered', 'no_data'],
    ['0', 'no_data'], ['1', 'not_critical'], ['2', 'possibly_critical'], ['3', 'critical'], [3, 'critical'], [0, 'no_data'],
    ['4', null], ['very bad', null], [2.5, null], [null, null],
  ];
  for (const [cell, want] of cases) assert.equal(parseExternalRating(cell), want, JSON.stringify(cell));
});

test('JSONL: per-country objects with ISO2, ISO3 or German names; one line per criterion merges', () => {
  const t = parse('r.jsonl', [
    '{"iso2": "KZ", "ratings": {"1": "not_critical", "2": "Kritisch", "c3": 2}}',
    '',
    '{"country": "Deutschland", "criterion": 2, "rating": "Nicht kritisch"}',
    '{"country": "DEU", "criterion": "8", "rating": "uncritical"}',
    '{"iso3": "RUS", "country": "Russland", "ratings": {"4": 3}}',
  ].join('\n'));
  assert.deepEqual(t.issues, []);
  assert.deepEqual(t.rows.map((r) => [r.country, r.line, r.ratings]), [
    ['KZ', 1, { 1: 'not_critical', 2: 'critical', 3: 'possibly_critical' }],
    ['DE', 3, { 2: 'not_critical', 8: 'not_critical' }],
    ['RU', 5, { 4: 'critical' }],
  ]);
});

test('CSV: comma-separated wide table with c1…c8 and English words; semicolon long table with German headers and labels; tabs', () => {
  const wide = parse('wide.csv', 'country,c1,c2,c3,c4,c5,c6,c7,c8\nKazakhstan,not_critical,critical,possibly_critical,possibly_critical,not_critical,not_critical,possibly_critical,\n"Korea, North",critical,critical,critical,critical,critical,critical,critical,critical\n');
  assert.deepEqual(wide.issues, []);
  assert.equal(wide.rows[0].country, 'KZ');
  assert.equal(wide.rows[0].ratings[8], undefined, 'an empty cell rates nothing');
  assert.equal(wide.rows[0].ratings[2], 'critical');
  assert.equal(wide.rows[1].country, 'KP');
  assert.equal(wide.rows[1].line, 3);

  const long = parse('long.csv', 'Land;Kriterium;Bewertung\nKasachstan;2;Kritisch\nKasachstan;Kriterium 7;Möglicherweise kritisch\nFrankreich;1;Nicht kritisch\n');
  assert.deepEqual(long.issues, []);
  assert.deepEqual(long.rows.map((r) => [r.country, r.ratings]), [['KZ', { 2: 'critical', 7: 'possibly_critical' }], ['FR', { 1: 'not_critical' }]]);

  const tabs = parse('t.tsv', 'iso3\t1\t2\nKAZ\t1\t3\n');
  assert.deepEqual(tabs.rows.map((r) => [r.country, r.ratings]), [['KZ', { 1: 'not_critical', 2: 'critical' }]]);
});

test('an unreadable line is an issue naming file and line; the other lines are kept', () => {
  const t = parse('bad.jsonl', [
    '{"iso2": "KZ", "ratings": {"1": 1}}',
    '{not json',
    '{"country": "Atlantis", "ratings": {"1": 1}}',
    '{"iso2": "FR", "ratings": {"1": "dreadful"}}',
    '{"iso2": "FR", "ratings": {"9": 1}}',
    '[1, 2]',
    '{"iso2": "KZ", "ratings": {"2": 1}}',
    '{"iso2": "DE"}',
    '{"iso2": "DE", "ratings": {"2": 3}}',
  ].join('\n'));
  assert.deepEqual(t.rows.map((r) => r.country), ['KZ', 'DE']);
  const byLine = new Map(t.issues.map((i) => [i.line, i.message]));
  assert.ok(t.issues.every((i) => i.file === 'bad.jsonl'));
  assert.match(byLine.get(2)!, /not valid JSON/);
  assert.match(byLine.get(3)!, /unknown country "Atlantis"/);
  assert.match(byLine.get(4)!, /criterion 1: unreadable rating "dreadful"/);
  assert.match(byLine.get(5)!, /unknown criterion "9"/);
  assert.match(byLine.get(6)!, /not a JSON object/);
  assert.match(byLine.get(7)!, /KZ .*already given on line 1/);
  assert.match(byLine.get(8)!, /neither "ratings"/);
  assert.equal(t.issues.length, 7);

  const csv = parse('bad.csv', 'iso2;1;2\nKZ;1;9\nFR;2;2\n');
  assert.deepEqual(csv.rows.map((r) => r.country), ['FR']);
  assert.deepEqual(csv.issues, [{ file: 'bad.csv', line: 2, message: 'criterion 2: unreadable rating "9"' }]);
});

test('a file that cannot be read at all is one clear error naming the file and the reason', () => {
  const err = (f: () => unknown, re: RegExp) => assert.throws(f, (e: AppError) => e instanceof AppError && re.test(e.message), re.source);
  err(() => parse('nocountry.csv', 'foo;1;2\nx;1;1\n'), /nocountry\.csv line 1: no country column/);
  err(() => parse('norating.csv', 'country;comment\nKZ;fine\n'), /norating\.csv line 1: no rating columns/);
  err(() => parse('empty.csv', ''), /empty\.csv: empty file/);
  err(() => parse('all-bad.jsonl', '{"country": "Atlantis", "ratings": {"1": 1}}\n'), /all-bad\.jsonl: no country could be read \(line 1: unknown country "Atlantis"\)/);
  assert.ok(fs.existsSync(sharedPath('eval', 'bicc-2013', 'README.md')));
});
