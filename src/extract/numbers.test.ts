import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNumber, formatNumber, scaleOf } from './numbers.js';

test('German and English formats', () => {
  assert.equal(parseNumber('13.221', 'de'), 13221);
  assert.equal(parseNumber('495.000', 'de'), 495000);
  assert.equal(parseNumber('1,5', 'de'), 1.5);
  assert.equal(parseNumber('0,4', 'de'), 0.4);
  assert.equal(parseNumber('2,26', 'de'), 2.26);
  assert.equal(parseNumber('12.000.000.000.000', 'de'), 12e12);
  assert.equal(parseNumber('1.145', 'de'), 1145);
  assert.equal(parseNumber('500,000', 'en'), 500000);
  assert.equal(parseNumber('10,000', 'en'), 10000);
  assert.equal(parseNumber('2.43', 'en'), 2.43);
  assert.equal(parseNumber('-3,7', 'de'), -3.7);
  assert.equal(parseNumber('12 000', 'de'), 12000);
});

test('malformed numbers are null, not guesses', () => {
  for (const s of ['', ' ', '1.2.3', '12,34,5', 'abc', '1..2', '1,2,3', '.', ',', '1.23.456', '--1']) assert.equal(parseNumber(s, 'de'), null, s);
  assert.equal(parseNumber('1.2.3', 'en'), null);
  assert.equal(parseNumber('9'.repeat(400), 'en'), null);
});

test('scale words depend on the language (German Billion = 10^12)', () => {
  assert.equal(scaleOf('Mio.', 'de'), 1e6);
  assert.equal(scaleOf('Billion', 'de'), 1e12);
  assert.equal(scaleOf('billion', 'en'), 1e9);
  assert.equal(scaleOf('trillion', 'en'), 1e12);
});

test('property: formatting then parsing returns the number, in both locales', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('de', 'en'), (n, digits, lang) => {
      const value = n / 10 ** digits;
      const text = formatNumber(value, lang, digits);
      const parsed = parseNumber(text, lang);
      assert.ok(parsed !== null && Math.abs(parsed - value) < 1e-6 * Math.max(1, Math.abs(value)), `${text} → ${parsed}`);
    }),
    { numRuns: 500 },
  );
});

test('property: any string gives a finite number or null, quickly', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), fc.constantFrom('de', 'en'), (s, lang) => {
      const v = parseNumber(s, lang);
      assert.ok(v === null || Number.isFinite(v));
    }),
    { numRuns: 1000 },
  );
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9.,]{0,60}$/), (s) => {
      const v = parseNumber(s, 'de');
      assert.ok(v === null || Number.isFinite(v));
    }),
    { numRuns: 1000 },
  );
});
