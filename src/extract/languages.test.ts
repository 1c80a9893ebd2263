/**
 * One realistic news text per language beyond German and English (written for these tests, not
 * taken from anywhere): the language is told apart, and countries (names, inflected adjectives
 * and demonyms, capitals standing for the state), the document date, figures in the language's
 * number format and, for French, Spanish, Russian, Italian, Portuguese and Polish, criteria cues are found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from './pipeline.js';

interface Case {
  lang: string;
  text: string;
  countries: string[];
  primary: string;
  date: string;
  /** [value, unit] pairs that must be among the figures. */
  figures: Array<[number, string | null]>;
  /** Criteria that must be found (languages with criterion cues). */
  criteria?: number[];
  /** Languages with countries, dates and figures only (Dutch, Arabic). */
  countriesOnly?: boolean;
  /** Criteria that must not be found. */
  notCriteria?: number[];
}

const CASES: Case[] = [
  {
    lang: 'fr',
    text:
      "Paris, 14 mars 2024 (AFP) – Le gouvernement malien a annoncé mardi l'expulsion de l'ambassadeur de France, accusé d'ingérence. " +
      "Depuis le coup d'État de 2021, la junte au pouvoir à Bamako s'est rapprochée de Moscou : quelque 1 500 mercenaires russes du groupe Wagner " +
      "seraient déployés dans le pays. Selon un rapport de l'ONU, des combattants étrangers et des soldats maliens ont exécuté au moins 500 civils " +
      "à Moura en mars 2022, un massacre que l'armée nie.\n\n" +
      "Les sanctions régionales ont été levées, mais l'économie reste fragile : le budget de la défense atteint 22 % des dépenses publiques. " +
      "Le Burkina Faso et le Niger voisins, eux aussi dirigés par des militaires, ont formé avec le Mali une alliance de défense. " +
      "L'Algérie s'inquiète des combats près de sa frontière, où des rebelles affrontent l'armée malienne.",
    countries: ['BF', 'DZ', 'FR', 'ML', 'NE', 'RU'],
    primary: 'ML',
    date: '2024-03-14',
    figures: [[1500, 'persons'], [22, 'percent']],
    criteria: [2, 3, 6, 8],
    notCriteria: [7],
  },
  {
    lang: 'es',
    text:
      'Caracas, 3 de agosto de 2024. – El Gobierno venezolano ordenó la detención de más de 2.000 manifestantes tras las elecciones presidenciales, ' +
      'según una organización local de derechos humanos. Human Rights Watch denunció torturas y desapariciones forzadas en las cárceles del país. ' +
      'Estados Unidos y la Unión Europea anunciaron nuevas sanciones contra funcionarios de Venezuela, mientras Brasil y Colombia pidieron la publicación de las actas.\n\n' +
      'Las autoridades de Bogotá advierten además que grupos armados colombianos se refugian en territorio venezolano y financian sus operaciones ' +
      'con el narcotráfico y el contrabando de armas. La inflación superó el 190 % en 2023 y la pobreza afecta a más de la mitad de la población; ' +
      'el gasto militar, en cambio, creció un 12 por ciento, con la compra de drones iraníes y aviones rusos.',
    countries: ['BR', 'CO', 'IR', 'RU', 'US', 'VE'],
    primary: 'VE',
    date: '2024-08-03',
    figures: [[2000, 'persons'], [190, 'percent'], [12, 'percent']],
    criteria: [2, 3, 7, 8],
  },
  {
    lang: 'ru',
    text:
      'Москва, 12 апреля 2023 года. Россия и Иран расширяют военное сотрудничество: по данным украинской разведки, с августа прошлого года ' +
      'российские войска получили более 2400 иранских беспилотников. Киев утверждает, что эти поставки оружия нарушают резолюцию 2231 ' +
      'Совета Безопасности ООН и режим санкций. В Тегеране обвинения отвергают.\n\n' +
      'Удары беспилотников по жилым кварталам Одессы и Харькова унесли жизни десятков мирных жителей; правозащитники называют обстрелы ' +
      'военными преступлениями. Тем временем Белоруссия принимает на своей территории наёмников ЧВК «Вагнер», что вызывает тревогу ' +
      'у соседних Польши и Литвы. Военные расходы России в 2023 году выросли до 6 % ВВП.',
    countries: ['BY', 'IR', 'LT', 'PL', 'RU', 'UA'],
    primary: 'RU',
    date: '2023-04-12',
    figures: [[2400, 'items'], [6, 'percent']],
    criteria: [1, 2, 4, 6, 7, 8],
  },
  {
    lang: 'it',
    text:
      "Roma, 5 giugno 2023 – Il governo italiano ha autorizzato l'esportazione di 24 elicotteri verso l'Egitto per un valore di 1,2 miliardi di euro, " +
      "nonostante le proteste delle organizzazioni per i diritti umani. Secondo fonti del ministero, anche la Turchia e gli Emirati Arabi Uniti " +
      'hanno chiesto forniture simili. Alcuni parlamentari tedeschi e francesi hanno criticato la decisione, mentre il Cairo ha ringraziato ' +
      "Roma. L'Egitto è oggi il primo acquirente di armi italiane in Africa e ha firmato contratti con la Francia per altri 30 caccia.\n\n" +
      'Secondo Amnesty International, in Egitto migliaia di oppositori sono in detenzione arbitraria e la tortura nelle carceri è sistematica. ' +
      "Nel Sinai l'esercito combatte da anni gruppi armati jihadisti, e gli scontri hanno causato centinaia di sfollati.",
    countries: ['AE', 'DE', 'EG', 'FR', 'IT', 'TR'],
    primary: 'EG',
    date: '2023-06-05',
    figures: [[1.2e9, 'EUR']],
    criteria: [2, 3],
    notCriteria: [5, 6],
  },
  {
    lang: 'pt',
    text:
      'Brasília, 10 de outubro de 2022 – O governo brasileiro confirmou a venda de 28 blindados às Filipinas, num contrato de 150 milhões de dólares. ' +
      'A Argentina e o Chile também manifestaram interesse, enquanto Angola e Moçambique negociam a compra de aviões de ataque leve. ' +
      'Segundo o ministério, as exportações de defesa do Brasil cresceram 30 % em relação ao ano anterior. Analistas portugueses lembram ' +
      'que Lisboa já opera o novo cargueiro militar brasileiro.',
    countries: ['AO', 'AR', 'BR', 'CL', 'MZ', 'PH', 'PT'],
    primary: 'BR',
    date: '2022-10-10',
    figures: [[150e6, 'USD'], [30, 'percent']],
    notCriteria: [2, 3],
  },
  {
    lang: 'nl',
    text:
      'Amsterdam, 21 februari 2024 – Het Nederlandse kabinet levert 24 gevechtsvliegtuigen aan Oekraïne, maakte de minister van Defensie dinsdag bekend. ' +
      'België en Denemarken sturen eveneens toestellen, terwijl Noorwegen de opleiding van Oekraïense piloten betaalt. Moskou noemt de leveringen ' +
      'een gevaarlijke escalatie. De totale Nederlandse militaire steun aan Kyiv bedraagt inmiddels 2,5 miljard euro. Een rechter oordeelde eerder ' +
      'dat de export van onderdelen voor gevechtsvliegtuigen naar Israël moet stoppen.',
    countries: ['BE', 'DK', 'IL', 'NL', 'NO', 'RU', 'UA'],
    primary: 'UA',
    date: '2024-02-21',
    figures: [[2.5e9, 'EUR']],
    countriesOnly: true,
  },
  {
    lang: 'pl',
    text:
      'Warszawa, 7 listopada 2023 r. – Polska podpisała z Koreą Południową umowę na dostawę 180 czołgów o wartości 6,5 mld dolarów. ' +
      'Według ministerstwa obrony pierwsze egzemplarze trafią do jednostek przy granicy z Białorusią jeszcze w tym roku. Polskie władze ' +
      'uzasadniają zakupy zagrożeniem ze strony Rosji, która od lutego 2022 r. prowadzi wojnę z Ukrainą, a jej drony kilkakrotnie naruszyły ' +
      'polską przestrzeń powietrzną. Berlin i Waszyngton popierają ' +
      'modernizację polskiej armii, a Litwa i Łotwa rozważają podobne zamówienia. Wydatki na obronę mają w przyszłym roku sięgnąć 4 proc. PKB.',
    countries: ['BY', 'DE', 'KR', 'LT', 'LV', 'PL', 'RU', 'UA', 'US'],
    primary: 'PL',
    date: '2023-11-07',
    figures: [[6.5e9, 'USD'], [4, 'percent']],
    criteria: [4, 5, 8],
  },
  {
    lang: 'ar',
    text:
      'الرياض، 15 مارس 2024 - أعلنت المملكة العربية السعودية عن صفقة لشراء 48 طائرة مقاتلة من المملكة المتحدة بقيمة 10 مليارات دولار. ' +
      'وقالت مصادر في القاهرة إن مصر تتفاوض أيضا مع فرنسا على طائرات مقاتلة، بينما تواصل الإمارات العربية المتحدة مشترياتها من الولايات المتحدة. ' +
      'وفي اليمن، يواصل الحوثيون المدعومون من إيران شن هجمات على السفن التجارية في البحر الأحمر، وتقول السعودية إن أمنها مهدد.',
    countries: ['AE', 'EG', 'FR', 'GB', 'IR', 'SA', 'US', 'YE'],
    primary: 'SA',
    date: '2024-03-15',
    figures: [[10e9, 'USD']],
    countriesOnly: true,
  },
];

