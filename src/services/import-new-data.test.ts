/**
 * The new datasets through a real store: treaty status as of a day (the exact date decides, not the
 * year), one source per series (a brief's HDI never continues the dataset's), Ukraine's own PTS row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { engines, openTestDb, sharedPath } from '../../test/helpers/stores.js';
import { importData } from './import-data.js';
import { getIndicatorValues, getValueHistory, latestIndicatorValues, upsertIndicatorValues } from '../store/indicators.js';
import { indicatorFacts } from '../store/assessments.js';
import { sourcePriority } from '../data/registry.js';
import { buildContext } from '../assess/engine.js';
import { readIndicator } from '../assess/conditions.js';
import { parseMethodology } from '../assess/methodology.js';
import type { AssessmentFacts, Methodology } from '../assess/types.js';
import { loadFacts } from './assess-country.js';

const base = parseMethodology(JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8')));
/** The shipped methodology plus the ATT with "absent = not a party" (methodology 2.0 reads it so). */
const methodology: Methodology = {
  ...base,
  indicators: { ...base.indicators, 'treaty.att': { label: { de: 'Vertrag über den Waffenhandel', en: 'Arms Trade Treaty' }, source: 'untc', absentMeans: 0 } },
};

for (const engine of engines()) {
  test(`[${engine}] ATT as of a day: China (joined 2020-07-06) is a party on 2021-01-01, not on 2019-12-31 or 2020-03-01; Angola signed only`, async (t) => {
    const db = await openTestDb(t, engine);
    const r = await importData(db, [sharedPath('data', 'treaties_untc')]);
    assert.equal(r.totals.errors, 0);
    assert.ok(r.entitiesKept.some((e) => e.name === 'European Union' && e.kind === 'non_state'));
    assert.equal((await getIndicatorValues(db, { entity: 'x:european union' })).length > 0, true);
    const stored = await getIndicatorValues(db, { entity: 'CN', indicatorIds: ['treaty.att'], fromYear: 2020, toYear: 2020 });
    assert.equal(stored[0].date, '2020-07-06');

    const attOn = async (country: string, asOf: string) => {
      const asOfYear = Number(asOf.slice(0, 4));
      const rows = await indicatorFacts(db, { indicators: ['treaty.att', 'treaty.cwc'], asOf, countries: [country], sourcePriority: sourcePriority() });
      const facts: AssessmentFacts = {
        country,
        indicators: rows.map((x) => ({ indicator: x.indicator, year: x.year, value: x.value === null ? null : Number(x.value), valueText: x.valueText, source: x.source, date: x.date })),
        evidence: [],
        coverage: [{ indicator: 'treaty.att', firstYear: 2013, lastYear: Math.min(2025, asOfYear - 1), source: 'untc' }],
      };
      const ctx = buildContext(facts, methodology, asOf);
      return readIndicator(ctx, ctx.own, 'treaty.att', 30);
    };
    const after = await attOn('CN', '2021-01-01');
    assert.deepEqual([after?.value, after?.valueText, after?.imputed ?? false], [1, 'party', false]);
    const before = await attOn('CN', '2019-12-31');
    assert.deepEqual([before?.value, before?.imputed], [0, true], 'not a party: a covered year without a record');
    const sameYear = await attOn('CN', '2020-03-01');
    assert.equal(sameYear?.value, 0, 'the accession year has begun, but the day has not come');
    const angola = await attOn('AO', '2024-06-30');
    assert.deepEqual([angola?.value, angola?.valueText], [0, 'signed']);
  });

  test(`[${engine}] one source per series: a brief's HDI 2023 (another edition) does not continue the dataset's series`, async (t) => {
    const db = await openTestDb(t, engine);
    await importData(db, [sharedPath('data', 'undp_hdi')]);
    // Seed 001 quotes HDR 2025: Kazakhstan 0.837 for 2023 and 0.831 for 2022 (the dataset, HDR 2023/24: 0.802).
    await upsertIndicatorValues(db, {
      sourceId: 'doc:seed-001', publisher: 'BICC', sourceFile: 'seed 001', runId: null,
      values: [2022, 2023].map((year) => ({ indicatorId: 'undp.hdi', entityKey: 'KZ', countryCode: 'KZ', entityName: 'Kasachstan', entityKind: 'country', year, value: year === 2023 ? 0.837 : 0.831, valueText: null, unit: 'index 0–1', table: 'Tabelle 9' })),
    });
    const rows = await indicatorFacts(db, { indicators: ['undp.hdi'], asOf: '2026-06-30', countries: ['KZ'], sourcePriority: sourcePriority() });
    assert.ok(rows.length > 20);
    assert.deepEqual([...new Set(rows.map((x) => x.source.split(':')[0]))], ['undp-hdi']);
    assert.equal(Math.max(...rows.map((x) => x.year)), 2022);
    assert.equal(Number(rows.find((x) => x.year === 2022)!.value), 0.802);
    const latest = await latestIndicatorValues(db, 'KZ', ['undp.hdi'], { sourcePriority: sourcePriority() });
    assert.deepEqual([latest.get('undp.hdi')?.year, latest.get('undp.hdi')?.value, latest.get('undp.hdi')?.sourceId], [2022, 0.802, 'undp-hdi']);
    const ranked = await indicatorFacts(db, { indicators: ['undp.hdi'], asOf: '2026-06-30', countries: ['KZ'], sourcePriority: ['doc:seed-001'] });
    assert.ok(ranked.every((x) => x.source.startsWith('undp-hdi')), 'datasets win over briefs whatever the priority list says');
    // Where no dataset has the series (Taiwan is not in the HDR), the brief's own series is read, whole.
    await upsertIndicatorValues(db, {
      sourceId: 'doc:other', publisher: 'X', sourceFile: 'other brief', runId: null,
      values: [{ indicatorId: 'undp.hdi', entityKey: 'TW', countryCode: 'TW', entityName: 'Taiwan', entityKind: 'country', year: 2023, value: 0.926, valueText: null, unit: 'index 0–1' }],
    });
    const tw = await indicatorFacts(db, { indicators: ['undp.hdi'], asOf: '2026-06-30', countries: ['TW'], sourcePriority: sourcePriority() });
    assert.deepEqual(tw.map((x) => [x.year, Number(x.value), x.source]), [[2023, 0.926, 'doc:other: other brief']]);
  });

  test(`[${engine}] PTS: Ukraine's stored 2023 scores are its own (3/4/3); the occupied areas are a territory; no duplicate warnings`, async (t) => {
    const db = await openTestDb(t, engine);
    const r = await importData(db, [sharedPath('data', 'pts')]);
    assert.ok(!r.issues.some((i) => /duplicate value for UA/.test(i.message)));
    const ua = await getIndicatorValues(db, { entity: 'UA', indicatorPrefix: 'pts.', fromYear: 2023, toYear: 2023 });
    assert.deepEqual(ua.map((v) => [v.indicatorId, Number(v.value)]), [['pts.amnesty', 3], ['pts.hrw', 4], ['pts.state_dept', 3]]);
    const occupied = await getIndicatorValues(db, { entity: 't:russia-occupied areas (ukraine)', fromYear: 2023, toYear: 2023 });
    assert.equal(occupied.length, 3);
    assert.equal(occupied[0].countryCode, null);
  });

  test(`[${engine}] a brief's treaty table does not continue the UNTC series; it fills in where UNTC has none`, async (t) => {
    const db = await openTestDb(t, engine);
    await importData(db, [sharedPath('data', 'treaties_untc')]);
    const row = (entityKey: string, valueText: string) => ({
      indicatorId: 'treaty.status', entityKey, countryCode: entityKey, entityName: entityKey, entityKind: 'country', partnerKey: 'att',
      partnerName: 'Waffenhandelsvertrag (ATT)', year: 2026, value: null, valueText, unit: 'code', table: 'Tabelle 7',
    });
    // A (made-up) brief saying "not joined" for Kazakhstan, a party since 2017, and "joined" for Taiwan, which UNTC does not list.
    await upsertIndicatorValues(db, { sourceId: 'doc:b', publisher: 'X', sourceFile: 'brief', runId: null, values: [row('KZ', 'not_joined'), row('TW', 'joined')] });
    const facts = await loadFacts(db, ['KZ', 'TW'], '2026-10-01', base);
    const att = (c: string) => facts.get(c)!.indicators.filter((f) => f.indicator === 'treaty.att');
    assert.ok(att('KZ').length > 5 && att('KZ').every((f) => f.source.startsWith('untc') && f.value === 1));
    assert.deepEqual(att('TW').map((f) => f.value), [1]);
  });

  test(`[${engine}] a changed treaty date is history: old and new day kept`, async (t) => {
    const db = await openTestDb(t, engine);
    const v = { indicatorId: 'treaty.att', entityKey: 'KZ', countryCode: 'KZ', entityName: 'Kazakhstan', entityKind: 'country', year: 2017, value: 1, valueText: 'party', unit: 'status' };
    await upsertIndicatorValues(db, { sourceId: 'untc', publisher: 'UNTC', sourceFile: 'a.csv', runId: null, values: [{ ...v, date: '2017-12-08' }] });
    const c = await upsertIndicatorValues(db, { sourceId: 'untc', publisher: 'UNTC', sourceFile: 'b.csv', runId: null, values: [{ ...v, date: '2017-12-09' }] });
    assert.equal(c.changed, 1);
    const h = await getValueHistory(db, 'KZ', 'treaty.att');
    assert.deepEqual(h.map((x) => [x.oldDate, x.newDate]), [['2017-12-08', '2017-12-09']]);
  });
}
