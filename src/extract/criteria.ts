/**
 * Which of the eight criteria a passage gives evidence for, by weighted cue words (German and
 * English, see criteria-cues.ts). Explainable by construction: every score lists the cues that
 * produced it. One trie pass over the folded text finds all cues of all criteria.
 */
import { CRITERION_CUES, type CueList } from './criteria-cues.js';
import { CRITERION_CUES_INTL } from './criteria-cues-intl.js';
import { expandInnerStems } from './stems.js';
import { PAIR_FEATURES, NEGATION_MARKERS, NEGATION_SCOPE, NEGATED_FACTOR, ALLY_MARKER, EU_NATO_MEMBERS, COUNTER_PHRASES } from './criteria-features.js';
import { foldText } from './countries/fold.js';
import { WordTrie, isWordCode, type TrieMatch } from './countries/trie.js';

export interface CriterionScore {
  criterion: number;
  /** 0–1, grows with the summed weight of the distinct cues found. */
  score: number;
  /** The words of the text that decided it, as written, most weighty first. */
  cues: string[];
}

/** A cue occurrence in a text, with offsets into the original string. */
export interface CueHit {
  criterion: number;
  weight: number;
  cue: string;
  start: number;
  end: number;
}

/** Summed cue weight at which a criterion counts as evidenced: one decisive cue plus support, or several strong ones. */
export const RELEVANCE_THRESHOLD = 3.5;
/** Raw weight → score: 1 − e^(−raw/SCALE), so the threshold maps to about 0.58. */
const SCALE = 4;
const REPEAT_BONUS = 0.5;
const MAX_CUES_SHOWN = 8;

interface Cue {
  criterion: number;
  cue: string;
  weight: number;
  stem: boolean;
}

const tries = new Map<string, { trie: WordTrie; cues: Cue[] }>();

/** The cue set a language uses: its own, or German and English together for any other language. */
export function cueLanguage(lang: string): string {
  return lang === 'de' || lang === 'en' || lang in CRITERION_CUES_INTL ? lang : 'any';
}

function cueSet(lang: string): { trie: WordTrie; cues: Cue[] } {
  const key = cueLanguage(lang);
  let set = tries.get(key);
  if (set) return set;
  const cues: Cue[] = [];
  const push = (criterion: number, list: CueList, l: string) => {
    for (const [raw, weight] of list) {
      for (const { form, stem } of expandInnerStems(l, raw)) {
        const cue = foldText(form);
        cues.push({ criterion, cue, weight, stem });
        // German lists write "ss"; a text's "ß" folds to one "s" ("verstößt" → "verstost")
        if (l === 'de' && cue.includes('ss')) cues.push({ criterion, cue: cue.replace(/ss/g, 's'), weight, stem });
      }
    }
  };
  const intl = CRITERION_CUES_INTL[key as keyof typeof CRITERION_CUES_INTL];
  if (intl) for (const [criterion, list] of Object.entries(intl)) push(Number(criterion), list, key);
  else {
    for (const c of CRITERION_CUES) {
      if (key !== 'en') push(c.criterion, c.de, 'de');
      if (key !== 'de') push(c.criterion, c.en, 'en');
    }
  }
  // Marker words of the pair features (criterion 0) and negation openers (criterion -1): no weight of their own.
  const marker = (criterion: number, raw: string) => {
    const stem = raw.endsWith('*');
    const cue = foldText(stem ? raw.slice(0, -1) : raw);
    cues.push({ criterion, cue, weight: 0, stem });
    if (cue.includes('ss')) cues.push({ criterion, cue: cue.replace(/ss/g, 's'), weight: 0, stem });
  };
  for (const m of new Set(PAIR_FEATURES.flatMap((f) => [...f.a, ...f.b]))) if (m !== ALLY_MARKER) marker(0, m);
  for (const m of NEGATION_MARKERS) marker(-1, m);
  for (const m of COUNTER_PHRASES) marker(NEUTRAL, m);
  set = { trie: new WordTrie(cues.map((c) => c.cue)), cues };
  tries.set(key, set);
  return set;
}

/** Every cue occurrence in a text (folded once by the caller when it already has the folded copy). */
export function findCues(text: string, lang: string, folded: string = foldText(text)): CueHit[] {
  return cuesFromHits(folded, cueSet(lang).trie.search(folded), lang);
}

