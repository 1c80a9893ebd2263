import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatFixed, formatList, formatMonth, formatNumber, formatPercent, formatSignedPercent, formatSignificant, formatYear, isLang, pluralCategory, selectPlurals } from './locale.js';

test('numbers per locale: 1.145 / 1,145', () => {
  assert.equal(formatNumber(1145, 'de'), '1.145');
  assert.equal(formatNumber(1145, 'en'), '1,145');
  assert.equal(formatNumber(1145.3, 'de', 0), '1.145');
  assert.equal(formatNumber(187.7, 'de', 1), '187,7');
  assert.equal(formatNumber(187.7, 'en', 1), '187.7');
  assert.equal(formatNumber(0.802, 'de', 3), '0,802');
  assert.equal(formatNumber(2.51, 'de', 2), '2,51');
  assert.equal(formatNumber(3, 'de', 2), '3');
  assert.equal(formatNumber(-0.001, 'en', 1), '0');
});

test('automatic decimals depend on size', () => {
  assert.equal(formatNumber(1175.2, 'en'), '1,175');
  assert.equal(formatNumber(85.46, 'en'), '85.5');
  assert.equal(formatNumber(0.4284, 'en'), '0.43');
});

test('non-finite numbers are refused, never printed as NaN', () => {
  assert.throws(() => formatNumber(Number.NaN, 'de'), RangeError);
  assert.throws(() => formatNumber(Infinity, 'en'), RangeError);
});

test('percent per locale: 0,4 % / 0.4%', () => {
  assert.equal(formatPercent(0.428428469566, 'de'), '0,4\u00a0%');
  assert.equal(formatPercent(0.428428469566, 'en'), '0.4%');
  assert.equal(formatPercent(88.4, 'de'), '88,4\u00a0%');
  assert.equal(formatSignedPercent(-43.3, 'de', 0), '−43\u00a0%');
  assert.equal(formatSignedPercent(12.5, 'en'), '+12.5%');
});

test('months and dates per locale: Juni 2026 / June 2026', () => {
  assert.equal(formatMonth('2026-06-30', 'de'), 'Juni 2026');
  assert.equal(formatMonth('2026-06', 'en'), 'June 2026');
  assert.equal(formatDate('2024-03-03', 'de'), '3. März 2024');
  assert.equal(formatDate('2024-03-03', 'en'), '3 March 2024');
  assert.equal(formatDate('2024', 'de'), '2024');
  assert.equal(formatDate('2026-06', 'de'), 'Juni 2026');
  assert.equal(formatYear(2024), '2024');
});

test('lists per locale', () => {
  assert.equal(formatList(['A', 'B', 'C'], 'de'), 'A, B und C');
  assert.equal(formatList(['A', 'B', 'C'], 'en'), 'A, B and C');
});

test('plural forms by Intl.PluralRules, fixed decimals and significant digits per locale', () => {
  const t = '{n, plural, one {# neue Passage} other {# neue Passagen}} in {where}';
  assert.equal(selectPlurals(t, { n: 1 }, 'de'), '1 neue Passage in {where}');
  assert.equal(selectPlurals(t, { n: 1145 }, 'de'), '1.145 neue Passagen in {where}');
  assert.equal(selectPlurals('{n, plural, one {# passage} other {# passages}}', { n: 0 }, 'en'), '0 passages');
  assert.throws(() => selectPlurals(t, {}, 'de'), /plural count \{n\} missing/);
  assert.equal(pluralCategory(1, 'en'), 'one');
  assert.equal(formatFixed(0.25, 'de'), '0,25');
  assert.equal(formatFixed(-0.001, 'en'), '0.00');
  assert.equal(formatFixed(1, 'en', 2), '1.00');
  assert.equal(formatSignificant(0.428428469566, 'de'), '0,4284');
  assert.equal(formatSignificant(12090.5, 'en'), '12,090');
  assert.equal(formatSignificant(-1.00414, 'de'), '-1,004');
  assert.ok(isLang('de') && !isLang('fr'));
});
