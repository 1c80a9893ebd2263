import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { parseJsonl, readJsonl, type JsonlLine } from './jsonl.js';

const TEXT = '{"id":1,"text":"a"}\r\n\n  \n{"id":2\n[1,2]\n"x"\n{"text":"' + 'y'.repeat(50) + '"}\n{"id":3}';

test('one JSONL reader: numbered lines, blank lines skipped, bad lines named, the rest go on; streamed and in memory alike', async () => {
  const inMemory = [...parseJsonl(TEXT, { maxChars: 40 })];
  const streamed: JsonlLine[] = [];
  for await (const l of readJsonl(Readable.from([TEXT.slice(0, 7), TEXT.slice(7)]), { maxChars: 40 })) streamed.push(l);
  assert.deepEqual(streamed, inMemory);
  assert.deepEqual(inMemory.map((l) => [l.line, 'problem' in l ? l.problem : 'ok']), [
    [1, 'ok'], [4, 'invalid_json'], [5, 'not_object'], [6, 'not_object'], [7, 'too_large'], [8, 'ok'],
  ]);
  assert.deepEqual((inMemory[0] as { value: unknown }).value, { id: 1, text: 'a' });
  assert.match((inMemory[1] as { message: string }).message, /^not valid JSON \(/);
});
