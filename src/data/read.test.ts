/** The shared CSV opener: every way a file can be wrong is an issue that names the file and row, and no values. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addNumericValue, openCsv } from './read.js';
import type { ParsedFile } from './types.js';

const csv = (s: string) => Buffer.from(s, 'utf8');

test('openCsv: header on the first line, required columns located', () => {
  const o = openCsv('a.csv', csv('Country,Year,Score\nNorway,2023,1\n'), { encoding: 'utf-8', required: ['Year', 'Country'] });
  assert.deepEqual(o.out.issues, []);
  assert.equal(o.index.get('Country'), 0);
  assert.equal(o.index.get('Year'), 1);
  assert.equal(o.headerLine, 1);
  assert.deepEqual(o.rows.map((r) => r.cells), [['Norway', '2023', '1']]);
});

test('openCsv: a preamble before the header is skipped', () => {
  const o = openCsv('wdi.csv', csv('"Data Source","WDI"\n\n"Country Name","Country Code"\n"Chad","TCD"\n'), {
    encoding: 'utf-8', required: ['Country Name', 'Country Code'], headerStartsWith: 'Country Name',
  });
  assert.equal(o.headerLine, 3);
  assert.deepEqual(o.rows.map((r) => r.cells), [['Chad', 'TCD']]);
});

test('openCsv: empty file, header not found, missing column — an error each, no rows', () => {
  const empty = openCsv('e.csv', csv(''), { encoding: 'utf-8', required: ['x'] });
  assert.deepEqual(empty.out.issues, [{ level: 'error', file: 'e.csv', message: 'empty file' }]);
  assert.deepEqual(empty.rows, []);
  const noHeader = openCsv('n.csv', csv('a;b\n1;2\n'), { encoding: 'utf-8', delimiter: ';', required: ['ISO3'], headerStartsWith: 'Country / Territory' });
  assert.match(noHeader.out.issues[0].message, /header "Country \/ Territory;ISO3…" not found/);
  assert.deepEqual(noHeader.rows, []);
  const missing = openCsv('m.csv', csv('Country,Year\nChad,2020\n'), { encoding: 'utf-8', required: ['Country', 'Score'] });
  assert.equal(missing.out.issues[0].row, 1);
  assert.match(missing.out.issues[0].message, /missing column\(s\) "Score"/);
  assert.deepEqual(missing.rows, []);
});

test('openCsv: Latin-1 bytes are decoded, not mangled', () => {
  const o = openCsv('l.csv', Buffer.from('Country,Year\nC\xf4te d\'Ivoire,2020\n', 'latin1'), { encoding: 'latin1', required: ['Country'] });
  assert.equal(o.rows[0].cells[0], "Côte d'Ivoire");
});

test('addNumericValue: a value, a no-data cell, a warning that names the cell', () => {
  const out: ParsedFile = { values: [], issues: [], noDataCells: 0 };
  const v = { indicatorId: 'x', name: 'Chad', year: 2020, row: 2 };
  addNumericValue(out, '3.5', { file: 'f.csv', row: 2, label: 'Chad 2020' }, v);
  addNumericValue(out, '..', { file: 'f.csv', row: 2, label: 'Chad 2021' }, { ...v, year: 2021 });
  addNumericValue(out, 'n/a?', { file: 'f.csv', row: 2, label: 'Chad 2022' }, { ...v, year: 2022 });
  assert.deepEqual(out.values, [{ ...v, value: 3.5, valueText: null }]);
  assert.equal(out.noDataCells, 1);
  assert.deepEqual(out.issues, [{ level: 'warning', file: 'f.csv', row: 2, message: 'Chad 2022: non-numeric cell "n/a?" skipped' }]);
});
