import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assessCountry } from './engine.js';
import { parseMethodology } from './methodology.js';
import { factsFromFixture } from './fixtures.js';
import type { AssessmentFacts, CriterionResult, IndicatorFact, Methodology } from './types.js';
import type { EvidenceFact } from '../core/types.js';

const methodology = parseMethodology(JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8')));
const AS_OF = '2026-06-30';

const row = (indicator: string, year: number, v: number | string): IndicatorFact => ({
  indicator,
  year,
  value: typeof v === 'number' ? v : null,
  valueText: typeof v === 'string' ? v : null,
  source: 'test',
});

function passage(over: Partial<EvidenceFact> & { criterion: number; score?: number }): EvidenceFact {
  return {
    docId: 'd1',
    passageIdx: 0,
    docTitle: 'Title',
    publisher: 'Reuters',
    sourceType: 'news',
    date: '2026-05-01',
    snippet: 'text',
    ...over,
    criteria: [{ criterion: over.criterion, score: over.score ?? 0.9, cues: ['cue'] }],
  };
}

function criterion(facts: AssessmentFacts, n: number, m: Methodology = methodology, asOf = AS_OF): CriterionResult {
  return assessCountry(facts, m, { asOf }).criteria[n - 1];
}

const facts = (indicators: IndicatorFact[], evidence: EvidenceFact[] = [], extra: Partial<AssessmentFacts> = {}): AssessmentFacts => ({
  country: 'XX',
  indicators,
  evidence,
  ...extra,
});

test('every rule has a fixture that triggers it', () => {
  let count = 0;
  for (const [n, c] of Object.entries(methodology.criteria)) {
    for (const rule of c.rules) {
      const result = assessCountry(factsFromFixture(rule.fixture), methodology, { asOf: rule.fixture.asOf }).criteria[Number(n) - 1];
      const fired = result.rulesFired.map((f) => f.ruleId);
      assert.ok(fired.includes(rule.id), `${rule.id} did not fire on its fixture (fired: ${fired.join(', ') || 'none'})`);
      count++;
    }
  }
  assert.ok(count >= 30, `expected a full rule set, got ${count} rules`);
});

test('every rule describes itself in German and English and lists what it reads', () => {
  for (const c of Object.values(methodology.criteria)) {
    for (const r of c.rules) {
      assert.ok(r.description.de.length > 10 && r.description.en.length > 10, r.id);
      assert.ok(Array.isArray(r.reads), r.id);
    }
  }
});

test('a fired rule reports the values it read with year, source and staleness', () => {
  const r = criterion(facts([row('pts.state_dept', 2023, 4), row('pts.amnesty', 2023, 3)]), 2);
  const fired = r.rulesFired.find((f) => f.ruleId === 'c2.severe_political_terror');
  assert.ok(fired);
  assert.deepEqual(
    fired.values.map((v) => [v.indicator, v.value, v.year, v.source, v.stale]).sort(),
    [['pts.amnesty', 3, 2023, 'test', false], ['pts.state_dept', 4, 2023, 'test', false]],
  );
  assert.equal(r.rating, 'critical');
});

test('a country with no data at all is no_data on every criterion', () => {
  const result = assessCountry(facts([]), methodology, { asOf: AS_OF });
  assert.equal(result.criteria.length, 8);
  for (const c of result.criteria) {
    assert.equal(c.rating, 'no_data', `criterion ${c.criterion}`);
    assert.equal(c.confidence, 'low');
    assert.ok(c.missing.length > 0);
  }
});

test('absence in an event dataset reads as none only for countries in the data and years it covers', () => {
  const coverage = [{ indicator: 'gsdb.arms_sanction.un', firstYear: 1950, lastYear: 2023, source: 'GSDB' }];
  const known = criterion(facts([row('ti.cpi', 2024, 60)], [], { coverage }), 1);
  assert.equal(known.rating, 'not_critical');
  assert.equal(known.decisiveValues[0].imputed, true);
  assert.equal(known.decisiveValues[0].year, 2023);
  // A country the store holds nothing for is outside every dataset: no_data, not "no sanctions".
  assert.equal(criterion(facts([], [], { coverage }), 1).rating, 'no_data');
  // Without coverage (dataset not imported) absence means nothing.
  assert.equal(criterion(facts([row('ti.cpi', 2024, 60)]), 1).rating, 'no_data');
});

test('an embargo that ended before the latest covered year no longer fires', () => {
  const coverage = [{ indicator: 'gsdb.arms_sanction.un', firstYear: 1950, lastYear: 2023, source: 'GSDB' }];
  const r = criterion(facts([row('gsdb.arms_sanction.un', 2021, 1), row('ti.cpi', 2024, 50)], [], { coverage }), 1);
  assert.equal(r.rating, 'not_critical');
  const on = criterion(facts([row('gsdb.arms_sanction.un', 2023, 1)], [], { coverage }), 1);
  assert.equal(on.rating, 'critical');
});

test('values older than staleAfterYears are flagged stale and lower confidence', () => {
  const fresh = criterion(facts([row('undp.hdi', 2024, 0.9), row('sipri.milex.share_gdp', 2025, 1)]), 8);
  assert.equal(fresh.rating, 'not_critical');
  assert.equal(fresh.confidence, 'high');
  assert.deepEqual(fresh.stale, []);
  const old = criterion(facts([row('undp.hdi', 2022, 0.9), row('sipri.milex.share_gdp', 2025, 1)]), 8);
  assert.deepEqual(old.stale, ['undp.hdi@2022']);
  assert.equal(old.decisiveValues.find((v) => v.indicator === 'undp.hdi')?.stale, true);
  assert.equal(old.confidence, 'medium');
});

test('the stale threshold is configurable', () => {
  const strict: Methodology = { ...methodology, staleAfterYears: 1 };
  const r = criterion(facts([row('undp.hdi', 2024, 0.9), row('sipri.milex.share_gdp', 2025, 1)]), 8, strict);
  assert.deepEqual(r.stale, ['undp.hdi@2024']);
});

test('confidence drops with missing decisive indicators', () => {
  const half = criterion(facts([row('sipri.milex.share_gdp', 2025, 2.5)]), 8);
  assert.equal(half.rating, 'not_critical');
  assert.deepEqual(half.missing, ['undp.hdi']);
  assert.notEqual(half.confidence, 'high');
  // A rule that could raise the rating but lacks data is named; one the known values already decide is not.
  assert.ok(half.rulesUndetermined.some((u) => u.ruleId === 'c8.low_development_militarised' && u.missing.includes('undp.hdi')));
  // Every militarisation measure known and low: no rule can fire, whatever the missing HDI.
  const decided = criterion(facts([row('sipri.milex.share_gdp', 2025, 1), row('wb.health_exp_gdp', 2025, 5), row('sipri.milex.share_govt', 2025, 3), row('wb.gdp_pc_ppp_const2021', 2025, 20000)]), 8);
  assert.deepEqual(decided.rulesUndetermined, []);
});

test('one news source does not raise a rating; two independent sources do; one official source does', () => {
  const base = [row('ti.cpi', 2024, 80)];
  const one = criterion(facts(base, [passage({ criterion: 7, docId: 'a', publisher: 'Reuters' })]), 7);
  assert.equal(one.rating, 'not_critical');
  assert.equal(one.evidence.length, 1);
  assert.equal(one.evidence[0].corroborated, false);

  const sameHouse = criterion(
    facts(base, [passage({ criterion: 7, docId: 'a', publisher: 'Reuters' }), passage({ criterion: 7, docId: 'b', publisher: 'reuters ' })]),
    7,
  );
  assert.equal(sameHouse.rating, 'not_critical', 'two documents of one publisher are one source');

  const two = criterion(
    facts(base, [passage({ criterion: 7, docId: 'a', publisher: 'Reuters' }), passage({ criterion: 7, docId: 'b', publisher: 'Amnesty International', sourceType: 'ngo' })]),
    7,
  );
  assert.equal(two.rating, 'possibly_critical');
  assert.ok(two.evidence.every((e) => e.corroborated));

  const official = criterion(facts(base, [passage({ criterion: 7, docId: 'c', publisher: 'UN Panel of Experts', sourceType: 'official' })]), 7);
  assert.equal(official.rating, 'possibly_critical');
});

test('evidence outside the window, below the score, after as-of or for another criterion does not count', () => {
  const base = [row('ti.cpi', 2024, 80)];
  const cases: EvidenceFact[][] = [
    [passage({ criterion: 7, docId: 'a', date: '2023-01' }), passage({ criterion: 7, docId: 'b', publisher: 'AP', date: '2023-02' })],
    [passage({ criterion: 7, docId: 'a', score: 0.1 }), passage({ criterion: 7, docId: 'b', publisher: 'AP', score: 0.1 })],
    [passage({ criterion: 7, docId: 'a', date: '2026-08-01' }), passage({ criterion: 7, docId: 'b', publisher: 'AP', date: '2026-09' })],
    [passage({ criterion: 2, docId: 'a' }), passage({ criterion: 2, docId: 'b', publisher: 'AP' })],
    [passage({ criterion: 7, docId: 'a', date: null }), passage({ criterion: 7, docId: 'b', publisher: 'AP', date: null })],
  ];
  for (const ev of cases) assert.equal(criterion(facts(base, ev), 7).rating, 'not_critical', JSON.stringify(ev.map((e) => e.date)));
});

test('evidence is listed newest first with document, publisher, date, snippet and cues', () => {
  const r = criterion(
    facts([], [
      passage({ criterion: 3, docId: 'old', date: '2025-01' }),
      passage({ criterion: 3, docId: 'new', date: '2026-06-01', publisher: 'AP' }),
      passage({ criterion: 3, docId: 'mid', date: '2025-12', publisher: 'BBC' }),
    ]),
    3,
  );
  assert.deepEqual(r.evidence.map((e) => e.docId), ['new', 'mid', 'old']);
  const first = r.evidence[0];
  assert.equal(first.docTitle, 'Title');
  assert.equal(first.publisher, 'AP');
  assert.deepEqual(first.cues, ['cue']);
});

test('review is suggested when corroborated evidence points higher than the indicators', () => {
  const ev = [passage({ criterion: 7, docId: 'a' }), passage({ criterion: 7, docId: 'b', publisher: 'BBC' })];
  const r = criterion(facts([row('ti.cpi', 2024, 80)], ev), 7);
  assert.equal(r.indicatorRating, 'not_critical');
  assert.equal(r.evidenceRating, 'possibly_critical');
  assert.equal(r.rating, 'possibly_critical');
  assert.equal(r.reviewSuggested, true);
  assert.match(r.reviewReason?.en ?? '', /c7\.corroborated_evidence/);
  assert.match(r.reviewReason?.de ?? '', /c7\.corroborated_evidence/);
  // When the indicators already say as much, no review is needed.
  const agree = criterion(facts([row('ti.cpi', 2024, 35)], ev), 7);
  assert.equal(agree.reviewSuggested, false);
});

test('a rating that rests on evidence alone has low confidence', () => {
  const ev = [passage({ criterion: 5, docId: 'a' }), passage({ criterion: 5, docId: 'b', publisher: 'BBC' })];
  const r = criterion(facts([], ev), 5);
  assert.equal(r.rating, 'possibly_critical');
  assert.equal(r.confidence, 'low');
});

test('as-of ignores data years after it', () => {
  const f = facts([row('pts.state_dept', 2020, 2), row('pts.state_dept', 2023, 5), row('fh.status', 2020, 'F')]);
  assert.equal(criterion(f, 3, methodology, '2026-06-30').rating, 'critical');
  assert.equal(criterion(f, 3, methodology, '2021-06-30').rating, 'not_critical');
});

test('neighbour conflicts raise criterion 4; an island without neighbours is not affected', () => {
  const coverage = ['interstate.party', 'internationalised.party', 'internationalised', 'intrastate'].map((t) => ({
    indicator: `ucdp.conflict.${t}`,
    firstYear: 1946,
    lastYear: 2024,
    source: 'UCDP',
  }));
  // Every other criterion-4 rule decided by its own data, so only the neighbours can make a difference.
  const own = [row('sipri.milex.share_gdp', 2025, 1.2), row('wgi.pv', 2023, 0.4), row('coup.attempts', 2024, 0)];
  const withWar = criterion(
    facts(own, [], { coverage, neighbours: [{ country: 'RU', indicators: [row('ucdp.conflict.interstate.party', 2024, 2)] }, { country: 'CN', indicators: [row('ti.cpi', 2024, 40)] }] }),
    4,
  );
  assert.equal(withWar.rating, 'possibly_critical');
  const fired = withWar.rulesFired.find((f) => f.ruleId === 'c4.neighbour_in_interstate_conflict');
  assert.deepEqual(fired?.values.map((v) => [v.country, v.value, v.year]), [['RU', 2, 2024]]);
  const island = criterion(facts(own, [], { coverage, neighbours: [] }), 4);
  assert.equal(island.rating, 'not_critical');
  assert.equal(island.confidence, 'high');
});

test('an undecidable count of treaties does not fire and is reported', () => {
  const r = criterion(facts([row('gsdb.arms_sanction.un', 2023, 0), row('treaty.npt', 2026, 1)]), 1);
  assert.equal(r.rating, 'not_critical');
  assert.ok(r.rulesUndetermined.some((u) => u.ruleId === 'c1.few_arms_control_treaties'));
  const decided = criterion(
    facts([row('gsdb.arms_sanction.un', 2023, 0), ...['npt', 'bwc', 'cwc'].map((t) => row(`treaty.${t}`, 2026, 1))]),
    1,
  );
  assert.ok(!decided.rulesUndetermined.some((u) => u.ruleId === 'c1.few_arms_control_treaties'));
});

test('an active override is shown beside the computed rating', () => {
  const overrides = [
    { criterion: 7 as const, rating: 'critical' as const, reason: 'older', by: 'a', createdAt: '2026-01-01T00:00:00Z' },
    { criterion: 7 as const, rating: 'not_critical' as const, reason: 'field visit', by: 'b', createdAt: '2026-02-01T00:00:00Z' },
  ];
  const r = criterion(facts([row('ti.cpi', 2024, 35)], [], { overrides }), 7);
  assert.equal(r.rating, 'possibly_critical');
  assert.equal(r.override?.reason, 'field visit');
  assert.equal(r.effectiveRating, 'not_critical');
});

test('the methodology id and version are in every result', () => {
  const r = assessCountry(facts([]), methodology, { asOf: AS_OF });
  assert.deepEqual(r.methodology, { id: 'bicc-plus', version: methodology.version });
  assert.equal(r.asOf, AS_OF);
});

test('a bad as-of date is a usage error', () => {
  assert.throws(() => assessCountry(facts([]), methodology, { asOf: '2026-13-01' }), /as-of/);
});

test('treaty membership persists: an old ratification counts, a later one does not yet, a state the dataset does not list reads 0', () => {
  const coverage = [{ indicator: 'treaty.att', firstYear: 2013, lastYear: 2025, source: 'untc' }, { indicator: 'regime.wassenaar', firstYear: 1996, lastYear: 2025, source: 'reference' }];
  const neitherRule = (f: IndicatorFact[], asOf: string) => criterion(facts(f, [], { coverage }), 7, methodology, asOf).rulesFired.map((r) => r.ruleId);
  const joined2014 = [row('treaty.att', 2014, 1), row('ti.cpi', 2013, 60), row('ti.cpi', 2024, 60)];
  assert.ok(!neitherRule(joined2014, '2026-06-30').includes('c7.neither_att_nor_wassenaar'), 'a 2014 accession still counts in 2026');
  assert.ok(neitherRule(joined2014, '2013-06-30').includes('c7.neither_att_nor_wassenaar'), 'not yet a party in 2013: the list reads 0');
  const outside = criterion(facts([row('ti.cpi', 2024, 60)], [], { coverage }), 7);
  const read = outside.rulesFired.find((r) => r.ruleId === 'c7.neither_att_nor_wassenaar')?.values.find((v) => v.indicator === 'treaty.att');
  assert.equal(read?.value, 0);
  assert.equal(read?.imputed, true);
  assert.equal(read?.stale, false, 'a state is not stale');
});

test('militarisation: two of three measures with a ratio computed from military and health spending', () => {
  const base = [row('undp.hdi', 2022, 0.5), row('sipri.milex.share_gdp', 2024, 2.6), row('wb.health_exp_gdp', 2024, 4)];
  const fired = (f: IndicatorFact[]) => criterion(facts(f), 8).rulesFired.map((r) => r.ruleId);
  // 2.6 % of GDP and 2.6 / 4 = 0.65 of health spending: two of three.
  assert.ok(fired(base).includes('c8.low_development_militarised'));
  const ratio = criterion(facts(base), 8).rulesFired.find((r) => r.ruleId === 'c8.low_development_militarised')!.values.find((v) => v.indicator === 'armsbrief.milex_to_health');
  assert.equal(ratio?.value, 0.65);
  // Health spending high: the ratio is low; government share unknown, so "two of three" cannot be decided.
  const undecided = criterion(facts([row('undp.hdi', 2022, 0.5), row('sipri.milex.share_gdp', 2024, 2.6), row('wb.health_exp_gdp', 2024, 9)]), 8);
  assert.ok(!undecided.rulesFired.some((r) => r.ruleId === 'c8.low_development_militarised'));
  assert.ok(undecided.rulesUndetermined.some((u) => u.ruleId === 'c8.low_development_militarised' && u.missing.includes('sipri.milex.share_govt')));
  assert.ok(undecided.rulesFired.some((r) => r.ruleId === 'c8.low_development_military_burden'), 'one high measure at low development');
});

test('conventions counted against BICC\'s 29: the ones armsbrief does not hold are unknown, never absent', () => {
  const held = methodology.criteria[6].rules.find((r) => r.id === 'c6.few_conventions')!.reads;
  const fired = (joined: number) => criterion(facts(held.map((id, i) => row(id, 2000, i < joined ? 1 : 0))), 6).rulesFired.map((r) => r.ruleId);
  // 11 of 29 unknown: 11 joined + 11 unknown = 22 at most → fewer than 23 for certain.
  assert.ok(fired(11).includes('c6.few_conventions'));
  // 12 joined: 12 … 23 possible → cannot tell.
  assert.ok(!fired(12).includes('c6.few_conventions'));
  assert.ok(fired(6).includes('c6.very_few_conventions'), '6 + 11 = 17 < 18 whatever the unknown ones');
  assert.ok(!fired(7).includes('c6.very_few_conventions'));
});

test('every rule of methodology 2 says why its threshold is where it is, in both languages', () => {
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8] as const) {
    for (const r of methodology.criteria[n].rules) {
      assert.ok(r.reason?.de && r.reason.en, `${r.id} has a reason`);
      assert.doesNotMatch(JSON.stringify(r.when) + r.description.en, /"country"|\b(Kazakhstan|Ukraine|Russia)\b/, `${r.id} names no country`);
    }
  }
});
