/**
 * The bundled reference lists through a real store on every engine: imported with a folder, idempotent,
 * listed by `data sources` and `data coverage`, read by the assessment as of a day, worded as a reference list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { engines, openTestDb, tempDir } from '../../test/helpers/stores.js';
import { bundledReferenceFiles, importData } from './import-data.js';
import { dataCoverage, dataSources } from './indicator-data.js';
import { loadFacts, loadMethodology } from './assess-country.js';
import { buildContext } from '../assess/engine.js';
import { readIndicator } from '../assess/conditions.js';
import { formatValue } from '../assess/explain.js';
import type { ValueRead } from '../assess/types.js';
import type { Db } from '../store/db.js';

async function wassenaarRead(db: Db, country: string, asOf: string): Promise<ValueRead | null> {
  const methodology = loadMethodology();
  const facts = (await loadFacts(db, [country], asOf, methodology)).get(country)!;
  const ctx = buildContext(facts, methodology, asOf);
  return readIndicator(ctx, ctx.own, 'regime.wassenaar', methodology.decisiveWithinYears);
}

for (const engine of engines()) {
  test(`[${engine}] reference lists come with any folder, are idempotent, listed, and read as of a day`, async (t) => {
    const db = await openTestDb(t, engine);
    const dir = tempDir();
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    // A folder with a broken reference list of its own: it fails with file and line, the bundled lists import.
    fs.writeFileSync(path.join(dir, 'broken-list.csv'), [
      '# armsbrief reference list', '# indicator: treaty.hcoc', '# title: t', '# title_de: t', '# publisher: p',
      '# source: https://example.org/hcoc', '# as_of: 2025-01-01', '# since: 2002', '# universe: listed',
      'country,iso3,status,from,to,source,as_of,note', 'India,IND,party,2016-06-01,,,2016-06-01,',
    ].join('\n'));

    const first = await importData(db, [dir], { includeReference: true });
    const ref = first.files.filter((f) => f.dataset === 'reference');
    assert.deepEqual(ref.map((f) => [f.file, f.status]), [
      ['broken-list.csv', 'failed'], ['bwc.csv', 'imported'], ['npt.csv', 'imported'], ['rome-statute.csv', 'imported'], ['wassenaar.csv', 'imported'],
    ]);
    assert.ok(first.issues.some((i) => i.level === 'error' && i.file === 'broken-list.csv' && i.row === 11 && /India: no source address/.test(i.message)));
    assert.equal(ref.find((f) => f.file === 'wassenaar.csv')!.countries, 193);

    const again = await importData(db, [dir, ...bundledReferenceFiles()], { includeReference: true });
    assert.equal(again.files.length, first.files.length, 'a list named explicitly is not imported twice');
    assert.deepEqual(again.files.filter((f) => f.dataset === 'reference' && f.status !== 'failed').map((f) => [f.status, f.inserted + f.changed]), Array(4).fill(['unchanged', 0]));

    const without = await importData(db, [dir]);
    assert.ok(!without.files.some((f) => f.file === 'wassenaar.csv'), 'without includeReference only the folder');

    const sources = await dataSources(db);
    const reference = sources.find((s) => s.id === 'reference')!;
    assert.deepEqual(reference.files.map((f) => f.file).sort(), ['bwc.csv', 'npt.csv', 'rome-statute.csv', 'wassenaar.csv']);
    assert.ok(['regime.wassenaar', 'treaty.npt', 'treaty.bwc', 'treaty.rome_statute'].every((id) => reference.indicators.includes(id)));
    const coverage = await dataCoverage(db);
    const wa = coverage.find((c) => c.indicatorId === 'regime.wassenaar')!;
    assert.deepEqual([wa.sourceId, wa.countries, wa.firstYear, wa.latestYear], ['reference', 193, 1996, 2026]);

    // India joined on 2017-12-08: not a participating state as of 2016, one as of 2018; dated values count from their day.
    const in2016 = await wassenaarRead(db, 'IN', '2016-06-30');
    const in2018 = await wassenaarRead(db, 'IN', '2018-06-30');
    assert.deepEqual([in2016?.value, in2016?.year], [0, 2016]);
    assert.deepEqual([in2018?.value, in2018?.year], [1, 2018]);
    const beforeJoin = await wassenaarRead(db, 'IN', '2017-12-07');
    const afterJoin = await wassenaarRead(db, 'IN', '2017-12-08');
    assert.deepEqual([beforeJoin?.value, beforeJoin?.year, afterJoin?.value, afterJoin?.year], [0, 2016, 1, 2017]);
    const kp = await wassenaarRead(db, 'KP', '2026-06-30');
    assert.equal(kp?.value, 0);
    assert.equal(formatValue(in2018!, 'en'), 'regime.wassenaar=1 (2018, reference list, as of 2026-12-01, https://www.nti.org/education-center/treaties-and-regimes/wassenaar-arrangement/)');
    assert.match(formatValue(in2018!, 'de'), /^regime\.wassenaar=1 \(2018, Referenzliste, Stand 2026-12-01, https:\/\/www\.nti\.org\//);
  });
}