for (const c of CASES) {
  test(`${c.lang}: language, countries, primary state, date, figures${c.countriesOnly ? '' : ' and criteria'} of a news text`, () => {
    const x = extractDocument({ text: c.text });
    assert.equal(x.language, c.lang, 'detected language');
    assert.equal(x.support, c.countriesOnly ? 'countries' : 'full');
    assert.deepEqual(x.countries.map((k) => k.code).sort(), c.countries, 'countries');
    assert.equal(x.primary[0], c.primary, `primary ${x.primary}`);
    assert.equal(x.date, c.date, 'date');
    for (const [value, unit] of c.figures) {
      assert.ok(x.figures.some((f) => Math.abs(f.value - value) < 1e-6 * Math.max(1, value) && f.unit === unit),
        `figure ${value} ${unit} in ${JSON.stringify(x.figures.map((f) => [f.value, f.unit, f.text]))}`);
    }
    const found = x.criteria.map((k) => k.criterion);
    for (const k of c.criteria ?? []) assert.ok(found.includes(k), `criterion ${k} in ${JSON.stringify(x.criteria)}`);
    for (const k of c.notCriteria ?? []) assert.ok(!found.includes(k), `no criterion ${k} in ${JSON.stringify(x.criteria)}`);
    // explainable: every cue shown is a word of the text
    for (const k of x.criteria) for (const cue of k.cues) for (const part of cue.split(' … ')) assert.ok(c.text.includes(part), `cue "${part}"`);
  });
}

