/** The one error shape: the same JSON for HTTP, `--json` and JSON.stringify, and one exit-code mapping. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, EXIT, errorBody, exitCodeFor } from './errors.js';

test('errorBody, toJSON and JSON.stringify give one shape: { error: { code, message, hint? } }', () => {
  const err = new AppError('usage', 'A criterion is a number from 1 to 8, not 9.', { hint: 'Try 1 to 8.' });
  const body = { error: { code: 'usage', message: 'A criterion is a number from 1 to 8, not 9.', hint: 'Try 1 to 8.' } };
  assert.deepEqual(errorBody(err), body);
  assert.deepEqual(JSON.parse(JSON.stringify(err)), body);
  assert.deepEqual(errorBody(new AppError('not_found', 'No document.', { status: 404 })), { error: { code: 'not_found', message: 'No document.' } });
  const unexpected = errorBody(new TypeError('x is undefined'));
  assert.equal(unexpected.error.code, 'internal');
  assert.match(unexpected.error.message, /x is undefined/);
  assert.ok(unexpected.error.hint);
});

test('exit codes: 2 usage, 3 not found, 4 store, 70 internal; 1 only for an input that could not be processed', () => {
  assert.equal(exitCodeFor(new AppError('usage', 'bad')), EXIT.usage);
  assert.equal(exitCodeFor(new AppError('job_not_retryable', 'done already', { status: 409 })), EXIT.usage);
  assert.equal(exitCodeFor(new AppError('not_found', 'none', { status: 404 })), EXIT.notFound);
  assert.equal(exitCodeFor(new AppError('store_in_use', 'in use', { status: 409 })), EXIT.store);
  assert.equal(exitCodeFor(new AppError('store_unreachable', 'down', { status: 503 })), EXIT.store);
  assert.equal(exitCodeFor(new AppError('too_large', 'too big', { status: 413 })), EXIT.partial);
  assert.equal(exitCodeFor(new AppError('internal', 'bug', { status: 500 })), EXIT.internal);
  assert.equal(exitCodeFor(new Error('unexpected')), EXIT.internal, 'an unexpected error never exits 1');
});
