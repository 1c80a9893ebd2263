/**
 * One as-of rule for every reader (core/as-of.ts): on a store with the seeds (Kazakhstan's brief and
 * its tables) and real datasets, the brief's figures and the ratings read the same data years for
 * several countries and days, and the store's SQL counts exactly the values the TypeScript rule counts.
 * The bug this pins: `brief KZ --as-of 2024-06-30` printed SIPRI 2024 figures while its ratings read 2023.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assessCountries, loadMethodology } from '../../src/services/assess-country.js';
import { buildBrief, loadBriefInput } from '../../src/services/build-brief.js';
import { indicatorFacts } from '../../src/store/assessments.js';
import { valuesAsOf } from '../../src/store/as-of.js';
import { getIndicatorValues } from '../../src/store/indicators.js';
import { countsOn, lastDatasetYear, oneSourcePerSeries } from '../../src/core/as-of.js';
import { sourcePriority } from '../../src/data/registry.js';
import { seededStore } from '../helpers/stores.js';

const COUNTRIES = ['KZ', 'DE', 'UA', 'NG'];
const DAYS = ['2014-06-30', '2020-03-01', '2024-06-30', '2026-06-30'];
const NOW = new Date('2026-07-01T09:00:00Z');

describe('one as-of rule: brief figures and ratings read the same years', () => {
  const store = seededStore({ before, after }, { datasets: ['sipri_milex', 'freedom_house', 'pts', 'treaties_untc', 'undp_hdi'] });

  test('the SQL rule counts exactly what countsOn counts (datasets, dated values, brief values)', async () => {
    const db = store.db;
    const docs = (await db.query<{ id: string; date_from: string | null }>('SELECT id, date_from::text FROM documents')).rows;
    const docDate = new Map(docs.map((d) => [d.id, d.date_from]));
    for (const country of ['KZ', 'CN']) {
      const all = await getIndicatorValues(db, { entity: country });
      assert.ok(all.some((v) => v.sourceId.startsWith('doc:')) || country !== 'KZ', 'KZ has values from its brief');
      assert.ok(all.some((v) => v.date), `${country} has dated values`);
      for (const asOf of [...DAYS, '2020-07-05', '2020-07-06']) {
        const sql = await valuesAsOf(db, { asOf, entities: [country], indicators: null, partners: 'all' });
        const ts = all.filter((v) => countsOn({ ...v, docDate: v.sourceDocId ? docDate.get(v.sourceDocId) ?? null : null }, asOf));
        const key = (v: { indicator?: string; indicatorId?: string; partnerKey: string; year: number; sourceId: string }) => `${v.indicator ?? v.indicatorId}|${v.partnerKey}|${v.year}|${v.sourceId}`;
        assert.deepEqual(sql.map(key).sort(), ts.map(key).sort(), `${country} ${asOf}`);
      }
    }
  });

  test('per country and day: the brief shows no data year the ratings cannot read, and the ones they read', async () => {
    const db = store.db;
    const methodology = loadMethodology();
    const indicators = Object.keys(methodology.indicators);
    let compared = 0;
    for (const asOf of DAYS) {
      const assessed = await assessCountries(db, COUNTRIES, { asOf, methodology, now: NOW, store: false });
      for (const s of assessed) {
        const country = s.assessment.country;
        const input = await loadBriefInput(db, country, { asOf, now: NOW, methodology, assessment: s, topics: false });
        const shown = oneSourcePerSeries(input.values.filter((v) => v.partnerKey === '' && countsOn(v, asOf)), (v) => v.indicator, sourcePriority());
        const facts = await indicatorFacts(db, { indicators, asOf, countries: [country], sourcePriority: sourcePriority() });
        const newest = (rows: Array<{ indicator: string; year: number }>) => {
          const m = new Map<string, number>();
          for (const r of rows) m.set(r.indicator, Math.max(m.get(r.indicator) ?? -Infinity, r.year));
          return m;
        };
        const briefYears = newest(shown);
        for (const [indicator, year] of newest(facts)) {
          assert.equal(briefYears.get(indicator), year, `${country} ${asOf} ${indicator}: brief ${briefYears.get(indicator)}, ratings ${year}`);
          compared++;
        }
        // Every value a rule read (not imputed) is a value the brief has, same year.
        for (const c of s.assessment.criteria) {
          for (const v of [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)]) {
            if (v.imputed || (v.country && v.country !== country) || !briefYears.has(v.indicator)) continue;
            assert.ok(shown.some((b) => b.indicator === v.indicator && b.year === v.year), `${country} ${asOf} ${v.indicator} ${v.year}`);
          }
        }
        for (const v of input.values) {
          if (!v.sourceId.startsWith('doc:') && !v.date) assert.ok(v.year <= lastDatasetYear(asOf), `${country} ${asOf} ${v.indicator} ${v.year}`);
        }
      }
    }
    assert.ok(compared > 100, `${compared} indicator series compared`);
  });

  test('Kazakhstan on 2024-06-30: the brief writes the SIPRI year the ratings read (2023), not 2024', async () => {
    const db = store.db;
    const [s] = await assessCountries(db, ['KZ'], { asOf: '2024-06-30', now: NOW, store: false });
    const read = s.assessment.criteria.flatMap((c) => [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)]).find((v) => v.indicator === 'sipri.milex.share_gdp');
    assert.equal(read?.year, 2023);
    const md = String((await buildBrief(db, 'KZ', { lang: 'en', format: 'md', asOf: '2024-06-30', now: NOW, topics: false })).content);
    assert.match(md, /In 2023, Kazakhstan spent US\$ 1,164 million on its military/);
    assert.match(md, /Military expenditure, 2014–2023/);
    assert.doesNotMatch(md, /\| 2024 \| 1,145 \|/);
  });

  test("BICC's ratings from a brief of June 2026 are not shown in a brief as of 2025, and are as of 2026-06-30", async () => {
    const db = store.db;
    const external = async (asOf: string) => (await loadBriefInput(db, 'KZ', { asOf, now: NOW, topics: false })).external;
    assert.deepEqual(await external('2025-06-30'), []);
    assert.equal((await external('2026-06-30'))?.length, 8);
  });
});
