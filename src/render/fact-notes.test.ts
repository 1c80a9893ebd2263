import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesInNotes, parseConflictNote, parseSanctionNote, stateName } from './fact-notes.js';

test('GSDB notes: cases with senders and years', () => {
  assert.deepEqual(parseSanctionNote('case 1025: Japan 2014–2023; case 1028: Switzerland 2014–2023'), [
    { caseId: '1025', senders: ['Japan'], from: 2014, to: 2023 },
    { caseId: '1028', senders: ['Switzerland'], from: 2014, to: 2023 },
  ]);
  assert.deepEqual(parseSanctionNote('case 969: EU, Croatia, Norway 2013–2023')[0].senders, ['EU', 'Croatia', 'Norway']);
  assert.deepEqual(parseSanctionNote('case 12'), []);
  assert.deepEqual(parseSanctionNote(null), []);
});

test('UCDP notes: location, sides and the party role', () => {
  const [c] = parseConflictNote('conflicts 416 | 416: Central African Republic; Government of Central African Republic vs CPC; secondary A of 57');
  assert.deepEqual(c, { id: '416', location: 'Central African Republic', sideA: 'Government of Central African Republic', sideB: 'CPC', role: { kind: 'secondary', side: 'A', of: 57 } });
  const [u] = parseConflictNote('conflicts 13243 | 13243: Russia (Soviet Union), Ukraine; Government of Russia (Soviet Union) vs Government of Ukraine; primary B');
  assert.deepEqual(u.role, { kind: 'primary', side: 'B' });
  assert.deepEqual(parseConflictNote('conflicts 230'), []);
  assert.equal(stateName('Government of Yemen (North Yemen)'), 'Yemen');
  assert.deepEqual(namesInNotes(['conflicts 230 | 230: Yemen (North Yemen); Government of Yemen (North Yemen) vs Ansarallah; secondary B of 3', 'case 1: Italy 2019–2023']).sort(), ['Ansarallah', 'Italy', 'Yemen']);
});