test('Arabic-Indic digits: figures and the dateline date, with offsets into the original text', () => {
  const text = 'القاهرة، ١٥ مارس ٢٠٢٤ - اشترت مصر ٢٤ طائرة مقاتلة بقيمة ٤٫٥ مليار دولار، وارتفع الإنفاق العسكري ١٢ بالمئة.';
  const x = extractDocument({ text });
  assert.equal(x.language, 'ar');
  assert.equal(x.date, '2024-03-15');
  const money = x.figures.find((f) => f.unit === 'USD');
  assert.ok(money && money.value === 4.5e9, JSON.stringify(x.figures));
  assert.equal(text.slice(money.start, money.end), money.text);
  assert.ok(money.text.startsWith('٤٫٥'));
  assert.ok(x.figures.some((f) => f.value === 24 && f.unit === 'items'));
  assert.ok(x.figures.some((f) => f.value === 12 && f.unit === 'percent'));
  assert.deepEqual(x.countries.map((c) => c.code), ['EG']);
});

test('a weekday-led display date at the top is page chrome in other languages too', () => {
  assert.equal(extractDocument({ text: 'Jeudi, 12 septembre 2024\nLe gouvernement malien a expulsé l\'ambassadeur de France après des mois de tensions.' }).date, null);
  assert.equal(extractDocument({ text: 'Четверг, 12 сентября 2024\nПравительство Мали выслало посла Франции после нескольких месяцев напряжённости.' }).date, null);
});
