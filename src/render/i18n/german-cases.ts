/**
 * German country names with articles ("die Ukraine", "die USA", "der Irak", "das Vereinigte
 * Königreich"): a template writes `{country:dat}` and gets "der Ukraine" but plain "Ägypten".
 * Keyed by the resolver's German short name; every name not listed takes no article.
 */
export type GermanCase = 'nom' | 'acc' | 'dat' | 'gen' | 'nach' | 'in';

type Gender = 'f' | 'm' | 'n' | 'pl';

const ARTICLED: Record<string, Gender> = {
  Ukraine: 'f', Türkei: 'f', Schweiz: 'f', Slowakei: 'f', Mongolei: 'f', 'Zentralafrikanische Republik': 'f',
  'Dominikanische Republik': 'f', 'DR Kongo': 'f', 'Demokratische Republik Kongo': 'f', 'Republik Kongo': 'f',
  'Tschechische Republik': 'f', Elfenbeinküste: 'f', 'Republik Moldau': 'f', Westsahara: 'f',
  Irak: 'm', Iran: 'm', Jemen: 'm', Libanon: 'm', Sudan: 'm', Südsudan: 'm', Tschad: 'm', Niger: 'm', Oman: 'm', Kosovo: 'm', Vatikan: 'm',
  'Vereinigtes Königreich': 'n',
  USA: 'pl', 'Vereinigte Staaten': 'pl', 'Vereinigte Arabische Emirate': 'pl', Niederlande: 'pl', Philippinen: 'pl', Malediven: 'pl',
  Komoren: 'pl', Seychellen: 'pl', Salomonen: 'pl', Bahamas: 'pl', Marshallinseln: 'pl', Fidschi: 'n',
};

const ARTICLES: Record<Gender, Record<Exclude<GermanCase, 'nach' | 'in'>, string>> = {
  f: { nom: 'die', acc: 'die', dat: 'der', gen: 'der' },
  m: { nom: 'der', acc: 'den', dat: 'dem', gen: 'des' },
  n: { nom: 'das', acc: 'das', dat: 'dem', gen: 'des' },
  pl: { nom: 'die', acc: 'die', dat: 'den', gen: 'der' },
};

const PLURAL_DATIVE: Record<string, string> = {
  'Vereinigte Staaten': 'Vereinigten Staaten', 'Vereinigte Arabische Emirate': 'Vereinigten Arabischen Emiraten', Niederlande: 'Niederlanden',
};

/** Genitive -s of masculine and neuter names ("des Irak" stays, "des Vereinigten Königreichs"). */
function inflect(name: string, g: Gender, c: Exclude<GermanCase, 'nach' | 'in'>): string {
  if (g === 'n' && name === 'Vereinigtes Königreich') {
    if (c === 'nom' || c === 'acc') return 'Vereinigte Königreich';
    return c === 'gen' ? 'Vereinigten Königreichs' : 'Vereinigten Königreich';
  }
  if (g === 'pl' && c === 'dat') return PLURAL_DATIVE[name] ?? name;
  // Adjectives of feminine names in the dative and genitive: "der Zentralafrikanischen Republik".
  if (g === 'f' && (c === 'dat' || c === 'gen')) return name.replace(/(\p{L}+e)(?= \p{L})/gu, '$1n');
  return name;
}

/**
 * The German name in a grammatical case, with its article where German needs one. `nach` gives the
 * whole phrase of direction: "nach Ägypten" but "in die Ukraine".
 */
export function germanCountry(name: string, c: GermanCase): string {
  const g = ARTICLED[name];
  if (c === 'nach') return g ? `in ${ARTICLES[g].acc} ${inflect(name, g, 'acc')}` : `nach ${name}`;
  // Place: "in Ägypten", "in der Ukraine", "im Jemen", "in den USA".
  if (c === 'in') return !g ? `in ${name}` : g === 'm' || g === 'n' ? `im ${inflect(name, g, 'dat')}` : `in ${ARTICLES[g].dat} ${inflect(name, g, 'dat')}`;
  // Genitive without article: "Ägyptens", but "von Laos".
  if (!g) return c === 'gen' ? (/[sßxz]$/.test(name) ? `von ${name}` : `${name}s`) : name;
  return `${ARTICLES[g][c]} ${inflect(name, g, c)}`;
}

/** English short names that take "the" ("the United States", "in the Central African Republic"). */
const ENGLISH_THE = /^(United States|United Kingdom|United Arab Emirates|Netherlands|Philippines|Maldives|Bahamas|Gambia|Comoros|Seychelles|Solomon Islands|Marshall Islands|Central African Republic|Dominican Republic|DR Congo|Democratic Republic of the Congo|Republic of the Congo|Czech Republic|Holy See|Vatican|USA|UAE)$/;

/** The English name in a sentence: "the" where English needs it; `in`/`nach` give "in …"/"to …". */
export function englishCountry(name: string, c: GermanCase): string {
  const the = ENGLISH_THE.test(name) ? `the ${name}` : name;
  if (c === 'in') return `in ${the}`;
  if (c === 'nach') return `to ${the}`;
  return the;
}
