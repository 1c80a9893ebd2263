/**
 * Spot checks of the datasets added with issue 13 on the real files in ../shared/data (read in place),
 * and the failure path of each: a changed header is an error that names the missing column.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseUntc } from './untc-treaties.js';
import { parseWgi } from './wgi.js';
import { parsePowellThyne, parseStataDate } from './powell-thyne.js';
import { parseClineCoups } from './cline-coups.js';
import { parseUcdpOrgvio } from './ucdp-orgvio.js';
import { parseBti, btiCode } from './bti.js';
import { parseWbMeta } from './wb-meta.js';
import { parsePts } from './pts.js';
import { parseWbWdi } from './wb-wdi.js';
import { detectDataset, knownSkipReason } from './detect.js';
import { resolveEntity } from './entities.js';
import { cowToAlpha2, gwToAlpha2 } from './gleditsch-ward.js';
import { isAggregate } from './aggregates.js';
import { indicatorInfo } from './catalogue.js';
import type { ParsedFile, RawValue } from './types.js';

const data = (...p: string[]) => path.resolve(process.cwd(), '..', 'shared', 'data', ...p);
const read = (...p: string[]) => fs.readFileSync(data(...p));
const find = (values: RawValue[], pred: (v: RawValue) => boolean) => values.filter(pred);
const one = (values: RawValue[], pred: (v: RawValue) => boolean) => {
  const hits = values.filter(pred);
  assert.equal(hits.length, 1, `expected one value, got ${hits.length}`);
  return hits[0];
};
const keyOf = (r: ReturnType<typeof resolveEntity>) => ('key' in r ? r.key : null);
const errors = (r: ParsedFile) => r.issues.filter((i) => i.level === 'error');
/** The first line of a text file with one column renamed. */
function renameColumn(bytes: Buffer, from: string, to: string): Buffer {
  const text = bytes.toString('utf8');
  const nl = text.indexOf('\n');
  return Buffer.from(text.slice(0, nl).replace(from, to) + text.slice(nl), 'utf8');
}

test('UNTC: Kazakhstan joined the ATT on 2017-12-08 (party from 2017); Angola only signed; China joined 2020', () => {
  const r = parseUntc('arms_control_ratifications.csv', read('treaties_untc', 'arms_control_ratifications.csv'));
  assert.deepEqual(errors(r), []);
  const kz = (y: number) => one(r.values, (v) => v.name === 'Kazakhstan' && v.indicatorId === 'treaty.att' && v.year === y);
  assert.equal(find(r.values, (v) => v.name === 'Kazakhstan' && v.indicatorId === 'treaty.att' && v.year === 2016).length, 0, 'not a party before 2017');
  assert.deepEqual([kz(2017).value, kz(2017).valueText, kz(2017).date], [1, 'party', '2017-12-08']);
  assert.deepEqual([kz(2024).value, kz(2024).date], [1, '2017-12-08'], 'the status is carried forward');
  const ao = one(r.values, (v) => v.name === 'Angola' && v.indicatorId === 'treaty.att' && v.year === 2024);
  assert.deepEqual([ao.value, ao.valueText, ao.date], [0, 'signed', '2013-09-24']);
  assert.equal(one(r.values, (v) => v.name === 'China' && v.indicatorId === 'treaty.att' && v.year === 2020).date, '2020-07-06');
  // Namibia signed 2014-09-25 and ratified 2020-04-28: 0 until 2019, 1 from 2020.
  assert.equal(one(r.values, (v) => v.name === 'Namibia' && v.indicatorId === 'treaty.att' && v.year === 2019).value, 0);
  assert.equal(one(r.values, (v) => v.name === 'Namibia' && v.indicatorId === 'treaty.att' && v.year === 2020).value, 1);
  // CCW Amended Protocol II: the consent date sits in signature_date with an empty action type.
  const de = one(r.values, (v) => v.name === 'Germany' && v.indicatorId === 'treaty.ccw_p2a' && v.year === 2024);
  assert.equal(de.valueText, 'party');
  assert.equal(resolveEntity('Russia-Occupied Areas (Ukraine)').kind, 'territory');
  for (const id of ['att', 'ccm', 'ccw', 'ccw_art1', 'ccw_p2a', 'ccw_p4', 'ccw_p5', 'ctbt', 'cwc', 'enmod', 'ottawa', 'tpnw']) {
    assert.ok(r.values.some((v) => v.indicatorId === `treaty.${id}`), id);
    assert.equal(indicatorInfo(`treaty.${id}`)?.absentMeans, 'not a party');
  }
});

