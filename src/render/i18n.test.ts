import { test } from 'node:test';
import assert from 'node:assert/strict';
import { de } from './i18n/de.js';
import { en } from './i18n/en.js';
import { interpolate, placeholders } from './i18n/index.js';
import { CRITERION_NAMES, RATING_LABELS } from '../assess/labels.js';

test('German and English catalogues have the same keys', () => {
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
});

test('every message has the same placeholders in both languages and is not empty', () => {
  for (const key of Object.keys(en) as Array<keyof typeof en>) {
    assert.ok(en[key].trim() !== '' && de[key].trim() !== '', `empty message ${key}`);
    assert.deepEqual(placeholders(de[key]).sort(), placeholders(en[key]).sort(), `placeholders of ${key}`);
    assert.doesNotMatch(en[key] + de[key], /\bundefined\b|\bNaN\b|TODO|XXX|lorem/i, key);
  }
});

test('criterion names and rating labels agree with the assessment labels', () => {
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8] as const) {
    assert.equal(de[`criterion.${n}`], CRITERION_NAMES[n].de);
    assert.equal(en[`criterion.${n}`], CRITERION_NAMES[n].en);
  }
  for (const r of ['not_critical', 'possibly_critical', 'critical', 'no_data'] as const) {
    assert.equal(de[`rating.${r}`], RATING_LABELS[r].de);
    assert.equal(en[`rating.${r}`], RATING_LABELS[r].en);
  }
});

test('interpolation fills every placeholder and refuses missing ones', () => {
  assert.equal(interpolate('{a} of {b}', { a: '1', b: '2' }), '1 of 2');
  assert.throws(() => interpolate('{a} of {b}', { a: '1' }), /missing/);
});

test('country names take their article and case in German and "the" in English', async () => {
  const { germanCountry, englishCountry } = await import('./i18n/german-cases.js');
  assert.equal(germanCountry('Ukraine', 'dat'), 'der Ukraine');
  assert.equal(germanCountry('USA', 'nom'), 'die USA');
  assert.equal(germanCountry('Ukraine', 'nach'), 'in die Ukraine');
  assert.equal(germanCountry('Ägypten', 'nach'), 'nach Ägypten');
  assert.equal(germanCountry('Jemen', 'in'), 'im Jemen');
  assert.equal(germanCountry('Zentralafrikanische Republik', 'dat'), 'der Zentralafrikanischen Republik');
  assert.equal(germanCountry('Vereinigtes Königreich', 'acc'), 'das Vereinigte Königreich');
  assert.equal(germanCountry('Ägypten', 'gen'), 'Ägyptens');
  assert.equal(germanCountry('Laos', 'gen'), 'von Laos');
  assert.equal(englishCountry('United States', 'nom'), 'the United States');
  assert.equal(englishCountry('Egypt', 'in'), 'in Egypt');
  assert.equal(interpolate('{country:nom} gab 5 aus; Lieferungen an {country:acc}.', { country: 'Ukraine' }, 'de'), 'Die Ukraine gab 5 aus; Lieferungen an die Ukraine.');
  assert.equal(interpolate('{country:dat}', { country: 'Schweiz' }, 'de'), 'der Schweiz');
});
