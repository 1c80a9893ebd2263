import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assessCountry } from './engine.js';
import { compareWithExternal } from './compare.js';
import { diffAssessments } from './diff.js';
import { parseMethodology } from './methodology.js';
import type { AssessmentFacts, ExternalRating, IndicatorFact } from './types.js';

const methodology = parseMethodology(JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8')));
const row = (indicator: string, year: number, v: number | string): IndicatorFact => ({
  indicator, year, value: typeof v === 'number' ? v : null, valueText: typeof v === 'string' ? v : null, source: 'src',
});
const facts = (indicators: IndicatorFact[]): AssessmentFacts => ({ country: 'KZ', indicators, evidence: [] });
const ext = (criterion: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, rating: ExternalRating['rating']): ExternalRating => ({ criterion, rating, assessor: 'BICC', docTitle: 'Brief', date: '2026-06' });

test('compare explains a higher computed rating by the rules that fired and their values', () => {
  const f = facts([row('ti.cpi', 2024, 40)]);
  const a = assessCountry(f, methodology, { asOf: '2026-06-30' });
  const c = compareWithExternal(f, a, methodology, [ext(7, 'not_critical')]);
  const r7 = c.rows[6];
  assert.equal(r7.computed, 'possibly_critical');
  assert.equal(r7.agrees, false);
  assert.match(r7.explanation, /c7\.high_corruption/);
  assert.match(r7.explanation, /ti\.cpi=40 \(2024, src\)/);
  assert.equal(c.rows[0].agrees, null);
  assert.equal(c.compared, 1);
});

test('compare explains a lower computed rating by the rules that did not fire or lacked data', () => {
  const f = facts([row('ti.cpi', 2024, 80)]);
  const a = assessCountry(f, methodology, { asOf: '2026-06-30' });
  const c = compareWithExternal(f, a, methodology, [ext(7, 'critical'), ext(8, 'critical')], 'en');
  assert.match(c.rows[6].explanation, /We rate lower/);
  assert.match(c.rows[6].explanation, /c7\.neither_att_nor_wassenaar .*undecided, lacks treaty\.att, regime\.wassenaar/);
  assert.match(c.rows[7].explanation, /No decisive indicator has a value/);
  const de = compareWithExternal(f, a, methodology, [ext(7, 'critical')], 'de');
  assert.match(de.rows[6].explanation, /Wir bewerten niedriger/);
});

test('compare counts agreements', () => {
  const f = facts([row('ti.cpi', 2024, 40)]);
  const a = assessCountry(f, methodology, { asOf: '2026-06-30' });
  const c = compareWithExternal(f, a, methodology, [ext(7, 'possibly_critical')]);
  assert.equal(c.agreements, 1);
  assert.equal(c.rows[6].explanation, 'Same rating.');
});

test('diff names new data years, rules that started firing, new evidence and methodology changes', () => {
  const before = assessCountry(facts([row('pts.state_dept', 2022, 2), row('fh.status', 2022, 'F')]), methodology, { asOf: '2023-06-30' });
  const after = assessCountry(
    {
      ...facts([row('pts.state_dept', 2022, 2), row('pts.state_dept', 2024, 4), row('fh.status', 2022, 'F')]),
      evidence: [{ docId: 'd', passageIdx: 1, docTitle: 'Crackdown', publisher: 'AP', sourceType: 'news', date: '2025-02', snippet: 's', criteria: [{ criterion: 2, score: 0.9, cues: [] }] }],
    },
    { ...methodology, version: '9.9.9' },
    { asOf: '2025-06-30' },
  );
  const d = diffAssessments({ assessment: before, computedAt: '2023-07-01T00:00:00Z' }, { assessment: after, computedAt: '2025-07-01T00:00:00Z' });
  const c2 = d.criteria[1];
  assert.equal(c2.from.rating, 'not_critical');
  assert.equal(c2.to.rating, 'critical');
  assert.equal(c2.ratingChanged, true);
  const kinds = c2.changes.map((c) => c.kind);
  for (const k of ['methodology', 'rule_fired', 'new_data_year', 'new_evidence']) assert.ok(kinds.includes(k as never), `${k} in ${kinds}`);
  assert.match(c2.changes.find((c) => c.kind === 'new_data_year')!.detail.en, /pts\.state_dept=2 \(2022.*→ pts\.state_dept=4 \(2024/);
  assert.match(c2.changes.find((c) => c.kind === 'methodology')!.detail.en, /2\.0\.0 → bicc-plus 9\.9\.9/);
});