test('UNTC human rights: CAT in German, the European Union is an organisation, never a country', () => {
  const r = parseUntc('un_hr_ratifications.csv', read('treaties_untc', 'un_hr_ratifications.csv'));
  assert.deepEqual(errors(r), []);
  const eu = find(r.values, (v) => v.name === 'European Union');
  assert.ok(eu.length > 0 && eu.every((v) => v.nonState && v.indicatorId === 'treaty.crpd'));
  assert.equal(resolveEntity('European Union', { nonState: true }).kind, 'non_state');
  assert.equal(indicatorInfo('treaty.cat')?.name.de, 'Vertragspartei: Übereinkommen gegen Folter und andere grausame, unmenschliche oder erniedrigende Behandlung oder Strafe');
  assert.equal(one(r.values, (v) => v.name === 'Kazakhstan' && v.indicatorId === 'treaty.crpd_op' && v.year === 2023).date, '2023-07-13');
  const bad = parseUntc('x.csv', renameColumn(read('treaties_untc', 'un_hr_ratifications.csv'), 'action_date', 'date_of_action'));
  assert.equal(bad.values.length, 0);
  assert.match(errors(bad)[0].message, /missing column\(s\) "action_date"/);
});

test('WGI: Germany voice and accountability 2023 = 1.46 (percentile 94.6); ".." is no data; Kosovo by its WB code', async () => {
  const r = await parseWgi('wgidataset.xlsx', read('wgi', 'wgidataset.xlsx'));
  assert.deepEqual(r.issues, []);
  assert.equal(one(r.values, (v) => v.name === 'Germany' && v.indicatorId === 'wgi.va' && v.year === 2023).value!.toFixed(2), '1.46');
  assert.equal(one(r.values, (v) => v.name === 'Germany' && v.indicatorId === 'wgi.va.pctrank' && v.year === 2023).value!.toFixed(1), '94.6');
  assert.ok(r.noDataCells > 1000);
  const ksv = one(r.values, (v) => v.iso3 === 'XKX' && v.indicatorId === 'wgi.rl' && v.year === 2023);
  assert.equal(keyOf(resolveEntity(ksv.name, { iso3: ksv.iso3 })), 'XK');
  for (const x of ['va', 'pv', 'ge', 'rq', 'rl', 'cc']) assert.ok(indicatorInfo(`wgi.${x}`) && indicatorInfo(`wgi.${x}.pctrank`), x);
});

test('WGI: a workbook without the pctrank column is an error naming it', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['codeindyr', 'code', 'countryname', 'year', 'indicator', 'estimate', 'stddev']);
  ws.addRow(['DEUva2023', 'DEU', 'Germany', 2023, 'va', 1.46, 0.1]);
  const r = await parseWgi('wgi-changed.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  assert.equal(r.values.length, 0);
  assert.match(errors(r)[0].message, /missing column\(s\) "pctrank"/);
});

