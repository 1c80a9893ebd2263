/**
 * As of a day, not a year: a fact dated after the as-of day is not yet true, although its year has
 * begun. Real UNTC rows: China acceded to the ATT on 2020-07-06; Angola signed it only (2013-09-24).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseUntc } from '../data/untc-treaties.js';
import { buildContext } from './engine.js';
import { readIndicator } from './conditions.js';
import { parseMethodology } from './methodology.js';
import type { AssessmentFacts, IndicatorFact, Methodology } from './types.js';

const base = parseMethodology(JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8')));
// The plain windowed reader (not the shipped spec's `persistent` one), so the date filter is tested on its own.
const methodology: Methodology = {
  ...base,
  indicators: { ...base.indicators, 'treaty.att': { label: { de: 'ATT', en: 'ATT' }, source: 'untc', absentMeans: 0 } },
};
const parsed = parseUntc('arms_control_ratifications.csv', fs.readFileSync(path.resolve(process.cwd(), '..', 'shared', 'data', 'treaties_untc', 'arms_control_ratifications.csv')));
const factsOf = (name: string): IndicatorFact[] => parsed.values
  .filter((v) => v.name === name && (v.indicatorId === 'treaty.att' || v.indicatorId === 'treaty.cwc'))
  .map((v) => ({ indicator: v.indicatorId, year: v.year, value: v.value, valueText: v.valueText, source: 'untc: arms_control_ratifications.csv', date: v.date }));

function attOn(name: string, asOf: string) {
  const asOfYear = Number(asOf.slice(0, 4));
  const facts: AssessmentFacts = {
    country: 'XX', indicators: factsOf(name), evidence: [],
    coverage: [{ indicator: 'treaty.att', firstYear: 2013, lastYear: asOfYear - 1, source: 'untc' }],
  };
  const ctx = buildContext(facts, methodology, asOf);
  return readIndicator(ctx, ctx.own, 'treaty.att', 30);
}

test('China and the ATT: not a party on 2019-12-31 or 2020-03-01, a party on 2020-12-31 and 2021-01-01', () => {
  assert.deepEqual([attOn('China', '2019-12-31')?.value, attOn('China', '2019-12-31')?.imputed], [0, true]);
  assert.equal(attOn('China', '2020-03-01')?.value, 0, 'the year has begun, the day has not');
  assert.deepEqual([attOn('China', '2020-12-31')?.value, attOn('China', '2020-12-31')?.valueText], [1, 'party']);
  assert.equal(attOn('China', '2021-01-01')?.value, 1);
});

test('Angola signed the ATT only: reads 0 ("signed"), not "no data"', () => {
  const r = attOn('Angola', '2024-06-30');
  assert.deepEqual([r?.value, r?.valueText, r?.imputed ?? false], [0, 'signed', false]);
});