/** The folded cue strings for a language, in the order `cuesFromHits` expects (for a shared trie, see scan.ts). */
export function cuePatterns(lang: string): string[] {
  return cueSet(lang).cues.map((c) => c.cue);
}

/** Cue hits from raw trie hits over the folded text (hit.index = position in `cuePatterns(lang)`). */
export function cuesFromHits(folded: string, matches: readonly TrieMatch[], lang: string): CueHit[] {
  const { cues } = cueSet(lang);
  const hits: CueHit[] = [];
  for (const m of matches) {
    const c = cues[m.index];
    let end = m.end;
    if (c.stem) {
      while (end < folded.length && isWordCode(folded.charCodeAt(end)) && end - m.end < 40) end++;
    } else if (end < folded.length && isWordCode(folded.charCodeAt(end))) continue;
    hits.push({ criterion: c.criterion, weight: c.weight, cue: c.cue, start: m.start, end });
  }
  return hits;
}

/** Marker kind of the counter phrases ("fight against terror"): the cue words inside them say nothing. */
const NEUTRAL = -2;

/** Hits without those lying inside a counter phrase ("Terrorismusbekämpfung", "counter-terrorism cooperation"). */
function withoutNeutralised(ordered: CueHit[]): CueHit[] {
  if (!ordered.some((h) => h.criterion === NEUTRAL)) return ordered;
  const spans = ordered.filter((h) => h.criterion === NEUTRAL);
  return ordered.filter((h) => h.criterion === NEUTRAL || !spans.some((n) => h.start >= n.start && h.end <= n.end));
}

/** Scores of all criteria with any cue, from cue hits (of one passage or a whole document). */
export function scoreCueHits(text: string, hits: readonly CueHit[]): Array<CriterionScore & { raw: number }> {
  const per = new Map<number, Map<string, { weight: number; count: number; word: string }>>();
  const lastEnd = new Map<number, number>();
  // Overlapping cues of one criterion ("soldner*" and "soldnergruppe*" on "Söldnergruppen") count once, the heavier.
  const ordered = withoutNeutralised([...hits].sort((a, b) => a.start - b.start || b.weight - a.weight));
  const negated = negatedHits(text, ordered);
  const inside = containedHits(ordered);
  for (const h of ordered) {
    if (h.criterion <= 0 || inside.has(h)) continue;
    if (h.start < (lastEnd.get(h.criterion) ?? -1)) continue;
    lastEnd.set(h.criterion, h.end);
    let cues = per.get(h.criterion);
    if (!cues) per.set(h.criterion, (cues = new Map()));
    const weight = negated.has(h) ? h.weight * NEGATED_FACTOR : h.weight;
    const seen = cues.get(h.cue);
    if (seen) seen.count++;
    else cues.set(h.cue, { weight, count: 1, word: text.slice(h.start, h.end) });
  }
  addPairFeatures(text, ordered, negated, per);
  const out: Array<CriterionScore & { raw: number }> = [];
  for (const [criterion, cues] of per) {
    let raw = 0;
    for (const c of cues.values()) raw += c.weight + Math.min(c.weight, REPEAT_BONUS * (c.count - 1));
    if (raw <= 0) continue;
    const shown = [...new Set([...cues.values()]
      .filter((c) => c.weight > 0)
      .sort((a, b) => b.weight - a.weight || b.count - a.count)
      .map((c) => c.word))]
      .slice(0, MAX_CUES_SHOWN);
    out.push({ criterion, raw, score: round3(1 - Math.exp(-raw / SCALE)), cues: shown });
  }
  return out.sort((a, b) => a.criterion - b.criterion);
}

/**
 * Cues lying inside a longer cue of another criterion: the longer phrase decides what the words
 * mean ("war" in "civil war" or "war crimes" is not interstate war; "arms" in "arms embargo" is
 * not an arms transfer).
 */
function containedHits(ordered: readonly CueHit[]): Set<CueHit> {
  const out = new Set<CueHit>();
  let outer: CueHit | null = null;
  for (const h of ordered) {
    if (h.criterion <= 0) continue;
    if (outer && h.start >= outer.start && h.end <= outer.end && h.end - h.start < outer.end - outer.start && h.criterion !== outer.criterion) {
      out.add(h);
      continue;
    }
    if (!outer || h.end > outer.end) outer = h;
  }
  return out;
}