test('Powell & Thyne panel: Niger 2023 successful coup (dated 26 July, corrected), Sudan 2023 failed, zeros stored', () => {
  const r = parsePowellThyne('powell_thyne_ccode_year.txt', read('coups_powell_thyne', 'powell_thyne_ccode_year.txt'));
  assert.deepEqual(r.issues, []);
  const ne = one(r.values, (v) => v.gw === 436 && v.year === 2023 && v.indicatorId === 'coup.successful');
  assert.deepEqual([ne.value, ne.date], [1, '2023-07-26']);
  assert.match(ne.note!, /corrected/);
  const sd = one(r.values, (v) => v.gw === 625 && v.year === 2023 && v.indicatorId === 'coup.attempts');
  assert.deepEqual([sd.value, sd.date, sd.note], [1, '2023-04-15', 'failed 2023-04-15']);
  assert.equal(one(r.values, (v) => v.gw === 625 && v.year === 2023 && v.indicatorId === 'coup.successful').value, 0);
  assert.equal(one(r.values, (v) => v.gw === 436 && v.year === 2022 && v.indicatorId === 'coup.attempts').value, 0, 'a year without coups is a 0');
  // All 491 events of the release, 245 of them successful.
  const sum = (id: string) => r.values.filter((v) => v.indicatorId === id).reduce((a, v) => a + v.value!, 0);
  assert.deepEqual([sum('coup.attempts'), sum('coup.successful')], [491, 245]);
  assert.equal(parseStataDate('05dec2006'), '2006-12-05');
  const bad = parsePowellThyne('x.txt', renameColumn(read('coups_powell_thyne', 'powell_thyne_ccode_year.txt'), 'coup1', 'coup_1'));
  assert.match(errors(bad)[0].message, /missing column\(s\) "coup1"/);
});

test('Powell & Thyne event list: recognised and skipped as the older version of the panel', () => {
  const reason = knownSkipReason('powell_thyne_coups_final.txt', read('coups_powell_thyne', 'powell_thyne_coups_final.txt'));
  assert.match(reason!, /older version/);
});

test('state numbers: P&T and UCDP use GW numbering, Cline COW; they differ for Yemen and the Pacific states', () => {
  assert.equal(gwToAlpha2(970), 'KI');
  assert.equal(cowToAlpha2(970), 'NR');
  assert.equal(cowToAlpha2(679), 'YE');
  assert.equal(cowToAlpha2(340), 'RS');
  assert.equal(cowToAlpha2(436), 'NE');
  assert.equal(cowToAlpha2(265), null, 'GDR: a former state');
});

test('Cline Center: Burkina Faso 2022 two realised coups and a conspiracy; Myanmar 2021; all 981 events', () => {
  const r = parseClineCoups('Coup data 2.1.2.csv', read('coups_cline', 'Coup data 2.1.2.csv'));
  assert.deepEqual(r.issues, []);
  const bf = one(r.values, (v) => v.cow === 439 && v.year === 2022 && v.indicatorId === 'coup.cline.realized');
  assert.deepEqual([bf.value, bf.note, bf.date], [2, '2022-01-24; 2022-09-30', '2022-09-30']);
  assert.equal(one(r.values, (v) => v.cow === 439 && v.year === 2022 && v.indicatorId === 'coup.cline.conspiracy').value, 1);
  assert.equal(one(r.values, (v) => v.cow === 775 && v.year === 2021 && v.indicatorId === 'coup.cline.realized').date, '2021-02-01');
  assert.equal(r.values.reduce((a, v) => a + v.value!, 0), 981);
  assert.equal(find(r.values, (v) => v.cow === 436 && v.year === 2023).length, 0, 'the file stops at 2022');
  const bad = parseClineCoups('x.csv', renameColumn(read('coups_cline', 'Coup data 2.1.2.csv'), 'event_type', 'type'));
  assert.match(errors(bad)[0].message, /missing column\(s\) "event_type"/);
});

