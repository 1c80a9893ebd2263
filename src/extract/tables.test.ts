import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTables, parseCellNumber } from './tables.js';

const seed001 = readFileSync(join('..', 'shared', 'corpus', 'seeds', '001_424b8fa61388b790.txt'), 'utf8');

test('seed 001: all 21 captioned tables are found, in order', () => {
  const tables = extractTables(seed001);
  assert.deepEqual(tables.map((t) => t.number), Array.from({ length: 21 }, (_, i) => i + 1));
  for (const t of tables) {
    assert.ok(t.header.length >= 2, `table ${t.number} header`);
    assert.ok(t.start < t.end && seed001.slice(t.start, t.end).includes('Tabelle'), `table ${t.number} span`);
    assert.equal(t.values.length, t.rows.length);
  }
});

test('seed 001, Tabelle 5: military expenditure and share of GDP, German numbers', () => {
  const t = extractTables(seed001).find((x) => x.number === 5)!;
  assert.equal(t.caption, 'Absolute Militärausgaben und Anteil am BIP');
  assert.deepEqual(t.header, ['', '2020', '2021', '2022', '2023', '2024']);
  assert.equal(t.rows[0][0], 'Militärausgaben (in Millionen US-Dollar)');
  assert.deepEqual(t.values[0].slice(1), [2002, 1989, 1350, 1164, 1145]);
  assert.deepEqual(t.values[1].slice(1), [0.9, 0.8, 0.5, 0.4, 0.4]);
  assert.equal(t.source, 'SIPRI Military Expenditure Database');
});

test('seed 001, Tabelle 1: repeated headers are dropped, source kept', () => {
  const t = extractTables(seed001).find((x) => x.number === 1)!;
  assert.match(t.caption, /^Deutsche Rüstungsexporte nach Außenwirtschaftsgesetz/);
  assert.deepEqual(t.header, ['Jahr', 'Güter / in % des Gesamtwertes', 'Gesamtwert']);
  assert.ok(!t.rows.some((r) => r[0] === 'Jahr'));
  assert.equal(t.rows[0][0], '1999');
  assert.equal(t.values[0][2], 1.5);
  assert.match(t.source ?? '', /^Rüstungsexportberichte der Bundesregierung/);
});

test('cells: "-" is missing, percentages and bracketed numbers are read', () => {
  assert.equal(parseCellNumber('-'), null);
  assert.equal(parseCellNumber('–'), null);
  assert.equal(parseCellNumber('67,7%'), 67.7);
  assert.equal(parseCellNumber('(12)'), 12);
  assert.equal(parseCellNumber('1.145'), 1145);
  assert.equal(parseCellNumber('0,4'), 0.4);
  assert.equal(parseCellNumber('159282'), 159282);
  assert.equal(parseCellNumber('Neuwertig'), null);
  assert.equal(parseCellNumber('1,145', 'en'), 1145);
});

test('a small table with a missing value and an English source line', () => {
  const text = 'Intro\n\nTable 3: Troops\n\nYear\tArmy\tNavy\n2023\t1,200\t-\n2024\t1,300\t450\n\nSource: IISS\n\nMore text.';
  const [t] = extractTables(text, 'en');
  assert.equal(t.number, 3);
  assert.equal(t.caption, 'Troops');
  assert.deepEqual(t.values, [[2023, 1200, null], [2024, 1300, 450]]);
  assert.equal(t.source, 'IISS');
});

test('no tables in prose, empty text or tab noise', () => {
  assert.deepEqual(extractTables(''), []);
  assert.deepEqual(extractTables('Kein Tab hier. Tabelle 4 wird erwähnt.'), []);
  assert.deepEqual(extractTables('a\tb\nc\td'), []);
  const long = 'Tabelle 1\n' + 'x\t'.repeat(100000);
  assert.equal(extractTables(long).length, 1);
});

test('a caption over several lines, a note without a source line, and a box after the table', () => {
  const text = [
    'Tabelle 7', '', '**Militärausgaben der Nachbarstaaten**', '(in Mio. US-Dollar)', '',
    '\t2022\t2023', 'Russland\t1.200,5\t1.300', 'China\t2.000\t-', '',
    'Angaben in konstanten Preisen mit 2022 als Basisjahr.', '',
    'UN-Berichterstattung', '',
    'Box 2', 'Gesamtstärke\t39.000',
  ].join('\n');
  const [t] = extractTables(text);
  assert.equal(t.caption, 'Militärausgaben der Nachbarstaaten (in Mio. US-Dollar)');
  assert.deepEqual(t.values, [[null, 1200.5, 1300], [null, 2000, null]]);
  assert.deepEqual(t.notes, ['Angaben in konstanten Preisen mit 2022 als Basisjahr.'], 'a note, not the heading after it');
  assert.equal(t.source, null);
  assert.equal(t.rows.length, 2, 'the box after the table is not a row of it');
  assert.deepEqual(t.rowStarts.map((s) => text.slice(s, s + 5)), ['Russl', 'China']);
  assert.equal(text.slice(t.headerStart, t.headerStart + 5), '\t2022');
});

test('footnote marks and markup leave titles', () => {
  const [t] = extractTables('Tabelle 3: Exporte, Mio. TIV<sup>1</sup> \\*\n\nJahr\tWert\n2020\t5\n');
  assert.equal(t.caption, 'Exporte, Mio. TIV');
});
