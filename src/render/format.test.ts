import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatList, formatMonth, formatNumber, formatPercent, formatSignedPercent, formatYear } from './format.js';

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
