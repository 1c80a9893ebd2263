/**
 * Country mentions in running text: one pass of a word-anchored trie (see countries/trie.ts) over a
 * case- and diacritic-folded copy
 * of the text (same length, so offsets are JavaScript string indices into the original), then
 * per-match checks of word boundaries, case and context guards, then leftmost-longest selection.
 */
import { countryLexicon, languageLexicon, type FormKind, type LexiconEntry } from './countries/lexicon.js';
import { CURRENCY_WORDS } from './countries/lexicon-data.js';
import { STEM_MAX_EXTRA, INTL_LANGS, NAME_ONLY_LANGS } from './countries/lexicon-intl.js';
import { shortStemEndingOk } from './stems.js';
import { foldText } from './countries/fold.js';
import { WordTrie, isWordCode, type TrieMatch } from './countries/trie.js';

export interface CountryMention {
  code: string;
  start: number;
  end: number;
  text: string;
  /** How the state was referred to: by name, adjective, demonym or capital. */
  kind?: FormKind;
}

/** The lexicon entries a language's texts can match: the common ones plus that language's own (lexicon-intl.ts). */
interface Subset { key: string; entries: LexiconEntry[]; patterns: string[]; trie: WordTrie | null }
const subsets = new Map<string, Subset>();

/** Which lexicon subset a language uses ('base' for German, English and any language without forms of its own). */
export function lexiconLanguage(lang: string | undefined): string {
  return lang && ((INTL_LANGS as readonly string[]).includes(lang) || lang in NAME_ONLY_LANGS) ? lang : 'base';
}

function subsetFor(lang: string | undefined): Subset {
  const key = lexiconLanguage(lang);
  let s = subsets.get(key);
  if (s) return s;
  const list = key === 'base' ? countryLexicon() : [...countryLexicon(), ...languageLexicon(key)];
  s = { key, entries: list, patterns: list.map((e) => foldText(e.form)), trie: null };
  subsets.set(key, s);
  return s;
}

function getMatcher(lang: string | undefined): WordTrie {
  const s = subsetFor(lang);
  return (s.trie ??= new WordTrie(s.patterns));
}

const isWordChar = (c: string | undefined) => c !== undefined && c !== '' && isWordCode(c.charCodeAt(0));
const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();

/** Words that may stand before a capitalised country name without making it a person's name. */
const FUNCTION_WORDS = new Set(
  ('The A An In Of From To And Or For With By On At As Into Against Between Both While When Since But If Than Like ' +
    'Neighbouring Neighboring Southern Northern Eastern Western Central Including Unlike About After Before ' +
    'Der Die Das Den Dem Des Ein Eine Im In Nach Aus Von Vom Und Oder Mit Für Gegen Zwischen Auch Wie Über Bei ' +
    'King Kingdom President Premier Republic State Government Hashemite Neighbour ' +
    // French, Spanish, Italian, Portuguese, Dutch: "Selon Paris", "Según Moscú", "Volgens Washington"
    'Le La Les Du Des De Et Au Aux Selon Contre Avec Pour Par Sur El Los Las Y Según Del Con Para Por Il Lo Gli E Di Da Della Secondo ' +
    'O Os As Do Dos Segundo Het Een Van Volgens Tegen Met Voor').split(' '),
);
const GERMAN_CONTEXT = new Set(
  'in nach aus von vom und oder mit für gegen zwischen wie über bei auf an staat insel republik'.split(' '),
);

function prevWord(text: string, start: number): { word: string; adjacent: boolean } {
  let i = start - 1;
  let sawBreak = false;
  while (i >= 0 && /[ \t]/.test(text[i])) i--;
  if (i >= 0 && !isWordChar(text[i])) sawBreak = true;
  while (i >= 0 && !isWordChar(text[i]) && start - i < 12) i--;
  const end = i + 1;
  while (i >= 0 && isWordChar(text[i]) && end - i < 40) i--;
  return { word: text.slice(i + 1, end), adjacent: !sawBreak };
}

function nextWord(text: string, end: number): { word: string; adjacent: boolean } {
  let i = end;
  while (i < text.length && /[ \t]/.test(text[i])) i++;
  const adjacent = i < text.length && isWordChar(text[i]) && i > end;
  const s = i;
  while (i < text.length && isWordChar(text[i]) && i - s < 40) i++;
  return { word: text.slice(s, i), adjacent };
}

/** "Michael Jordan", "Jordan Peterson", "Chad Smith": a capitalised word glued to the name makes it a person. */
function looksLikePersonName(text: string, start: number, end: number): boolean {
  const prev = prevWord(text, start);
  if (prev.adjacent && isUpper(prev.word[0]) && !FUNCTION_WORDS.has(prev.word) && !/^[A-Z]{2,}$/.test(prev.word)) return true;
  const next = nextWord(text, end);
  if (next.adjacent && isUpper(next.word[0]) && !FUNCTION_WORDS.has(next.word) && !/^[A-Z]{2,}$/.test(next.word)) return true;
  return false;
}

const GEORGIA_COUNTRY = /Tbilisi|Tiflis|Georgian|Georgien|Georgier|georgisch|Ossetia|Abkhaz|Caucasus|Kaukasus|Saakashvili|Kobakhidze|Ivanishvili/;
const US_STATE_CONTEXT =
  /\b(?:Atlanta|Savannah|Macon|Augusta|Fulton County|Peach State|state of Georgia|Georgia state|Gov\.|Sen\.|Senator|Senate|GOP|Republicans?|Democrats?|Alabama|Florida|Tennessee|Carolina|Texas|Ohio|Arizona|Michigan|Pennsylvania|Wisconsin|Nevada|Virginia|county)\b/;

