import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCountryMentions } from './mentions.js';
import { listedMentions, rankPrimaryCountries } from './primary.js';

const mentionsOf = (text: string, lang: string) => findCountryMentions(text, lang);

test('an enumeration of three or more states is found, in German, English, French and Russian', () => {
  for (const [text, lang] of [
    ['The resolution passed with Gabon, Kenya, India, Russia and China abstaining.', 'en'],
    ['Enthalten haben sich Gabun, Kenia, Indien, Russland und China.', 'de'],
    ["Le Gabon, le Kenya et l'Inde se sont abstenus.", 'fr'],
    ['Воздержались Габон, Кения, Индия и Китай.', 'ru'],
  ] as const) {
    const ms = mentionsOf(text, lang);
    const listed = listedMentions(text, ms);
    assert.ok(ms.length >= 3 && ms.every((m) => listed.has(m)), `${text}: ${ms.map((m) => m.code)} listed ${listed.size}`);
  }
  // two states side by side, or three apart in the sentence, are no list
  const two = 'Greece and Turkey clashed again.';
  assert.equal(listedMentions(two, mentionsOf(two, 'en')).size, 0);
  const apart = 'Russia supplied drones to Iran, which Ukraine says hit its cities.';
  assert.equal(listedMentions(apart, mentionsOf(apart, 'en')).size, 0);
});

test('states listed in the lead (a vote) do not crowd out the state the text is about', () => {
  const text =
    'The UN Security Council has renewed an arms embargo and sanctions it placed on the country amid continuing unrest. ' +
    'The resolution drafted by the United States passed with Gabon, Kenya, India, Russia and China abstaining. ' +
    'The panel of experts said persistent ceasefire breaches and violence in the country continue, and the government breached the embargo. '.repeat(2) +
    'South Sudan is facing its worst hunger crisis ever.';
  assert.ok(rankPrimaryCountries(text, mentionsOf(text, 'en')).slice(0, 3).includes('SS'));
});

test('England, Scotland and Wales stand for the United Kingdom; New England does not', () => {
  assert.deepEqual([...new Set(mentionsOf('India tour of England 2018: England lost to Scotland.', 'en').map((m) => m.code))], ['IN', 'GB']);
  assert.deepEqual(mentionsOf('Storms hit New England and New South Wales.', 'en').map((m) => m.code), []);
  assert.deepEqual([...new Set(mentionsOf('Schottland stimmt über die Unabhängigkeit ab.', 'de').map((m) => m.code))], ['GB']);
});
