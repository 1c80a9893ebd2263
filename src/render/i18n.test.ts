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
