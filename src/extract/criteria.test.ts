import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPassage, findCues, scoreCueHits } from './criteria.js';
import { extractDocument } from './pipeline.js';

const criteriaOf = (text: string, lang: string) => classifyPassage(text, lang).map((c) => c.criterion);

test('each criterion has German and English evidence that fires it, with the cues shown', () => {
  const cases: Array<[number, string, string]> = [
    [1, 'de', 'Das UN-Waffenembargo wurde verletzt; neue Sanktionen des Sicherheitsrats folgten.'],
    [1, 'en', 'The UN arms embargo was breached, and the Security Council extended sanctions.'],
    [2, 'de', 'Amnesty dokumentiert Folter und willkürliche Verhaftungen von Journalisten.'],
    [2, 'en', 'Police used torture and arbitrary arrests against journalists, human rights groups say.'],
    [3, 'de', 'Nach dem Militärputsch kam es zu Massenprotesten und Unruhen im ganzen Land.'],
    [3, 'en', 'After the coup, mass protests and unrest spread while rebels fought government forces.'],
    [4, 'de', 'Der Grenzkonflikt eskalierte: Artilleriebeschuss und ein Einmarsch ins Nachbarland.'],
    [4, 'en', 'The border dispute escalated into an invasion with artillery shelling across the border.'],
    [5, 'de', 'Die hybriden Angriffe sollen die EU-Außengrenze und NATO-Staaten destabilisieren.'],
    [5, 'en', 'The hybrid attack aims to destabilise an EU member and threatens NATO allies.'],
    [6, 'de', 'Die Regierung setzt Söldner der Wagner-Gruppe ein und bricht das Völkerrecht.'],
    [6, 'en', 'The government hired mercenaries and foreign fighters in breach of international law.'],
    [7, 'de', 'Die Waffen wurden weiterverkauft und über den Schwarzmarkt geschmuggelt.'],
    [7, 'en', 'The rifles were smuggled and resold on the black market to unintended end users.'],
    [8, 'de', 'Die Militärausgaben liegen bei 10 Prozent des Bruttoinlandsprodukts, trotz Armut.'],
    [8, 'en', 'Military spending reached 10% of GDP in one of the poorest countries.'],
  ];
  for (const [criterion, lang, text] of cases) {
    const found = classifyPassage(text, lang).find((c) => c.criterion === criterion);
    assert.ok(found, `${criterion} ${lang}: ${text}`);
    assert.ok(found.score > 0.5 && found.score <= 1);
    // a pair feature shows its two words as "a … b"
    assert.ok(found.cues.length > 0 && found.cues.every((c) => c.split(' … ').every((part) => text.includes(part))), `cues ${found.cues}`);
  }
});

test('criteria in French, Spanish and Russian', () => {
  const cases: Array<[number, string, string]> = [
    [1, 'fr', "Le Conseil de sécurité a renforcé l'embargo sur les armes et les sanctions contre le régime."],
    [2, 'fr', 'Amnesty International dénonce la torture et les détentions arbitraires de journalistes.'],
    [3, 'fr', "Après le coup d'État, des manifestations et des affrontements entre rebelles et armée ont éclaté."],
    [7, 'fr', "Des armes livrées à l'armée ont été revendues au marché noir par des trafiquants."],
    [2, 'es', 'Human Rights Watch denunció torturas y detenciones arbitrarias contra manifestantes.'],
    [3, 'es', 'La guerra civil y el narcotráfico de los cárteles mantienen la inestabilidad del país.'],
    [8, 'es', 'El gasto militar supera el 4 % del PIB mientras la pobreza y la inflación crecen.'],
    [4, 'ru', 'Вторжение продолжается: артиллерия обстреливает приграничные районы, войска наступают.'],
    [6, 'ru', 'Москва вербует наемников ЧВК за рубежом в нарушение международного права.'],
    [2, 'ru', 'Правозащитники сообщают о пытках и политических заключенных, журналисты арестованы.'],
  ];
  for (const [criterion, lang, text] of cases) {
    const found = classifyPassage(text, lang).find((c) => c.criterion === criterion);
    assert.ok(found, `${criterion} ${lang}: ${text} → ${JSON.stringify(classifyPassage(text, lang))}`);
    assert.ok(found.cues.every((c) => c.split(' … ').every((part) => text.includes(part))), `cues ${found.cues}`);
  }
});