/** Hits inside a negation scope: after "found no evidence of" / "keine Hinweise auf", up to the end of the sentence. */
const NONE: Set<CueHit> = new Set();

function negatedHits(text: string, ordered: readonly CueHit[]): Set<CueHit> {
  if (!ordered.some((h) => h.criterion === -1)) return NONE;
  const out = new Set<CueHit>();
  for (let i = 0; i < ordered.length; i++) {
    const n = ordered[i];
    if (n.criterion !== -1) continue;
    for (let j = i + 1; j < ordered.length && ordered[j].start <= n.end + NEGATION_SCOPE; j++) {
      const h = ordered[j];
      if (h.criterion <= 0) continue;
      if (/[.!?;]/.test(text.slice(n.end, h.start))) break;
      out.add(h);
    }
  }
  return out;
}

/** A marker's folded forms: as written, and with "ss" as one "s" (a German "ß"), as `cueSet` adds them. */
const markerForms = (m: string) => {
  const c = foldText(m.replace(/\*$/, ''));
  return c.includes('ss') ? [c, c.replace(/ss/g, 's')] : [c];
};
const featureSets = PAIR_FEATURES.map((f) => ({ f, a: new Set(f.a.flatMap(markerForms)), b: new Set(f.b.flatMap(markerForms)) }));

/**
 * Markers for the pair features from country mentions: every EU and NATO member, the document's
 * main state included, since members threaten each other too (Turkish jets in Greek airspace);
 * which state the evidence concerns is decided per passage (about.ts).
 */
export function allyMarkers(mentions: ReadonlyArray<{ code: string; start: number; end: number }>): CueHit[] {
  return mentions
    .filter((m) => EU_NATO_MEMBERS.has(m.code))
    .map((m) => ({ criterion: 0, weight: 0, cue: ALLY_MARKER, start: m.start, end: m.end }));
}

/**
 * A sentence end: ".", "!" or "?" before white space and a capital, digit or opening quote, or a
 * line break. A lone capital before the dot ("U.S. Navy") is an abbreviation, not a sentence end.
 */
const SENTENCE_END = /(?<!(?:^|\P{L})\p{Lu})[.!?]["'”»)]?\s+(?=["'„“«(]?[\p{Lu}\p{N}])|\n/u;

/** True when no sentence ends between `start` and `end` (the two words of a pair speak of one event). */
function oneSentence(text: string, start: number, end: number): boolean {
  return end <= start || !SENTENCE_END.test(text.slice(start, end));
}

/**
 * Pair features (criteria-features.ts): a marker of each kind within the window and one sentence, neither
 * negated, adds the feature's weight to its criterion, shown as one cue "civilians … injured".
 */
function addPairFeatures(text: string, ordered: readonly CueHit[], negated: Set<CueHit>, per: Map<number, Map<string, { weight: number; count: number; word: string }>>): void {
  const markers = ordered.filter((h) => h.criterion === 0 && !negated.has(h));
  if (markers.length < 2) return;
  for (const { f, a, b } of featureSets) {
    const as = markers.filter((h) => a.has(h.cue));
    if (as.length === 0) continue;
    const bs = markers.filter((h) => b.has(h.cue));
    let pair: [CueHit, CueHit] | null = null;
    for (const x of as) {
      const y = bs.find((h) => (h.start >= x.end || h.end <= x.start) && Math.abs(h.start - x.start) <= f.window && oneSentence(text, Math.min(x.end, h.end), Math.max(x.start, h.start)));
      if (y) {
        pair = x.start < y.start ? [x, y] : [y, x];
        break;
      }
    }
    if (!pair) continue;
    let cues = per.get(f.criterion);
    if (!cues) per.set(f.criterion, (cues = new Map()));
    cues.set(f.label, { weight: f.weight, count: 1, word: `${text.slice(pair[0].start, pair[0].end)} … ${text.slice(pair[1].start, pair[1].end)}` });
  }
}

/** The criteria a passage gives evidence for (score at or above the relevance threshold), with their cues. */
export function classifyPassage(text: string, lang: string): CriterionScore[] {
  return relevantCriteria(scoreCueHits(text, findCues(text, lang)));
}

export function relevantCriteria(scores: ReadonlyArray<CriterionScore & { raw: number }>, threshold = RELEVANCE_THRESHOLD): CriterionScore[] {
  return scores.filter((s) => s.raw >= threshold).map(({ criterion, score, cues }) => ({ criterion, score, cues }));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
