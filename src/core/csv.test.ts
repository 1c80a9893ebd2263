import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './csv.js';

test('CSV: quotes, line breaks and formulas are safe; numbers, booleans and empty cells as expected', () => {
  const csv = toCsv({ columns: ['a', 'b', 'c', 'd'], rows: [['=HYPERLINK("x")', 'say "hi", then\nleave', -1.5, true], ['@SUM(A1)', null, undefined, '+1'], ['-2', '\tx', 0, false]] });
  assert.equal(csv,
    'a,b,c,d\r\n' +
    `"'=HYPERLINK(""x"")","say ""hi"", then\nleave",-1.5,true\r\n` +
    "'@SUM(A1),,,'+1\r\n" +
    "'-2,'\tx,0,false\r\n");
});