test('criteria in Italian, Portuguese and Polish, with negation', () => {
  const cases: Array<[number, string, string]> = [
    [2, 'it', 'La polizia ha represso le proteste con gas lacrimogeni e decine di manifestanti sono stati arrestati.'],
    [2, 'pt', 'O exército foi acusado de tortura e execuções extrajudiciais de civis.'],
    [6, 'pt', 'A Rússia violou a soberania da Ucrânia e o direito internacional com mercenários do grupo Wagner.'],
    [2, 'pl', 'Policja użyła gazu łzawiącego, a setki demonstrantów aresztowano; Amnesty International mówi o torturach.'],
    [7, 'pl', 'Rosja przemyca broń na czarny rynek z naruszeniem embarga ONZ.'],
    [1, 'pl', 'Rada Bezpieczeństwa przedłużyła sankcje i embargo na broń.'],
  ];
  for (const [criterion, lang, text] of cases) {
    const found = classifyPassage(text, lang).find((c) => c.criterion === criterion);
    assert.ok(found, `${criterion} ${lang}: ${text} → ${JSON.stringify(classifyPassage(text, lang))}`);
  }
  assert.ok(!criteriaOf('La commissione non ha trovato nessuna prova di torture o arresti arbitrari.', 'it').includes(2));
});

test('negation: cues after "found no evidence of" do not count', () => {
  assert.ok(criteriaOf('Police used torture against detained protesters, human rights groups say.', 'en').includes(2));
  assert.ok(!criteriaOf('An independent inquiry found no evidence of torture or arbitrary detention of protesters.', 'en').includes(2));
  assert.ok(!criteriaOf('Die Untersuchung fand keine Hinweise auf Folter oder willkürliche Verhaftungen.', 'de').includes(2));
  assert.ok(!criteriaOf('Observers did not find torture or arbitrary detention in the prisons they visited.', 'en').includes(2));
  assert.ok(!criteriaOf('Es gibt keine Anzeichen für Folter oder willkürliche Verhaftungen.', 'de').includes(2));
  // hedged claims stay evidence: "allegedly", a denial
  assert.ok(criteriaOf('The militia allegedly used torture and arbitrary arrests against journalists, which the government denied.', 'en').includes(2));
  // the scope ends with the sentence
  assert.ok(criteriaOf('The inquiry found no evidence of a cover-up. Torture and arbitrary arrests of journalists continue.', 'en').includes(2));
});

test('pair features: two words that are evidence only together', () => {
  const c2 = classifyPassage('A missile strike on a residential building in the capital injured 30 civilians overnight.', 'en').find((c) => c.criterion === 2);
  assert.ok(c2 && c2.cues.some((c) => c.includes(' … ')), JSON.stringify(c2));
  const c5 = classifyPassage('Russian drones violated the airspace of NATO members Poland and Romania, officials said.', 'en').find((c) => c.criterion === 5);
  assert.ok(c5, 'allies + violation');
  assert.ok(!criteriaOf('NATO members met in Brussels to discuss the budget.', 'en').includes(5));
});

test('a cue inside a longer cue of another criterion does not count: "war" in "civil war"', () => {
  const hits = findCues('The civil war and war crimes were discussed.', 'en');
  const scores = scoreCueHits('The civil war and war crimes were discussed.', hits);
  const c4 = scores.find((s) => s.criterion === 4);
  assert.ok(!c4 || !c4.cues.includes('war'), JSON.stringify(scores));
});

test('sport, culture and consumer tech give no criteria', () => {
  assert.deepEqual(criteriaOf('Deutschland spielt unentschieden gegen Spanien in der Nations League.', 'de'), []);
  assert.deepEqual(criteriaOf('The Palme d’Or went to a French filmmaker for a judicial thriller.', 'en'), []);
  assert.deepEqual(criteriaOf('Samsung launches budget smartphones in India to take on Xiaomi.', 'en'), []);
});

test('a German "war" (was) is not the English cue', () => {
  const hits = findCues('Er war in Berlin und es war kalt.', 'de');
  assert.ok(!hits.some((h) => h.criterion === 4));
});