test('UCDP organized violence: DR Congo 2024 one-sided deaths 3,926 in total; real zeros kept', () => {
  const r = parseUcdpOrgvio('organizedviolencecy_v25_1.csv', read('ucdp_orgvio_cy', 'organizedviolencecy_v25_1.csv'));
  assert.deepEqual(r.issues, []);
  const cd = (id: string) => one(r.values, (v) => v.gw === 490 && v.year === 2024 && v.indicatorId === id);
  assert.equal(cd('ucdp.onesided.total').value, 3926);
  assert.equal(cd('ucdp.onesided.government').value, 353);
  assert.equal(cd('ucdp.onesided.nonstate').value, 3558);
  assert.equal(cd('ucdp.statebased.interstate.deaths').value, 0);
  assert.equal(cd('ucdp.statebased.interstate.deaths').note, null, 'UCDP filler "NO_DYAD" is not a dyad name');
  assert.match(cd('ucdp.nonstate.deaths').note!, /URDPC - Zaire self-defense group/);
  assert.equal(one(r.values, (v) => v.gw === 395 && v.year === 2024 && v.indicatorId === 'ucdp.onesided.total').value, 0);
  const bad = parseUcdpOrgvio('x.csv', renameColumn(read('ucdp_orgvio_cy', 'organizedviolencecy_v25_1.csv'), 'os_total_deaths_best_cy', 'os_total_best'));
  assert.match(errors(bad)[0].message, /missing column\(s\) "os_total_deaths_best_cy"/);
});

test('BTI: Albania status index 7.27 in BTI 2024 (stored for 2022), ten editions; Germany absent', async () => {
  const r = await parseBti('BTI_2006-2024_Scores.xlsx', read('bti', 'BTI_2006-2024_Scores.xlsx'));
  assert.deepEqual(r.issues, []);
  const al = one(r.values, (v) => v.name === 'Albania' && v.indicatorId === 'bti.status_index' && v.year === 2022);
  assert.equal(al.value!.toFixed(2), '7.27');
  assert.equal(al.note, 'BTI 2024');
  assert.equal(one(r.values, (v) => v.name === 'Afghanistan' && v.indicatorId === 'bti.status_index' && v.year === 2022).value!.toFixed(2), '2.09');
  assert.equal(one(r.values, (v) => v.name === 'Kazakhstan' && v.indicatorId === 'bti.monopoly_force' && v.year === 2022).value, 9);
  assert.equal(new Set(r.values.map((v) => v.sheet)).size, 10);
  assert.equal(find(r.values, (v) => v.name === 'Germany').length, 0);
  assert.equal(btiCode('  Q1.1 | Monopoly on the use of force'), 'Q1.1');
  assert.equal(btiCode('Regions:\n1 | East-Central'), null);
});

test('BTI: a sheet without the "S | Status Index" column is an error naming it', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('BTI 2024');
  ws.addRow(['Regions', '  Region', '  SI | Democracy Status']);
  ws.addRow(['Albania', 1, 7.5]);
  const r = await parseBti('BTI_changed.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  assert.equal(r.values.length, 0);
  assert.match(errors(r)[0].message, /"S \| Status Index" not found/);
});

