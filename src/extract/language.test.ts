import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { detectLanguage } from './language.js';

test('every dev-corpus document gets its gold language', () => {
  const dev = fs.readFileSync(path.resolve('../shared/corpus/dev/docs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  for (const d of dev) assert.equal(detectLanguage(d.text), d.lang, d.id);
});

test('other languages go through franc; too little text is undetermined', () => {
  assert.equal(detectLanguage('Les exportations d’armes vers l’Arabie saoudite ont fortement augmenté cette année, selon un rapport du gouvernement.'), 'fr');
  assert.equal(detectLanguage('Экспорт оружия в Казахстан значительно вырос в прошлом году, сообщает правительство страны.'), 'ru');
  assert.equal(detectLanguage('ok'), 'und');
  assert.equal(detectLanguage(''), 'und');
});