/** "Georgia" is the US state when the text speaks of US politics or places and never of the Caucasus. */
function georgiaIsUsState(text: string, start: number, end: number): boolean {
  if (GEORGIA_COUNTRY.test(text.length > 20000 ? text.slice(Math.max(0, start - 10000), end + 10000) : text)) return false;
  const window = text.slice(Math.max(0, start - 120), Math.min(text.length, end + 120));
  return US_STATE_CONTEXT.test(window) || /^,\s*(?:USA|U\.S\.|US)\b/.test(text.slice(end, end + 8));
}

/** The end of an accepted match (a stem's end moves to the end of its word), or -1. */
function accept(text: string, folded: string, e: LexiconEntry, start: number, end: number, lang: string | undefined): number {
  if (e.strictLang && e.lang !== lang) return -1;
  if (e.stem) {
    let j = end;
    while (j < folded.length && isWordCode(folded.charCodeAt(j)) && j - end <= STEM_MAX_EXTRA) j++;
    if (j - end > STEM_MAX_EXTRA) return -1;
    if (!shortStemEndingOk(lang, end - start, folded.slice(end, j))) return -1;
    end = j;
  }
  return acceptWord(text, folded, e, start, end, lang) ? end : -1;
}

function acceptWord(text: string, folded: string, e: LexiconEntry, start: number, end: number, lang: string | undefined): boolean {
  // Word boundaries; a German adjective may be glued to "pro"/"anti" ("prorussischen").
  if (start > 0 && isWordCode(folded.charCodeAt(start - 1))) {
    if (!e.allowsPrefix) return false;
    const pre = /(?:^|[^\p{L}\p{N}])(?:pro|anti)$/u.exec(folded.slice(Math.max(0, start - 6), start));
    if (!pre) return false;
  }
  if (isWordCode(folded.charCodeAt(end))) return false;
  if (e.exactCase) {
    if (text.slice(start, end) !== e.form) return false;
  } else if (e.capitalized && !isUpper(text[start])) return false;
  if (e.strictLang) return true;
  if (e.lang && lang && e.lang !== lang) return false;
  if (e.lang === 'de' && !lang) {
    const prev = prevWord(text, start).word.toLowerCase();
    if (!GERMAN_CONTEXT.has(prev)) return false;
  }
  if (e.code && (folded[end] === ' ' || folded[end] === '-')) {
    CURRENCY_WORDS.lastIndex = end;
    if (CURRENCY_WORDS.test(folded)) return false;
  }
  if (e.personName && looksLikePersonName(text, start, end)) return false;
  if (e.code === 'GE' && e.kind === 'name' && /^georgia$/i.test(e.form) && georgiaIsUsState(text, start, end)) return false;
  if (e.form === 'US') {
    // "JOIN US", "TELL US": the pronoun in an all-caps line
    const prev = prevWord(text, start);
    if (/^[A-Z]{2,}$/.test(prev.word) && prev.adjacent && !/^(?:UN|EU|NATO|UK|AND|THE)$/.test(prev.word)) return false;
  }
  return true;
}

/**
 * Country mentions of a text, non-overlapping, in text order. Names, adjectives and demonyms in
 * German and English, capitals and seats of government, abbreviations; regions, currencies and
 * historical states are not mentions. `lang` ('de', 'en') enables language-specific forms.
 */
export function findCountryMentions(text: string, lang?: string, folded?: string): CountryMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  if (folded === undefined || folded.length !== text.length) folded = foldText(text);
  return mentionsFromHits(text, folded, getMatcher(lang).search(folded), lang);
}

/** The folded lexicon forms a language's texts can match, in the order `mentionsFromHits` expects (for a trie shared with other scans, see scan.ts). */
export function countryPatterns(lang?: string): string[] {
  return subsetFor(lang).patterns;
}

/** Mentions from raw trie hits over the folded text (hit.index = position in `countryPatterns(lang)`): checks, then leftmost-longest. */
export function mentionsFromHits(text: string, folded: string, hits: readonly TrieMatch[], lang?: string): CountryMention[] {
  const subset = subsetFor(lang);
  const candidates: Array<{ e: LexiconEntry; start: number; end: number }> = [];
  for (const hit of hits) {
    const e = subset.entries[hit.index];
    const end = accept(text, folded, e, hit.start, hit.end, lang);
    if (end >= 0) candidates.push({ e, start: hit.start, end });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CountryMention[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    lastEnd = c.end;
    if (c.e.code) out.push({ code: c.e.code, start: c.start, end: c.end, text: text.slice(c.start, c.end), kind: c.e.kind });
  }
  return out;
}

/** Mentions grouped by country, most frequent first. */
export function countMentions(mentions: CountryMention[]): Array<{ code: string; count: number; mentions: CountryMention[] }> {
  const by = new Map<string, CountryMention[]>();
  for (const m of mentions) {
    const list = by.get(m.code);
    if (list) list.push(m);
    else by.set(m.code, [m]);
  }
  return [...by.entries()]
    .map(([code, list]) => ({ code, count: list.length, mentions: list }))
    .sort((a, b) => b.count - a.count || a.mentions[0].start - b.mentions[0].start);
}
