import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useColor } from './context.js';

test('styling only on a terminal and never with NO_COLOR set', () => {
  const tty = { isTTY: true } as NodeJS.WriteStream;
  const pipe = { isTTY: false } as NodeJS.WriteStream;
  assert.equal(useColor(tty, {}), true);
  assert.equal(useColor(tty, { NO_COLOR: '1' }), false);
  assert.equal(useColor(tty, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
  assert.equal(useColor(pipe, {}), false);
});
