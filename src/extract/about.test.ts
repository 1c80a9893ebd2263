import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from './pipeline.js';
import { sentenceStarts } from './about.js';

const aboutOf = (text: string, criterion: number, title?: string) => {
  const x = extractDocument({ text, title });
  return x.passages.map((p) => p.criteria.find((c) => c.criterion === criterion)?.about ?? null);
};

test('the evidence is about the states named where the criterion is, not every state the passage names', () => {
  // Seed 001's case: Kazakhstan's arms industry with a Ukrainian firm in passing.
  const kz = aboutOf(
    'Kasachstan produziert Rüstungsgüter mit Partnern aus der Ukraine. Kasachstan verkaufte Munition illegal weiter; der Schmuggel in Nachbarländer ist belegt.',
    7,
    'Kasachstan',
  );
  assert.deepEqual(kz, [['KZ']]);
  // Recruitment of mercenaries: the recruiting state is the actor of criterion 6.
  const ru = aboutOf('Russland rekrutiert Söldner und ausländische Kämpfer in Zentralasien, völkerrechtswidrig, berichten Medien aus Kasachstan.', 6);
  assert.deepEqual(ru, [['RU']]);
});

test('a state quoted as the source of a statement is not what the evidence is about', () => {
  const about = aboutOf('According to Washington, the Iranian government tortured detained protesters and executed dissidents.', 2);
  assert.deepEqual(about, [['IR']]);
});

test('a passage that names no state speaks of the primary state named before it', () => {
  const text = 'Kasachstan: Bericht zur Lage\n\nIn Kasachstan wurden Proteste gewaltsam aufgelöst.\n\nDie Polizei setzte Folter ein; Amnesty dokumentiert willkürliche Verhaftungen von Journalisten und Oppositionellen.';
  const about = aboutOf(text, 2);
  assert.deepEqual(about.at(-1), ['KZ']);
});

test('sentence starts', () => {
  const t = 'One sentence. Another one! A third? Yes.\nNew line';
  assert.deepEqual(sentenceStarts(t, 0, t.length), [0, 14, 27, 36, 41]);
});
