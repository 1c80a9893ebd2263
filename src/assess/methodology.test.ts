import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseMethodology } from './methodology.js';

const raw = () => JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8'));

test('the shipped methodology is valid, versioned and covers all eight criteria', () => {
  const m = parseMethodology(raw());
  assert.equal(m.id, 'bicc-plus');
  assert.match(m.version, /^\d+\.\d+\.\d+$/);
  assert.equal(m.staleAfterYears, 3);
  assert.deepEqual(Object.keys(m.criteria), ['1', '2', '3', '4', '5', '6', '7', '8']);
  for (const c of Object.values(m.criteria)) assert.ok(c.rules.length >= 2);
});

test('errors name the rule and what is wrong', () => {
  const cases: Array<[(m: any) => void, RegExp]> = [
    [(m) => (m.criteria['2'].rules[1].when.op = '=>'), /rule c2\.severe_political_terror: when: "op" must be one of/],
    [(m) => (m.criteria['2'].rules[1].reads = ['pts.amnesty']), /rule c2\.severe_political_terror: "reads" lacks "pts\.hrw"/],
    [(m) => (m.criteria['1'].rules[0].when.indicator = 'gsdb.nothing'), /rule c1\.un_arms_embargo: when.*unknown indicator "gsdb\.nothing"/],
    [(m) => delete m.criteria['3'].rules[0].fixture, /rule c3\.internal_armed_conflict: fixture: every rule needs a "fixture"/],
    [(m) => delete m.criteria['4'].rules[0].description.de, /rule c4\.interstate_conflict_party: description: "de" must be a non-empty string/],
    [(m) => (m.criteria['5'].rules[0].rating = 'bad'), /rule c5\.eu_embargo_and_interstate_war: "rating" must be one of/],
    [(m) => (m.criteria['7'].rules.find((r: { id: string }) => r.id === 'c7.corroborated_evidence').when.evidence.corroboration = 'any'), /rule c7\.corroborated_evidence: .*evidence counts only when corroborated/],
    [(m) => (m.criteria['8'].rules[1].id = 'c8.low_development_militarised'), /rule c8\.low_development_militarised: duplicate rule id/],
    [(m) => (m.criteria['6'].rules[0].id = 'c1.misplaced'), /rule c1\.misplaced: id must look like "c6\./],
    [(m) => delete m.criteria['8'], /criterion 8: missing/],
    [(m) => delete m.version, /"version" must be a non-empty string/],
  ];
  for (const [mutate, expected] of cases) {
    const m = raw();
    mutate(m);
    assert.throws(() => parseMethodology(m), (err: Error) => {
      assert.match(err.message, expected);
      assert.equal((err as { code?: string }).code, 'methodology_invalid');
      return true;
    });
  }
});

test('$comment keys are allowed anywhere', () => {
  const m = raw();
  m.criteria['1'].rules[0].$comment = 'why this rule';
  m.criteria['1'].rules[0].when.$comment = 'why this threshold';
  assert.doesNotThrow(() => parseMethodology(m));
});

test('docs/methodology.md lists every rule of the bundled methodology, with its version', () => {
  const raw = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8'));
  const doc = fs.readFileSync(path.resolve(process.cwd(), 'docs/methodology.md'), 'utf8');
  assert.ok(doc.includes(`(bicc-plus ${raw.version})`), 'the criterion table names the current version');
  for (const n of ['1', '2', '3', '4', '5', '6', '7', '8']) {
    for (const r of raw.criteria[n].rules) assert.ok(doc.includes('`' + r.id + '`'), `${r.id} is documented`);
  }
});
