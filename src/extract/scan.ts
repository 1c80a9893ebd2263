/**
 * One pass over a text for everything the lexicons find: country forms and criterion cues share
 * a single word-anchored trie, so extraction folds and scans each text once.
 */
import { foldText } from './countries/fold.js';
import { WordTrie, type TrieMatch } from './countries/trie.js';
import { countryPatterns, lexiconLanguage, mentionsFromHits, type CountryMention } from './mentions.js';
import { cueLanguage, cuePatterns, cuesFromHits, type CueHit } from './criteria.js';

export interface TextScan {
  /** The case- and diacritic-folded text (same length as the original). */
  folded: string;
  mentions: CountryMention[];
  cues: CueHit[];
}

const combined = new Map<string, { trie: WordTrie; countries: number }>();

function combinedTrie(lang: string): { trie: WordTrie; countries: number } {
  const key = `${lexiconLanguage(lang)}|${cueLanguage(lang)}`;
  let c = combined.get(key);
  if (!c) {
    const countries = countryPatterns(lang);
    c = { trie: new WordTrie([...countries, ...cuePatterns(lang)]), countries: countries.length };
    combined.set(key, c);
  }
  return c;
}

export function scanText(text: string, lang: string): TextScan {
  if (typeof text !== 'string' || !text) return { folded: '', mentions: [], cues: [] };
  const folded = foldText(text);
  const { trie, countries } = combinedTrie(lang);
  const countryHits: TrieMatch[] = [];
  const cueHits: TrieMatch[] = [];
  for (const h of trie.search(folded)) {
    if (h.index < countries) countryHits.push(h);
    else cueHits.push({ index: h.index - countries, start: h.start, end: h.end });
  }
  return {
    folded,
    mentions: mentionsFromHits(text, folded, countryHits, lang),
    cues: cuesFromHits(folded, cueHits, lang),
  };
}