test('WB country metadata: Kazakhstan region and income group; 47 aggregates, all known, never economies', () => {
  const r = parseWbMeta('Metadata_Country.csv', read('worldbank_wdi', 'Metadata_Country_API_SH.XPD.CHEX.GD.ZS_DS2_en_csv_v2_33342.csv'));
  assert.deepEqual(r.issues, []);
  assert.equal(one(r.values, (v) => v.iso3 === 'KAZ' && v.indicatorId === 'wb.region').valueText, 'Europe & Central Asia');
  assert.equal(one(r.values, (v) => v.iso3 === 'KAZ' && v.indicatorId === 'wb.income_group').valueText, 'Upper middle income');
  assert.equal(r.aggregateCodes!.length, 47);
  // Every WDI data file: no aggregate of the metadata resolves to an entity.
  const aggregates = new Set(r.aggregateCodes);
  for (const f of ['WDI_GDP.csv', 'WDI_POPULATION.csv', 'API_SE.XPD.TOTL.GD.ZS_DS2_en_csv_v2_3460.csv', 'API_SH.XPD.CHEX.GD.ZS_DS2_en_csv_v2_33342.csv', 'API_NY.GDP.PCAP.PP.KD_DS2_en_csv_v2_22981.csv']) {
    const w = parseWbWdi(f, read('worldbank_wdi', f));
    for (const v of w.values.filter((x) => aggregates.has(x.iso3!))) assert.equal(resolveEntity(v.name, { iso3: v.iso3 }).kind, 'aggregate', `${f}: ${v.name}`);
  }
  assert.ok(isAggregate('Arab World', { code: 'ARB' }));
  // "Virgin Islands (US)" is VI by its code, not the United States by its parenthesis.
  assert.equal(keyOf(resolveEntity('Virgin Islands (US)', { iso3: 'VIR' })), 'VI');
  const bad = parseWbMeta('x.csv', renameColumn(read('worldbank_wdi', 'Metadata_Country_API_SH.XPD.CHEX.GD.ZS_DS2_en_csv_v2_33342.csv'), '"IncomeGroup"', '"Income Group"'));
  assert.match(errors(bad)[0].message, /missing column\(s\) "IncomeGroup"/);
});

test('PTS: Ukraine 2023 is read from its own row (Amnesty 3, HRW 4, State Dept 3), not the occupied areas (5/5/5)', () => {
  const r = parsePts('PTS-2024.csv', read('pts', 'PTS-2024.csv'));
  const ua = r.values.filter((v) => v.year === 2023 && keyOf(resolveEntity(v.name, { iso3: v.iso3 })) === 'UA');
  assert.deepEqual(ua.map((v) => [v.indicatorId, v.value]).sort(), [['pts.amnesty', 3], ['pts.hrw', 4], ['pts.state_dept', 3]]);
  for (const name of ['Russia-Occupied Areas (Ukraine)', 'Israel in Occupied Territories', 'Gaza (Hamas)', 'Crimea']) {
    assert.equal(resolveEntity(name).kind, 'territory', name);
  }
  assert.equal(keyOf(resolveEntity('Ukraine')), 'UA');
  assert.equal(keyOf(resolveEntity('Bolivia (Plurinational State of)')), 'BO', 'a parenthesis that qualifies the state still resolves');
});

test('every new file in ../shared/data is recognised as its dataset', () => {
  const expected: Record<string, string> = {
    'treaties_untc/arms_control_ratifications.csv': 'untc',
    'treaties_untc/un_hr_ratifications.csv': 'untc',
    'wgi/wgidataset.xlsx': 'wgi',
    'coups_powell_thyne/powell_thyne_ccode_year.txt': 'powell-thyne',
    'coups_cline/Coup data 2.1.2.csv': 'cline-coups',
    'ucdp_orgvio_cy/organizedviolencecy_v25_1.csv': 'ucdp-orgvio',
    'bti/BTI_2006-2024_Scores.xlsx': 'bti',
    'worldbank_wdi/Metadata_Country_API_SH.XPD.CHEX.GD.ZS_DS2_en_csv_v2_33342.csv': 'wb-wdi-meta',
    'worldbank_wdi/API_SH.XPD.CHEX.GD.ZS_DS2_en_csv_v2_33342.csv': 'wb-wdi',
  };
  for (const [file, id] of Object.entries(expected)) assert.equal(detectDataset(file, read(file))?.id, id, file);
});

test('docs/indicators.md lists every catalogue id (regenerate it with npm run docs:indicators)', async () => {
  const { allIndicators } = await import('./catalogue.js');
  const { BRIEF_INDICATORS } = await import('./brief-tables.js');
  const doc = fs.readFileSync(path.resolve(process.cwd(), 'docs', 'indicators.md'), 'utf8');
  const listed = new Set([...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
  const missing = [...allIndicators(), ...BRIEF_INDICATORS].map((i) => i.id).filter((id) => !listed.has(id));
  assert.deepEqual(missing, []);
});
