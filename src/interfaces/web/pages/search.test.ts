import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSearch, type SearchPageData } from './search.js';
import { translator, type Lang } from '../i18n/index.js';

const view = (lang: Lang) => ({ lang, t: translator(lang), url: new URL('http://x/search?q=arms'), authed: false, writable: false, csrf: '' });
const data = (total: number, totalExact: boolean): SearchPageData => ({
  query: 'arms', filters: { country: null, criterion: null, language: null, year: null }, page: 1, pageSize: 20, total, totalExact, hits: [],
  facets: { country: [], criterion: [], lang: [{ value: 'en', count: total }], year: [] },
});

test('a bounded total reads "more than N" and the facets say what they count, in German and English', () => {
  const en = String(renderSearch(data(1000, false), view('en')));
  assert.match(en, /More than 1,000 passages found/);
  assert.match(en, /Counts among the first 1,000 matches/);
  const de = String(renderSearch(data(1000, false), view('de')));
  assert.match(de, /Mehr als 1\.000 Abschnitte gefunden/);
  assert.match(de, /Anzahlen unter den ersten 1\.000 Treffern/);
  const exact = String(renderSearch(data(1234, true), view('de')));
  assert.match(exact, /1\.234 Abschnitte gefunden/);
  assert.doesNotMatch(exact, /Mehr als|ersten/);
});
