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

test('the languages with country lexicons are told apart, and each reports how much extraction it gets', async () => {
  const { extractionSupport } = await import('./language.js');
  const samples: Record<string, string> = {
    fr: 'Le gouvernement a annoncé de nouvelles livraisons d’armes malgré les critiques des organisations de défense des droits humains.',
    es: 'El gobierno anunció nuevas entregas de armas a pesar de las críticas de las organizaciones de derechos humanos del país.',
    it: 'Il governo ha annunciato nuove consegne di armi nonostante le critiche delle organizzazioni per i diritti umani del paese.',
    pt: 'O governo anunciou novas entregas de armas apesar das críticas das organizações de direitos humanos do país e da oposição.',
    nl: 'De regering heeft nieuwe wapenleveringen aangekondigd ondanks de kritiek van mensenrechtenorganisaties in het land.',
    pl: 'Rząd ogłosił nowe dostawy broni pomimo krytyki ze strony organizacji praw człowieka w kraju i za granicą.',
    ru: 'Правительство объявило о новых поставках оружия, несмотря на критику правозащитных организаций внутри страны.',
    ar: 'أعلنت الحكومة عن شحنات أسلحة جديدة رغم انتقادات منظمات حقوق الإنسان في البلاد وخارجها خلال الأسبوع الماضي.',
  };
  for (const [lang, text] of Object.entries(samples)) assert.equal(detectLanguage(text), lang, lang);
  for (const lang of ['de', 'en', 'fr', 'es', 'ru', 'it', 'pt', 'pl']) assert.equal(extractionSupport(lang), 'full', lang);
  for (const lang of ['nl', 'ar']) assert.equal(extractionSupport(lang), 'countries', lang);
  for (const lang of ['sv', 'tr', 'und']) assert.equal(extractionSupport(lang), 'unsupported', lang);
});

test('Cyrillic languages are told apart by their letters where trigrams waver on short texts', () => {
  assert.equal(detectLanguage('Россия и Южная Корея, а также Бразилия и Канада подписали договор. Поставки в Австралию и Швецию.'), 'ru');
  assert.equal(detectLanguage('Україна отримала нові системи протиповітряної оборони від союзників, повідомило міністерство оборони.'), 'uk');
  assert.equal(detectLanguage('България изнася оръжие за редица държави, съобщи министерството на икономиката в понеделник.'), 'bg');
});

test('a short Polish text is Polish, not a far language trigrams confuse it with', () => {
  assert.equal(detectLanguage('Polska kupiła czołgi od Korei Południowej, a Kanada i Australia dostarczyły amunicję.'), 'pl');
});

test('a short Russian line without ы, э or ё is Russian, not Bulgarian; Bulgarian with ъ stays Bulgarian', () => {
  assert.equal(detectLanguage('В Тегеране обвинения отвергают.'), 'ru');
  assert.equal(detectLanguage('България и Румъния подписаха споразумение за отбрана и сигурност в Черно море.'), 'bg');
});
