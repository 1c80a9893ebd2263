import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assessCountry } from './engine.js';
import { compareAllWithExternal, type CountryInput, type ExternalCountryRatings } from './compare-all.js';
import { parseMethodology } from './methodology.js';
import type { AssessmentFacts, IndicatorFact } from './types.js';

const methodology = parseMethodology(JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8')));
const AS_OF = '2026-06-30';
const row = (indicator: string, year: number, v: number): IndicatorFact => ({ indicator, year, value: v, valueText: null, source: 'src' });

function input(country: string, indicators: IndicatorFact[], ratings: ExternalCountryRatings['ratings']): CountryInput {
  const facts: AssessmentFacts = { country, indicators, evidence: [] };
  return { facts, assessment: assessCountry(facts, methodology, { asOf: AS_OF }), external: { country, ratings } };
}

test('every country × criterion gets a status; differences carry the rules or missing values behind them', () => {
  const inputs = [
    // CPI 40 → criterion 7 possibly critical by c7.high_corruption.
    input('AA', [row('ti.cpi', 2025, 40)], { 7: 'not_critical', 8: 'critical' }),
    input('BB', [row('ti.cpi', 2025, 40)], { 7: 'possibly_critical', 8: 'no_data' }),
    input('CC', [row('ti.cpi', 2025, 80)], { 7: 'critical' }),
  ];
  const r = compareAllWithExternal(inputs, methodology, [7, 8]);
  assert.equal(r.rows.length, 6);
  const at = (c: string, n: number) => r.rows.find((x) => x.country === c && x.criterion === n)!;

  assert.equal(at('AA', 7).status, 'higher');
  assert.equal(at('AA', 7).difference!.direction, 'higher');
  assert.deepEqual(at('AA', 7).difference!.rules.map((x) => [x.ruleId, x.status]), [['c7.high_corruption', 'fired']]);
  assert.match(at('AA', 7).difference!.explanation.de, /Wir bewerten höher/);
  assert.match(at('AA', 7).difference!.explanation.en, /ti\.cpi=40 \(2025, src\)/);

  // No HDI or military spending: we have no rating for criterion 8, so it is left out but explained.
  assert.equal(at('AA', 8).ours, 'no_data');
  assert.equal(at('AA', 8).status, 'ours_no_data');
  assert.equal(at('AA', 8).difference!.direction, 'no_data');
  assert.ok(at('AA', 8).difference!.missing.length > 0);

  assert.equal(at('BB', 7).status, 'agree');
  assert.equal(at('BB', 7).difference, undefined);
  assert.equal(at('BB', 8).status, 'both_no_data');

  assert.equal(at('CC', 7).status, 'lower');
  const lower = at('CC', 7).difference!;
  assert.ok(lower.rules.some((x) => x.ruleId === 'c7.neither_att_nor_wassenaar' && x.status === 'undecided' && x.missing.includes('treaty.att')));
  assert.ok(lower.missing.includes('regime.wassenaar'));
  assert.equal(at('CC', 8).status, 'not_rated');

  const [c7, c8] = r.criteria;
  assert.equal(c7.criterion, 7);
  assert.equal(c7.n, 3);
  assert.equal(c7.exact + c7.lower + c7.higher, c7.n);
  assert.deepEqual([c7.exact, c7.lower, c7.higher], [1, 1, 1]);
  assert.equal(c7.confusion.flat().reduce((a, b) => a + b, 0), 3);
  assert.equal(c7.confusion[1][0], 1, 'ours possibly critical, theirs not critical');
  assert.equal(c8.n, 0);
  assert.deepEqual(c8.excluded, { theirsNoData: 0, oursNoData: 1, bothNoData: 1, notRated: 1 });
  assert.equal(c8.kappa.quadratic, null);
  assert.equal(r.overall.n, c7.n + c8.n);
});
