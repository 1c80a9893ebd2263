/** Spot checks of known values on the real files in ../shared/data (read in place, never copied). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseSipriMilex } from './sipri-milex.js';
import { parseSipriTrade } from './sipri-trade.js';
import { parsePts } from './pts.js';
import { parseFreedomHouseAll, parseFreedomHouseHistory } from './freedom-house.js';
import { parseUcdpAcd } from './ucdp-acd.js';
import { parseGsdb, senderGroup } from './gsdb.js';
import { parseTiCpi } from './ti-cpi.js';
import { parseUndpHdi } from './undp-hdi.js';
import { parseWbWdi } from './wb-wdi.js';
import { detectDataset } from './detect.js';
import { resolveEntity } from './entities.js';
import type { RawValue } from './types.js';

const data = (...p: string[]) => path.resolve(process.cwd(), '..', 'shared', 'data', ...p);
const read = (...p: string[]) => fs.readFileSync(data(...p));
const find = (values: RawValue[], name: string, indicatorId: string, year: number) =>
  values.find((v) => v.name === name && v.indicatorId === indicatorId && v.year === year);

test('SIPRI milex: Kazakhstan constant 2023 US$ and shares (percent)', async () => {
  const r = await parseSipriMilex('milex.xlsx', read('sipri_milex', 'SIPRI-Milex-data-1949-2024_2.xlsx'));
  assert.equal(r.issues.filter((i) => i.level === 'error').length, 0);
  assert.equal(Math.round(find(r.values, 'Kazakhstan', 'sipri.milex.usd_const2023', 2024)!.value!), 1145);
  assert.equal(Math.round(find(r.values, 'Kazakhstan', 'sipri.milex.usd_const2023', 2020)!.value!), 2002);
  assert.equal(find(r.values, 'Kazakhstan', 'sipri.milex.share_gdp', 2024)!.value!.toFixed(1), '0.4');
  assert.equal(find(r.values, 'Kazakhstan', 'sipri.milex.share_govt', 2020)!.value!.toFixed(1), '3.7');
  assert.equal(find(r.values, 'Kazakhstan', 'sipri.milex.usd_const2023', 2024)!.sheet, 'Constant (2023) US$');
  // "xxx": the state did not exist → a code, not a number.
  assert.equal(find(r.values, 'Yemen, North', 'sipri.milex.per_capita_usd', 1995)?.valueText, 'not_independent');
  assert.equal(new Set(r.values.filter((v) => v.indicatorId === 'sipri.milex.usd_const2023' && v.value !== null).map((v) => v.name)).size >= 168, true);
});

test('SIPRI trade register: TIV sums per recipient-year and supplier, deal rows, non-state recipients', () => {
  const r = parseSipriTrade('trade_register.csv', read('sipri_arms_transfers', 'trade_register.csv'));
  assert.equal(r.deals!.length, 25024);
  assert.equal(Math.round(find(r.values, 'Kazakhstan', 'sipri.tiv.imports', 2024)!.value!), 550);
  assert.equal(Math.round(find(r.values, 'Kazakhstan', 'sipri.tiv.imports', 2020)!.value!), 268);
  assert.equal(r.values.find((v) => v.name === 'Kazakhstan' && v.partner === 'Germany' && v.year === 2024)?.value, 12);
  assert.ok(r.values.some((v) => v.name === 'Hezbollah (Lebanon)*'));
  assert.equal(resolveEntity('Hezbollah (Lebanon)*').kind, 'non_state');
  assert.equal(resolveEntity('NATO**').kind, 'non_state');
});

test('PTS (Latin-1): Kazakhstan 2023, Türkiye decoded', () => {
  const r = parsePts('PTS-2024.csv', read('pts', 'PTS-2024.csv'));
  assert.equal(find(r.values, 'Kazakhstan', 'pts.state_dept', 2023)?.value, 3);
  assert.ok(r.values.some((v) => v.name === 'Türkiye'));
  assert.equal(r.issues.length, 0);
});

test('Freedom House all data: Kazakhstan FIW 2025 (year 2024) NF, PR 5/40, CL 18/60, total 23; territories flagged', async () => {
  const r = await parseFreedomHouseAll('fiw.xlsx', read('freedom_house', 'All_data_FIW_2013-2025.xlsx'));
  assert.equal(find(r.values, 'Kazakhstan', 'fh.status', 2024)?.valueText, 'NF');
  assert.equal(find(r.values, 'Kazakhstan', 'fh.total', 2024)?.value, 23);
  assert.equal(find(r.values, 'Kazakhstan', 'fh.pr_score', 2024)?.value, 5);
  assert.equal(find(r.values, 'Kazakhstan', 'fh.cl_score', 2024)?.value, 18);
  assert.equal(find(r.values, 'Abkhazia', 'fh.status', 2024)?.territory, true);
});

test('Freedom House history: ratings per year under review', async () => {
  const r = await parseFreedomHouseHistory('hist.xlsx', read('freedom_house', 'Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx'));
  assert.equal(find(r.values, 'Kazakhstan', 'fh.status', 2023)?.valueText, 'NF');
  assert.equal(find(r.values, 'Kazakhstan', 'fh.pr_rating', 2023)?.value, 7);
  assert.equal(find(r.values, 'Afghanistan', 'fh.status', 1972)?.valueText, 'PF');
});

test('UCDP/PRIO: Ukraine 2022 interstate war (intensity 2) as location and party', () => {
  const r = parseUcdpAcd('ucdp.csv', read('ucdp_prio_acd', 'UcdpPrioConflict_v25_1.csv'));
  const ua = r.values.filter((v) => v.gw === 369 && v.year === 2022);
  assert.equal(ua.find((v) => v.indicatorId === 'ucdp.conflict.interstate')?.value, 2);
  assert.equal(ua.find((v) => v.indicatorId === 'ucdp.conflict.interstate.party')?.value, 2);
  assert.match(ua.find((v) => v.indicatorId === 'ucdp.conflict.interstate')!.note!, /13243/);
});

test('GSDB: arms sanctions by sender group, multi-target rows split', () => {
  const r = parseGsdb('gsdb.csv', read('gsdb_sanctions', 'GSDB_V4.csv'));
  assert.equal(find(r.values, 'Russia', 'gsdb.arms_sanction.eu', 2014)?.value, 1);
  assert.ok(find(r.values, 'India', 'gsdb.arms_sanction.other', 1998));
  assert.ok(find(r.values, 'Pakistan', 'gsdb.arms_sanction.other', 1998));
  assert.equal(senderGroup('EU, Turkey, Croatia'), 'eu');
  assert.equal(senderGroup('CSCE'), 'osce');
  assert.equal(senderGroup('UN'), 'un');
  assert.equal(senderGroup('United States'), 'other');
});

test('TI CPI (semicolon, BOM): Kazakhstan 2024 = 40, rank 88', () => {
  const r = parseTiCpi('cpi.csv', read('ti_cpi', 'CPI2024_GlobalResultsTrends.csv'));
  assert.equal(find(r.values, 'Kazakhstan', 'ti.cpi', 2024)?.value, 40);
  assert.equal(find(r.values, 'Kazakhstan', 'ti.cpi.rank', 2024)?.value, 88);
  assert.equal(find(r.values, 'Kazakhstan', 'ti.cpi', 2012)?.value, 28);
});

test('UNDP HDI (Latin-1, aggregates): Kazakhstan 2022 = 0.802; ZZ rows are aggregates', () => {
  const r = parseUndpHdi('hdr.csv', read('undp_hdi', 'HDR23-24_Composite_indices_complete_time_series.csv'));
  assert.equal(find(r.values, 'Kazakhstan', 'undp.hdi', 2022)?.value, 0.802);
  assert.equal(resolveEntity('World', { iso3: 'ZZK.WORLD' }).kind, 'aggregate');
  assert.equal(resolveEntity('Very high human development', { iso3: 'ZZA.VHHD' }).kind, 'aggregate');
});

test('World Bank WDI: GDP per capita by indicator code; aggregates recognised', () => {
  const r = parseWbWdi('WDI_GDP.csv', read('worldbank_wdi', 'WDI_GDP.csv'));
  assert.equal(Math.round(find(r.values, 'Kazakhstan', 'wb.gdp_pc_usd', 2024)!.value!), 14005);
  const ppp = parseWbWdi('api.csv', read('worldbank_wdi', 'API_NY.GDP.PCAP.PP.KD_DS2_en_csv_v2_22981.csv'));
  assert.ok(find(ppp.values, 'Kazakhstan', 'wb.gdp_pc_ppp_const2021', 2024));
  for (const [name, code] of [['Arab World', 'ARB'], ['High income', 'HIC'], ['Sub-Saharan Africa (excluding high income)', 'SSA']]) {
    assert.equal(resolveEntity(name, { iso3: code }).kind, 'aggregate', name);
  }
});

test('every file in ../shared/data is recognised as its dataset', () => {
  const expected: Record<string, string> = {
    'sipri_milex/SIPRI-Milex-data-1949-2024_2.xlsx': 'sipri-milex',
    'sipri_arms_transfers/trade_register.csv': 'sipri-trade',
    'pts/PTS-2024.csv': 'pts',
    'freedom_house/All_data_FIW_2013-2025.xlsx': 'freedom-house',
    'freedom_house/Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx': 'freedom-house-history',
    'ucdp_prio_acd/UcdpPrioConflict_v25_1.csv': 'ucdp-acd',
    'gsdb_sanctions/GSDB_V4.csv': 'gsdb',
    'ti_cpi/CPI2024_GlobalResultsTrends.csv': 'ti-cpi',
    'undp_hdi/HDR23-24_Composite_indices_complete_time_series.csv': 'undp-hdi',
    'worldbank_wdi/WDI_GDP.csv': 'wb-wdi',
    'worldbank_wdi/API_NY.GDP.PCAP.PP.KD_DS2_en_csv_v2_22981.csv': 'wb-wdi',
  };
  for (const [file, id] of Object.entries(expected)) assert.equal(detectDataset(file, read(file))?.id, id, file);
  assert.equal(detectDataset('notes.csv', Buffer.from('a,b\n1,2\n')), null);
});
