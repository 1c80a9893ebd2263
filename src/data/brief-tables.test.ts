/** Brief tables of seed 001 (Kazakhstan, BICC, June 2026) → indicator values and BICC's ratings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { harvestBriefText } from './brief-tables.js';

const seed = fs.readFileSync(path.resolve(process.cwd(), '..', 'shared', 'corpus', 'seeds', '001_424b8fa61388b790.txt'), 'utf8');
const h = harvestBriefText(seed, { docDate: '2026-06' });
const get = (id: string, year: number, table?: string, country = 'KZ', partner?: string) =>
  h.values.find((v) => v.indicatorId === id && v.year === year && v.country === country && (!table || v.table === table) && (partner === undefined || v.partnerKey === partner));

test('seed 001: country, publisher, no issues', () => {
  assert.equal(h.country, 'KZ');
  assert.equal(h.publisher, 'BICC');
  assert.deepEqual(h.issues, []);
});

test('Tabelle 5/16: military expenditure 2020–2024 (constant 2023 US$ m, % GDP, % government spending)', () => {
  assert.deepEqual([2020, 2021, 2022, 2023, 2024].map((y) => get('sipri.milex.usd_const2023', y, 'Tabelle 5')?.value), [2002, 1989, 1350, 1164, 1145]);
  assert.equal(get('sipri.milex.share_gdp', 2024, 'Tabelle 5')?.value, 0.4);
  assert.equal(get('sipri.milex.share_govt', 2020, 'Tabelle 5')?.value, 3.7);
  assert.equal(get('wb.health_exp_share_gdp', 2021, 'Tabelle 16')?.value, 3.9);
});

test('Tabelle 11–15: treaty status per treaty', () => {
  const treaties = h.values.filter((v) => v.indicatorId === 'treaty.status');
  assert.equal(treaties.length, 39);
  const att = treaties.find((v) => /Waffenhandelsvertrag/.test(v.partnerName ?? ''));
  assert.equal(att?.valueText, 'joined_with_reservations');
  assert.equal(treaties.find((v) => /Anti-Personenminen/.test(v.partnerName ?? ''))?.valueText, 'not_joined');
  assert.equal(treaties.find((v) => /Römisches Statut/.test(v.partnerName ?? ''))?.valueText, 'not_joined');
  assert.equal(att?.year, 2026);
});

test('Box 6, CPI text, Box 1, Tabelle 6', () => {
  assert.equal(get('fh.total', 2025, 'Box 6')?.value, 23);
  assert.equal(get('fh.status', 2025, 'Box 6')?.valueText, 'NF');
  assert.equal(get('fh.cl_score', 2025)?.value, 18);
  assert.equal(get('ti.cpi', 2025)?.value, 38);
  assert.equal(get('ti.cpi', 2024)?.value, 40);
  assert.equal(get('iiss.active_forces', 2025, 'Box 1')?.value, 39000);
  assert.equal(get('iiss.paramilitary', 2025, 'Box 1')?.value, 31500);
  assert.equal(get('iiss.active_forces', 2024, 'Tabelle 6')?.value, 39000);
});

test('Tabelle 18–21 and 17: GMI for the country and neighbours, neighbours\' spending, HDI/GDI, debt and ODA', () => {
  assert.equal(get('gmi.score', 2024, 'Tabelle 18')?.value, 101.2);
  assert.equal(get('gmi.rank', 2024, 'Tabelle 18')?.value, 73);
  assert.equal(get('gmi.rank', 2024, 'Tabelle 19', 'RU')?.value, 5);
  assert.equal(get('gmi.score', 2021, 'Tabelle 19', 'UZ')?.value, 113.5);
  assert.equal(get('sipri.milex.usd_const2024', 2024, 'Tabelle 20', 'CN')?.value, 311900);
  assert.equal(get('sipri.milex.share_gdp', 2025, 'Tabelle 20', 'RU')?.value, 7.5);
  assert.equal(get('undp.hdi', 2023, 'Tabelle 21')?.value, 0.837);
  assert.equal(get('wb.external_debt_usd_m', 2023, 'Tabelle 17')?.value, 163155);
  assert.equal(get('oecd.oda_from_germany_usd_m', 2022, 'Tabelle 17')?.value, 13.22);
});

test('Tabelle 1, 3, 4: German exports with goods, SIPRI TIV total and from Germany', () => {
  const y2015 = get('de.arms_export_licences_eur_m', 2015, 'Tabelle 1');
  assert.equal(y2015?.value, 33.11);
  assert.match(y2015!.note!, /Fernmeldeaufklärungssystem/);
  assert.match(get('de.arms_export_licences_eur_m', 2023)!.note!, /Vorderschaftrepetierflinten/); // continuation row after the page break
  assert.equal(h.values.filter((v) => v.indicatorId === 'de.arms_export_licences_eur_m').length, 26);
  assert.equal(get('sipri.tiv.imports', 2024, 'Tabelle 3')?.value, 550);
  assert.equal(get('sipri.tiv.imports_by_supplier', 2024, 'Tabelle 4', 'KZ', 'DE')?.value, 12);
});

test('Teil II: BICC ratings for the eight criteria', () => {
  assert.deepEqual(h.ratings.map((r) => r.rating), [
    'not_critical', 'critical', 'possibly_critical', 'possibly_critical', 'not_critical', 'not_critical', 'possibly_critical', 'not_critical',
  ]);
});
