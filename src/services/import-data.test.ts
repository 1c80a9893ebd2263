/** Import into a real store on every engine: idempotence, history, bad input, brief comparison. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { createTestStore, engines, sharedPath, tempDir } from '../../test/helpers/stores.js';
import { importData } from './import-data.js';
import { compareBriefWithDatasets } from './indicator-data.js';
import { harvestBriefText } from '../data/brief-tables.js';
import { getIndicatorValues, getValueHistory, latestIndicatorValues, upsertIndicatorValues, getExternalAssessments, upsertExternalAssessments } from '../store/indicators.js';
import { indicatorInfo, registerIndicators } from '../data/catalogue.js';
import { BRIEF_INDICATORS } from '../data/brief-tables.js';

const PTS_HEADER = 'Country,Country_OLD,Year,COW_Code_A,COW_Code_N,WordBank_Code_A,UN_Code_N,Region,PTS_A,PTS_H,PTS_S,NA_Status_A,NA_Status_H,NA_Status_S\n';

for (const engine of engines()) {
  test(`[${engine}] re-import changes nothing; a newer file updates and keeps history; bad files are reported, the rest imports`, async () => {
    const store = await createTestStore(engine);
    const dir = tempDir();
    try {
      const db = await store.open();
      try {
        const v1 = path.join(dir, 'v1');
        fs.mkdirSync(v1);
        fs.writeFileSync(path.join(v1, 'PTS-2024.csv'), iconv.encode(
          PTS_HEADER +
          'Türkiye,Turkey,2023,TUR,640,TUR,792,eca,4,NA,3,0,88,0\n' +
          'Kazakhstan,Kazakhstan,2023,KAZ,705,KAZ,398,eca,3,3,3,0,0,0\n' +
          'Kazakhstan,Kazakhstan,2023,KAZ,705,KAZ,398,eca,3,3,3,0,0,0\n' +
          'Kazakhstan,Kazakhstan,2022,KAZ,705,KAZ,398,eca,x,3,3,0,0,0\n' +
          'Atlantis,Atlantis,2023,ATL,999,ATL,999,eca,1,1,1,0,0,0\n', 'latin1'));
        const first = await importData(db, [v1]);
        assert.equal(first.files[0].status, 'imported');
        assert.equal((await getIndicatorValues(db, { entity: 'TR' })).length, 2);
        assert.ok(first.issues.some((i) => /duplicate/.test(i.message) && i.row === 4));
        assert.ok(first.issues.some((i) => /not a PTS score/.test(i.message) && i.row === 5));
        assert.deepEqual(first.unresolved.map((u) => [u.name, u.row]), [['Atlantis', 6]]);
        const countBefore = (await getIndicatorValues(db)).length;

        const again = await importData(db, [v1]);
        assert.equal(again.totals.inserted + again.totals.changed, 0);
        assert.equal((await getIndicatorValues(db)).length, countBefore);

        // Bad inputs next to good ones: truncated workbook, changed header, unknown format, Latin-1 damaged by UTF-8.
        const bad = path.join(dir, 'bad');
        fs.mkdirSync(bad);
        fs.writeFileSync(path.join(bad, 'SIPRI-Milex-truncated.xlsx'), fs.readFileSync(sharedPath('data', 'sipri_milex', 'SIPRI-Milex-data-1949-2024_2.xlsx')).subarray(0, 20000));
        fs.writeFileSync(path.join(bad, 'GSDB_V4.csv'), 'case,target,sender,begin,end,arms\n1,Iran,UN,2000,2001,1\n');
        fs.writeFileSync(path.join(bad, 'mystery.csv'), 'foo,bar\n1,2\n');
        // A codebook quoting a dataset's header is documentation, not a broken file of that dataset.
        fs.writeFileSync(path.join(bad, 'SOURCES.md'), `# Sources\n\n${PTS_HEADER}`);
        fs.writeFileSync(path.join(bad, 'PTS-2023.csv'), PTS_HEADER + 'T\uFFFDrkiye,Turkey,2021,TUR,640,TUR,792,eca,4,NA,3,0,88,0\n');
        const r = await importData(db, [bad]);
        const byFile = new Map(r.files.map((f) => [f.file, f.status]));
        assert.equal(byFile.get('SIPRI-Milex-truncated.xlsx'), 'failed');
        assert.equal(byFile.get('GSDB_V4.csv'), 'failed');
        assert.equal(byFile.get('mystery.csv'), 'skipped', 'an unrecognised file in a folder is a reported skip');
        assert.equal(byFile.get('SOURCES.md'), 'skipped');
        assert.match(r.files.find((f) => f.file === 'mystery.csv')!.reason!, /not a file of any supported dataset/);
        assert.equal(r.totals.skippedFiles, 2);
        assert.ok(!r.issues.some((i) => i.file === 'mystery.csv' || i.file === 'SOURCES.md'), 'a skip is not an error');
        const named = await importData(db, [path.join(bad, 'mystery.csv')]);
        assert.equal(named.files[0].status, 'unknown_format', 'a file named explicitly must be importable');
        assert.equal(named.totals.errors, 1);
        assert.equal(byFile.get('PTS-2023.csv'), 'imported');
        assert.ok(r.issues.some((i) => i.file === 'GSDB_V4.csv' && i.row === 1 && /missing column/.test(i.message)));
        assert.ok(r.issues.some((i) => i.file === 'PTS-2023.csv' && i.row === 2 && /wrongly decoded/.test(i.message)));
        assert.ok(r.issues.some((i) => i.file === 'SIPRI-Milex-truncated.xlsx' && i.level === 'error'));
        assert.equal((await getIndicatorValues(db, { entity: 'KZ' })).length, 5, 'nothing stored before was harmed');

        // A newer file: one value changes → updated, old value in the history.
        const v2 = path.join(dir, 'v2');
        fs.mkdirSync(v2);
        fs.writeFileSync(path.join(v2, 'PTS-2025.csv'), PTS_HEADER + 'Kazakhstan,Kazakhstan,2023,KAZ,705,KAZ,398,eca,3,3,4,0,0,0\n');
        const upd = await importData(db, [v2]);
        assert.equal(upd.totals.changed, 1);
        const latest = await latestIndicatorValues(db, 'KZ', ['pts.state_dept']);
        assert.equal(latest.get('pts.state_dept')?.value, 4);
        assert.equal(latest.get('pts.state_dept')?.sourceFile, 'PTS-2025.csv');
        const hist = await getValueHistory(db, 'KZ', 'pts.state_dept');
        assert.deepEqual(hist.map((h) => [h.oldValue, h.newValue, h.oldSourceFile, h.newSourceFile]), [[3, 4, 'PTS-2024.csv', 'PTS-2025.csv']]);
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await store.cleanup();
    }
  });

  test(`[${engine}] compare: seed 001 figures next to SIPRI and UNDP, disagreements flagged; external ratings`, async () => {
    const store = await createTestStore(engine);
    try {
      const db = await store.open();
      try {
        await importData(db, [sharedPath('data', 'sipri_milex'), sharedPath('data', 'undp_hdi')]);
        registerIndicators(BRIEF_INDICATORS);
        const h = harvestBriefText(fs.readFileSync(sharedPath('corpus', 'seeds', '001_424b8fa61388b790.txt'), 'utf8'), { docDate: '2026-06' });
        const seen = new Set<string>();
        const values = h.values.filter((v) => {
          const k = `${v.indicatorId}|${v.country}|${v.partnerKey ?? ''}|${v.year}`;
          return !seen.has(k) && seen.add(k);
        }).map((v) => ({ indicatorId: v.indicatorId, entityKey: v.country, countryCode: v.country, entityName: v.entityName, entityKind: 'country', partnerKey: v.partnerKey, partnerName: v.partnerName, year: v.year, value: v.value, valueText: v.valueText, unit: indicatorInfo(v.indicatorId)!.unit, row: v.line, table: v.table }));
        await upsertIndicatorValues(db, { sourceId: 'doc:seed001', publisher: 'BICC', sourceFile: 'seed 001', sourceDocId: 'seed001', runId: null, values });
        const cmp = await compareBriefWithDatasets(db, 'Kasachstan');
        const milex = cmp.rows.filter((r) => r.indicatorId === 'sipri.milex.usd_const2023');
        assert.deepEqual(milex.map((r) => [r.year, r.status]), [[2020, 'agree'], [2021, 'agree'], [2022, 'agree'], [2023, 'agree'], [2024, 'agree']]);
        assert.equal(milex[4].dataset?.sheet, 'Constant (2023) US$');
        const gdi2022 = cmp.rows.find((r) => r.indicatorId === 'undp.gdi' && r.year === 2022);
        assert.equal(gdi2022?.status, 'disagree'); // the brief's "GDI-Wert" 0.168 is not UNDP's GDI 0.998
        assert.equal(cmp.rows.find((r) => r.indicatorId === 'undp.hdi' && r.year === 2023)?.status, 'only_brief');

        await upsertExternalAssessments(db, h.ratings.map((r) => ({ publisher: 'BICC', countryCode: 'KZ', criterion: r.criterion, rating: r.rating, ratingLabel: r.label, asOf: '2026-06', sourceDocId: 'seed001', sourceTable: 'Teil II', sourceExcerpt: null })));
        const ext = await getExternalAssessments(db, 'KZ', 'BICC');
        assert.equal(ext.length, 8);
        assert.equal(ext.find((e) => e.criterion === 2)?.rating, 'critical');
      } finally {
        await db.close();
      }
    } finally {
      await store.cleanup();
    }
  });
}
