import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveCountry, countryName, isSovereignState, sovereignStateCodes } from './resolve.js';

test('dataset spellings resolve to alpha-2', () => {
  const cases: Array<[string, string]> = [
    ['Korea, North', 'KP'], ['Korea, South', 'KR'], ["Korea, Dem. People's Rep.", 'KP'], ['Korea, Rep.', 'KR'],
    ['Congo, DR', 'CD'], ['Congo, Rep.', 'CG'], ['DR Congo', 'CD'], ['Congo (Kinshasa)', 'CD'], ['Congo', 'CG'],
    ['Türkiye', 'TR'], ['Turkey', 'TR'], ['Viet Nam', 'VN'], ['Russia (Soviet Union)', 'RU'],
    ['Iran, Islamic Rep.', 'IR'], ['Egypt, Arab Rep.', 'EG'], ['Yemen (North Yemen)', 'YE'],
    ["Côte d'Ivoire", 'CI'], ["Cote d'Ivoire", 'CI'], ['Côte d’Ivoire', 'CI'], ['CÃ´te d\'Ivoire', 'CI'],
    ['Bolivia (Plurinational State of)', 'BO'], ['Venezuela, RB', 'VE'], ['Gambia, The', 'GM'],
    ['Micronesia, Fed. Sts.', 'FM'], ['Lao PDR', 'LA'], ['Syrian Arab Republic', 'SY'], ['Kyrgyz Republic', 'KG'],
    ['Slovak Republic', 'SK'], ['Czechia', 'CZ'], ['Eswatini', 'SZ'], ['Swaziland', 'SZ'], ['North Macedonia', 'MK'],
    ['Macedonia', 'MK'], ['Cabo Verde', 'CV'], ['Timor-Leste', 'TL'], ['St. Lucia', 'LC'], ['Hong Kong SAR, China', 'HK'],
    ['West Bank and Gaza', 'PS'], ['Palestine', 'PS'], ['Taiwan', 'TW'], ['Kosovo', 'XK'],
    ['Kasachstan', 'KZ'], ['Nordkorea', 'KP'], ['Vereinigte Arabische Emirate', 'AE'], ['Elfenbeinküste', 'CI'],
    ['USA', 'US'], ['US', 'US'], ['UK', 'GB'], ['UAE', 'AE'], ['VAE', 'AE'], ['DPRK', 'KP'], ['DR Kongo', 'CD'],
    ['kz', 'KZ'], ['KAZ', 'KZ'], ['deu', 'DE'], ['Россия', 'RU'], ['Allemagne', 'DE'],
  ];
  for (const [name, code] of cases) assert.equal(resolveCountry(name), code, name);
});

test('footnote marks, case and diacritics do not matter', () => {
  for (const name of ['Germany*', 'Germany **', 'GERMANY (a)', 'germany[1]', 'Germany¹', '  Germany  ']) assert.equal(resolveCountry(name), 'DE', name);
  assert.equal(resolveCountry('TURKIYE'), 'TR');
});

test('non-states and junk resolve to null', () => {
  for (const name of ['Soviet Union', 'USSR', 'Yugoslavia', 'Europe', 'European Union', 'Korea', 'Atlantis', '', '   ', '***', '12345', 'x'.repeat(500)]) {
    assert.equal(resolveCountry(name), null, name);
  }
  assert.equal(resolveCountry(undefined as unknown as string), null);
});

test('display names in German and English', () => {
  assert.equal(countryName('KZ', 'de'), 'Kasachstan');
  assert.equal(countryName('KZ', 'en'), 'Kazakhstan');
  assert.equal(countryName('US', 'en'), 'United States');
  assert.equal(countryName('KR', 'en'), 'South Korea');
  assert.equal(countryName('RU', 'de'), 'Russland');
  assert.equal(countryName('XK', 'de'), 'Kosovo');
  assert.equal(countryName('ZZ', 'en'), 'ZZ');
});

test('sovereign states: territories are not, XK/PS/TW are', () => {
  assert.equal(isSovereignState('HK'), false);
  assert.equal(isSovereignState('PR'), false);
  for (const c of ['DE', 'XK', 'PS', 'TW', 'VA', 'kz']) assert.equal(isSovereignState(c), true, c);
  const all = sovereignStateCodes();
  assert.ok(all.length >= 195 && all.length <= 200, `${all.length} states`);
});

test('resolving is fast once the maps are built', () => {
  resolveCountry('Germany');
  const t0 = performance.now();
  for (let i = 0; i < 20000; i++) resolveCountry(i % 2 ? 'Korea, Dem. People\'s Rep.' : 'Kasachstan');
  assert.ok(performance.now() - t0 < 1000);
});
