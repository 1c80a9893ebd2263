/** The bundled reference lists (reference/*.csv, read in place) and the checks that keep a bad row out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { expandReferenceList, parseReferenceFile, parseReferenceList, type ReferenceList } from './reference-lists.js';
import { UN_MEMBERS } from './un-members.js';
import { detectDataset } from './detect.js';
import { indicatorInfo } from './catalogue.js';
import { parseReferenceSource } from '../core/reference-source.js';
import type { RawValue } from './types.js';

const DIR = path.resolve(process.cwd(), 'reference');
const FILES = fs.readdirSync(DIR).filter((n) => n.endsWith('.csv')).sort();

function load(name: string): { list: ReferenceList; values: RawValue[] } {
  const { list, issues } = parseReferenceList(name, fs.readFileSync(path.join(DIR, name)));
  assert.deepEqual(issues, [], `${name}: ${JSON.stringify(issues)}`);
  return { list: list!, values: expandReferenceList(list!) };
}

const valueOf = (values: RawValue[], iso3: string, year: number) => values.find((v) => v.iso3 === iso3 && v.year === year)?.value ?? null;

test('the bundled lists are the four sourced ones, each recognised as a reference list', () => {
  assert.deepEqual(FILES, ['bwc.csv', 'npt.csv', 'rome-statute.csv', 'wassenaar.csv']);
  for (const f of FILES) assert.equal(detectDataset(f, fs.readFileSync(path.join(DIR, f)))?.id, 'reference', f);
});

test('every list parses without issues; the list and each entry have a public source address and an as-of date', () => {
  for (const f of FILES) {
    const { list } = load(f);
    assert.match(list.header.source, /^https?:\/\/\S+$/, f);
    assert.match(list.header.asOf, /^\d{4}-\d{2}-\d{2}$/, f);
    assert.ok(indicatorInfo(list.header.indicator)?.dataset === 'reference', `${f}: ${list.header.indicator} in the catalogue`);
    assert.ok(list.entries.length > 0, f);
    for (const e of list.entries) {
      assert.match(e.source, /^https?:\/\/\S+$/, `${f} line ${e.line}`);
      assert.match(e.asOf, /^\d{4}(-\d{2}(-\d{2})?)?$/, `${f} line ${e.line}`);
    }
  }
});

test('the universe is the 193 UN member states (world-countries without the Holy See)', () => {
  assert.equal(UN_MEMBERS.length, 193);
  assert.ok(!UN_MEMBERS.some((s) => s.iso2 === 'VA'));
  assert.ok(UN_MEMBERS.some((s) => s.iso2 === 'SS') && UN_MEMBERS.some((s) => s.iso2 === 'KP'));
});

test('Wassenaar: 42 participating states; India counts from 2017 (joined 2017-12-08); North Korea is in no row and reads 0', () => {
  const { list, values } = load('wassenaar.csv');
  assert.equal(list.header.indicator, 'regime.wassenaar');
  assert.equal(list.entries.filter((e) => e.status === 'party' && !e.to).length, 42);
  const last = Number(list.header.asOf.slice(0, 4));
  assert.equal(values.filter((v) => v.year === last && v.value === 1).length, 42);
  assert.equal(values.filter((v) => v.year === last).length, 193);
  assert.equal(valueOf(values, 'IND', 2016), 0);
  assert.equal(valueOf(values, 'IND', 2017), 1);
  assert.equal(valueOf(values, 'IND', 2018), 1);
  assert.match(values.find((v) => v.iso3 === 'IND' && v.year === 2018)!.note!, /joined 2017-12-08; https:\/\//);
  // The day each year's value holds from: the join day in the join year, else 1 January (a year-only date: its last day).
  const dateOf = (iso3: string, year: number) => values.find((v) => v.iso3 === iso3 && v.year === year)?.date;
  assert.deepEqual([dateOf('IND', 2016), dateOf('IND', 2017), dateOf('IND', 2018)], ['2016-01-01', '2017-12-08', '2018-01-01']);
  assert.equal(dateOf('EST', 2005), '2005-12-31');
  assert.ok(!list.entries.some((e) => e.iso3 === 'PRK'));
  assert.equal(valueOf(values, 'PRK', 2025), 0);
  assert.equal(valueOf(values, 'MEX', 2011), 0);
  assert.equal(valueOf(values, 'MEX', 2012), 1);
  assert.equal(valueOf(values, 'USA', 1996), 1);
  assert.equal(valueOf(values, 'USA', 1995), null, 'nothing before the Arrangement');
});

test('NPT, a list of exceptions: India, Israel, Pakistan, South Sudan 0; North Korea 1 until its 2003 withdrawal; others 1 from 2016 only', () => {
  const { list, values } = load('npt.csv');
  assert.equal(list.header.unlisted, 1);
  for (const iso3 of ['IND', 'ISR', 'PAK', 'SSD']) assert.equal(valueOf(values, iso3, 2025), 0, iso3);
  assert.equal(valueOf(values, 'SSD', 2010), null, 'South Sudan counts from its independence');
  assert.equal(valueOf(values, 'PRK', 2000), 1);
  assert.equal(valueOf(values, 'PRK', 2003), 0);
  assert.equal(values.find((v) => v.iso3 === 'PRK' && v.year === 2003)!.date, '2003-04-10', 'out from the day the withdrawal took effect');
  assert.equal(valueOf(values, 'PRK', 1980), 0);
  assert.equal(valueOf(values, 'FRA', 2025), 1);
  assert.equal(valueOf(values, 'FRA', 2010), null, 'join dates of unlisted parties are unknown: no value, not a guess');
  assert.equal(values.filter((v) => v.year === 2025 && v.value === 1).length, 188);
  assert.match(values.find((v) => v.iso3 === 'FRA')!.note!, /universe: UN member states \(world-countries/);
});

test('BWC: eight UN member states outside in 2025; Comoros and Kiribati count from 2025', () => {
  const { values } = load('bwc.csv');
  assert.deepEqual(values.filter((v) => v.year === 2025 && v.value === 0).map((v) => v.iso3).sort(), ['DJI', 'EGY', 'ERI', 'HTI', 'ISR', 'SOM', 'SYR', 'TCD']);
  assert.equal(valueOf(values, 'KIR', 2024), 0);
  assert.equal(valueOf(values, 'KIR', 2025), 1);
  assert.equal(valueOf(values, 'DEU', 2023), null, 'the list speaks from February 2024');
  // Parties outside the UN universe by name; one without an accession day counts like the unlisted parties.
  assert.deepEqual([valueOf(values, 'VAT', 2024), valueOf(values, 'PSE', 2024), valueOf(values, 'PSE', 2026)], [1, 1, 1]);
});

test('Rome Statute: entry into force per state, withdrawals (Burundi 2017, Philippines 2019, Hungary 2026) with their effective dates', () => {
  const { values } = load('rome-statute.csv');
  assert.equal(valueOf(values, 'DEU', 2002), 1);
  assert.equal(valueOf(values, 'BDI', 2016), 1);
  assert.equal(valueOf(values, 'BDI', 2017), 0);
  assert.equal(valueOf(values, 'PHL', 2018), 1);
  assert.equal(valueOf(values, 'PHL', 2019), 0);
  assert.equal(valueOf(values, 'HUN', 2025), 1);
  assert.equal(valueOf(values, 'HUN', 2026), 0);
  assert.equal(valueOf(values, 'UKR', 2024), 0);
  assert.equal(valueOf(values, 'UKR', 2025), 1);
  assert.equal(valueOf(values, 'ARM', 2023), 0, 'ratified November 2023, in force February 2024');
  assert.equal(valueOf(values, 'ARM', 2024), 1);
  assert.equal(valueOf(values, 'USA', 2025), 0);
  // 125 parties in 2025 by the ICC's count (the State of Palestine and the Cook Islands, not UN members, among them).
  assert.equal(values.filter((v) => v.year === 2025 && v.value === 1).length, 125);
  assert.deepEqual([valueOf(values, 'PSE', 2014), valueOf(values, 'PSE', 2015)], [0, 1]);
});

test('the values name the list, its as-of date and address as their source file', () => {
  const parsed = parseReferenceFile('wassenaar.csv', fs.readFileSync(path.join(DIR, 'wassenaar.csv')));
  const ref = parseReferenceSource(`reference: ${parsed.provenance!.sourceFile}`);
  assert.deepEqual(ref, { file: 'wassenaar.csv', asOf: '2026-12-01', url: 'https://www.nti.org/education-center/treaties-and-regimes/wassenaar-arrangement/' });
});

const HEADER = [
  '# armsbrief reference list',
  '# indicator: regime.wassenaar',
  '# title: Test list',
  '# title_de: Testliste',
  '# publisher: Test',
  '# source: https://example.org/list',
  '# as_of: 2025-06-30',
  '# since: 2000',
  '# universe: un_members',
  '# unlisted: 0',
  'country,iso3,status,from,to,source,as_of,note',
];

function parseLines(rows: string[], header = HEADER) {
  return parseReferenceList('test.csv', Buffer.from([...header, ...rows].join('\n')));
}

test('an unsourced entry is an error naming file and line, and the whole list stays out', () => {
  const r = parseLines(['France,FRA,party,2000,,https://example.org/fr,2025', 'India,IND,party,2017-12-08,,,2017-12-08,']);
  assert.equal(r.list, null);
  const e = r.issues.find((i) => i.row === 13);
  assert.ok(e && e.level === 'error' && e.file === 'test.csv', JSON.stringify(r.issues));
  assert.match(e.message, /India: no source address/);
  assert.ok(r.issues.some((i) => /not imported/.test(i.message)));
  const parsed = parseReferenceFile('test.csv', Buffer.from([...HEADER, 'India,IND,party,2017,,,2017,'].join('\n')));
  assert.equal(parsed.values.length, 0);
});

test('malformed entries: each problem named with its line', () => {
  const r = parseLines([
    'France,FRA,party,2000,,https://example.org/fr,2025',
    'Atlantis,ATL,party,2000,,https://example.org/a,2025',
    'India,IND,member,2017,,https://example.org/in,2017',
    'Mexico,MEX,party,2012-13-01,,https://example.org/mx,2012',
    'Japan,JPN,party,2000,,example.org/jp,2025',
    'Spain,ESP,party,2000,,https://example.org/es,',
    'Germany,FRA,party,2000,,https://example.org/de,2025',
    'Chile,CHL,non_party,,2010,https://example.org/cl,2025',
    'Peru,PER,party,2026-01-01,,https://example.org/pe,2025',
    'France,FRA,party,2001,,https://example.org/fr2,2025',
  ]);
  assert.equal(r.list, null);
  const at = (line: number) => r.issues.filter((i) => i.row === line).map((i) => i.message).join(' | ');
  assert.match(at(13), /iso3 "ATL" is not an ISO 3166 alpha-3 code/);
  assert.match(at(14), /status "member" is not party or non_party/);
  assert.match(at(15), /from "2012-13-01" is not a date/);
  assert.match(at(16), /source "example.org\/jp" is not an http\(s\) address/);
  assert.match(at(17), /no as_of date/);
  assert.match(at(18), /"Germany" resolves to DE, not to FRA/);
  assert.match(at(19), /"to" \(withdrawal\) only applies to a party/);
  assert.match(at(20), /from 2026-01-01 is after the list's as_of 2025-06-30/);
  assert.match(at(21), /FRA is listed twice \(first in line 12\)/);
  assert.equal(at(12), '', 'the good row has no issue');
});

test('malformed header: missing and unknown keys, a bad universe, no column header', () => {
  const missing = parseLines([], HEADER.filter((l) => !l.startsWith('# source:') && !l.startsWith('# as_of:')));
  assert.equal(missing.list, null);
  assert.ok(missing.issues.some((i) => /"source" is missing/.test(i.message)));
  assert.ok(missing.issues.some((i) => /"as_of" is missing/.test(i.message)));
  const unknown = parseLines([], [...HEADER.slice(0, 3), '# sorce: https://example.org', ...HEADER.slice(3)]);
  assert.ok(unknown.issues.some((i) => i.row === 4 && /unknown header key "sorce"/.test(i.message)));
  const universe = parseLines([], HEADER.map((l) => (l === '# unlisted: 0' ? '# unlisted: maybe' : l)));
  assert.ok(universe.issues.some((i) => i.row === 10 && /unlisted: 0/.test(i.message)));
  const noColumns = parseLines([], HEADER.slice(0, -1));
  assert.ok(noColumns.issues.some((i) => /no column header/.test(i.message)));
  const wrongColumns = parseLines(['France,FRA'], [...HEADER.slice(0, -1), 'country,iso3']);
  assert.ok(wrongColumns.issues.some((i) => /missing column\(s\) "status"/.test(i.message)));
  const notAList = parseReferenceList('x.csv', Buffer.from('country,iso3\nFrance,FRA\n'));
  assert.ok(notAList.list === null && notAList.issues[0].row === 1);
});