test('overlapping cues of one criterion count once', () => {
  const text = 'Söldnergruppen';
  const s = scoreCueHits(text, findCues(text, 'de')).find((c) => c.criterion === 6)!;
  assert.deepEqual(s.cues, ['Söldnergruppen']);
});

test('seed 001 (the BICC brief) gives evidence for all eight criteria', () => {
  const text = readFileSync(join('..', 'shared', 'corpus', 'seeds', '001_424b8fa61388b790.txt'), 'utf8');
  assert.deepEqual(extractDocument({ text }).criteria.map((c) => c.criterion), [1, 2, 3, 4, 5, 6, 7, 8]);
});

test('dev corpus: document criteria micro-F1 is at least 0.80', () => {
  const docs = readFileSync(join('..', 'shared', 'corpus', 'dev', 'docs.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  let tp = 0, fp = 0, fn = 0;
  for (const d of docs) {
    const pred = new Set(extractDocument({ text: d.text, lang: d.lang }).criteria.map((c) => c.criterion));
    const gold = new Set<number>(d.criteria);
    for (const c of pred) (gold.has(c) ? tp++ : fp++);
    for (const c of gold) if (!pred.has(c)) fn++;
  }
  const f1 = (2 * tp) / (2 * tp + fp + fn);
  assert.ok(f1 >= 0.8, `micro-F1 ${f1.toFixed(3)}`);
});

test('civilians named near a killing are evidence for criterion 2, shown as one combined cue', () => {
  const c2 = classifyPassage('Artillery volleys killed at least 11 civilians, officials said, as human rights monitors warned.', 'en').find((c) => c.criterion === 2);
  assert.ok(c2);
  assert.ok(c2.cues.includes('killed … civilians'), String(c2.cues));
});

test('a pair counts only inside one sentence: "…this threat. A US report…" is no threat to the US', () => {
  const c5 = (text: string) => extractDocument({ text, lang: 'en' }).criteria.find((c) => c.criterion === 5);
  assert.equal(c5('The UN must act with urgency against this threat. A US intelligence report released this month named the suppliers.'), undefined);
  assert.ok(c5('The strikes directly threatened the safety of US personnel working in the area.'));
  // "U.S." is an abbreviation, not a sentence end
  assert.ok(c5('Militia rockets threaten U.S. personnel at the airport, the coalition said.'));
});

test('criterion 5: migrants sent towards a member state, and member states threatening each other', () => {
  const en = extractDocument({ text: 'The state travel agency organised the flow of illegal migrants to the border with Lithuania.', lang: 'en' });
  assert.ok(en.criteria.find((c) => c.criterion === 5)?.cues.some((c) => c.includes('migrants') && c.includes('Lithuania')), JSON.stringify(en.criteria));
  const de = extractDocument({ text: 'Das Regime schickt wieder massenweise Migranten an die Grenze zu Polen und zur EU.', lang: 'de' });
  assert.ok(de.criteria.some((c) => c.criterion === 5), JSON.stringify(de.criteria));
  // the document's own state (a member) is threatened by another member
  const gr = extractDocument({ text: 'Griechenland: Türkische Kampfjets haben erneut den griechischen Luftraum verletzt, Ankara hat Athen offen mit einer militärischen Aktion gedroht. Athen protestierte bei der NATO.', lang: 'de' });
  assert.ok(gr.criteria.some((c) => c.criterion === 5), JSON.stringify(gr.criteria));
});

test('criterion 5: "Drohnen" (drones) is not a threat word', () => {
  assert.ok(!findCues('Drohnen über Polen', 'de').some((h) => h.criterion === 0 && h.cue.startsWith('droh')));
  assert.ok(findCues('Moskau droht Polen', 'de').some((h) => h.criterion === 0 && h.cue.startsWith('droh')));
});

test('criterion 6: a breach of international law or of another state\'s sovereignty', () => {
  const en = classifyPassage("The Emirates back the militia with arms, infringing Sudan's sovereignty and disrespecting international law.", 'en').find((c) => c.criterion === 6);
  assert.ok(en && en.cues.some((c) => c.includes(' … ')), JSON.stringify(en));
  const de = classifyPassage('Die Angriffe verletzen die Souveränität des Nachbarlandes und missachten das Völkerrecht.', 'de').find((c) => c.criterion === 6);
  assert.ok(de, 'de');
  assert.ok(criteriaOf('In June the president announced the refusal to comply with the readmission agreement.', 'en').includes(6));
  // talking about international law is not a breach
  assert.ok(!criteriaOf('The seminar on international law took place in Geneva.', 'en').includes(6));
});

test('criterion 6: weapons sold to terrorist groups', () => {
  assert.ok(criteriaOf('The Taliban sold around 500,000 weapons to terrorist groups linked to al-Qaeda.', 'en').includes(6));
});

test('the fight against terror is not support for it: cue words inside counter phrases do not count', () => {
  const c6 = (text: string, lang: string) => classifyPassage(text, lang).find((c) => c.criterion === 6);
  assert.equal(c6('Das Land sucht Unterstützung im Kampf gegen den Terror und verstärkt die Terrorismusbekämpfung.', 'de'), undefined);
  assert.equal(c6('The two governments signed a counter-terrorism cooperation agreement and support the fight against terrorism.', 'en'), undefined);
  // support for a terror group still counts
  assert.ok(c6('The regime is accused of financing and arming terrorist groups abroad, a state sponsor of terrorism.', 'en'));
});

test('pair features: a resolution broken (criterion 1) and arms to an armed group (criterion 7)', () => {
  const c1 = classifyPassage('The shipment is a violation of UN Security Resolution 2216, officials said.', 'en').find((c) => c.criterion === 1);
  assert.ok(c1 && c1.cues.some((c) => c.includes(' … ')), JSON.stringify(c1));
  assert.ok(criteriaOf('Die Lieferungen verstoßen gegen das Waffenembargo der Vereinten Nationen.', 'de').includes(1));
  const c7 = classifyPassage('UN experts say Rwanda is backing the M23 rebels with weapons and troops.', 'en').find((c) => c.criterion === 7);
  assert.ok(c7 && c7.cues.some((c) => c.includes(' … ')), JSON.stringify(c7));
  assert.ok(criteriaOf('Iran hat die Huthi-Rebellen mit Waffen und Raketen beliefert.', 'de').includes(7));
  // an armed group alone, or weapons alone, is not a transfer
  assert.ok(!criteriaOf('The rebels control the north of the country.', 'en').includes(7));
});

test('criterion 8: "one of the poorest countries" alone, and an economy that shrank', () => {
  assert.ok(criteriaOf('Burkina Faso, one of the poorest countries in the world, has a long history of coups.', 'en').includes(8));
  assert.ok(criteriaOf('Der Krieg traf das ärmste Land der Arabischen Halbinsel.', 'de').includes(8));
  const shrank = classifyPassage('Unter Maduro ist die Wirtschaft des Landes um rund 80 Prozent gesunken, die Krise ist wirtschaftlich und politisch.', 'de').find((c) => c.criterion === 8);
  assert.ok(shrank && shrank.cues.some((c) => c.includes(' … ')), JSON.stringify(shrank));
});

test('criterion 2: a chemical attack with victims', () => {
  const c2 = classifyPassage('Inspectors will investigate the gas attack on the town, which killed more than 40 people.', 'en').find((c) => c.criterion === 2);
  assert.ok(c2 && c2.cues.some((c) => c.includes(' … ')), JSON.stringify(c2));
  assert.ok(criteriaOf('Bei dem Giftgasangriff starben Dutzende Menschen.', 'de').includes(2));
  assert.ok(!criteriaOf('The chemical weapons convention was signed in 1993.', 'en').includes(2));
});

test('criterion 4: a regional war, foreign troops and an arms race in other words', () => {
  assert.ok(criteriaOf('Guterres warnte vor einem neuen regionalen Krieg an der Grenze zwischen Kongo und Ruanda.', 'de').includes(4));
  assert.ok(criteriaOf('Ein Rüstungswettlauf wie im Kalten Krieg droht.', 'de').includes(4));
  assert.ok(criteriaOf('Foreign forces and troops from the neighbouring state joined the regional war.', 'en').includes(4));
});
