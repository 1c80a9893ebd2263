/**
 * Which of a passage's countries its criterion evidence is about. A passage on "Russian
 * recruitment in Kazakhstan" or "T-72 tanks modernised in Kazakhstan with a Ukrainian firm" names
 * several states; the evidence concerns those named where the criterion's cues are (the same
 * sentence weighs most, a neighbouring one less), not those quoted as a source ("laut
 * Washington", "according to Kyiv"), and the document's primary states keep a head start because
 * the text as a whole is about them. A passage that names no state speaks of the one named last
 * before it (in the passages just before) when that is a primary state of the document: a report's later
 * paragraphs on its country.
 */
import type { CountryMention } from './mentions.js';
import type { CueHit } from './criteria.js';

/** A country whose score reaches this share of the best one is also concerned. */
const SHARE_OF_BEST = 0.6;
const SAME_SENTENCE = 1;
const NEXT_SENTENCE = 0.5;
const ELSEWHERE = 0.2;
/** Head start of the document's main state; its other primary states get half. */
const PRIMARY_BONUS = 1;
/** Mentions introduced as a source of a statement weigh this much. */
const SOURCE_FACTOR = 0.25;

/** "laut Moskau", "according to Washington", "selon Paris", "según Kiev", "по данным Киева": the speaker, not the subject. */
const SOURCE_WORDS = [
  'laut', 'zufolge', 'according to', 'said', 'says', 'selon', 'según', 'segundo', 'secondo', 'volgens', 'według', 'citing',
  'по данным', 'по словам', 'по мнению', 'وفقا ل', 'بحسب',
  ...['medien', 'quellen', 'kreisen', 'zeitungen', 'sources', 'media', 'officials', 'reports', 'médias', 'medios', 'fuentes'].flatMap((w) =>
    ['aus', 'in', 'from', 'de', 'en'].map((p) => `${w} ${p}`)),
];
const ARTICLES = new Set(['the', 'der', 'die', 'den', 'dem', 'des', 'la', 'le', 'el', 'il', 'de']);
/** Last words of the source phrases: only a mention after one of them needs the full check. */
const SOURCE_LAST = new Set(SOURCE_WORDS.map((w) => w.slice(w.lastIndexOf(' ') + 1)));

/** The last word of a string (letters only), lower case. */
function lastWord(s: string): { word: string; start: number } {
  let e = s.length;
  while (e > 0 && !isLetter(s.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && isLetter(s.charCodeAt(b - 1))) b--;
  return { word: s.slice(b, e).toLowerCase(), start: b };
}
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 0xbf;

/** True when the words right before a mention introduce it as the source of a statement. */
function isSource(before: string): boolean {
  let last = lastWord(before);
  if (ARTICLES.has(last.word)) {
    before = before.slice(0, last.start);
    last = lastWord(before);
  }
  if (!SOURCE_LAST.has(last.word)) return false;
  const b = before.slice(0, last.start + last.word.length).toLowerCase();
  return SOURCE_WORDS.some((w) => b.endsWith(w) && (b.length === w.length || !isLetter(b.charCodeAt(b.length - w.length - 1))));
}

/** Sentence boundaries of a text span: ends at . ! ? or a line break followed by space and an upper-case letter or digit. */
export function sentenceStarts(text: string, start: number, end: number): number[] {
  const starts = [start];
  const re = /[.!?…。]["»“”)]*\s+(?=[\p{Lu}\p{N}"«„“(])|\n\s*\n?/gu;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const s = m.index + m[0].length;
    if (s < end) starts.push(s);
    if (m[0].length === 0) re.lastIndex++;
  }
  return starts;
}

function sentenceOf(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface AboutInput {
  text: string;
  start: number;
  end: number;
  /** Sovereign-state mentions inside the passage, in text order. */
  mentions: readonly CountryMention[];
  /** Cue hits of the criterion inside the passage. */
  cues: readonly CueHit[];
  primary: readonly string[];
  /** The states named in the passages just before this one, most recent last (the passage's context). */
  previous: readonly string[];
  /** Sentence starts of the passage, when the caller has them already (one passage, several criteria). */
  sentences?: number[];
}

/** The states a criterion's evidence in one passage concerns, most concerned first. */
export function aboutCountries(x: AboutInput): string[] {
  if (x.mentions.length === 0) {
    // No state named: the document's main state when the context names it, else the primary state named last.
    if (x.primary.length && x.previous.includes(x.primary[0])) return [x.primary[0]];
    const last = [...x.previous].reverse().find((c) => x.primary.includes(c));
    return last ? [last] : [];
  }
  const starts = x.sentences ?? sentenceStarts(x.text, x.start, x.end);
  const cueSentences = new Set(x.cues.map((c) => sentenceOf(starts, c.start)));
  const score = new Map<string, number>();
  for (const m of x.mentions) {
    const s = sentenceOf(starts, m.start);
    let w = ELSEWHERE;
    if (cueSentences.has(s)) w = SAME_SENTENCE;
    else if (cueSentences.has(s - 1) || cueSentences.has(s + 1)) w = NEXT_SENTENCE;
    const before = x.text.slice(Math.max(starts[s], m.start - 40), m.start);
    if (isSource(before)) w *= SOURCE_FACTOR;
    score.set(m.code, (score.get(m.code) ?? 0) + w);
  }
  for (const code of score.keys()) {
    const rank = x.primary.indexOf(code);
    if (rank >= 0) score.set(code, score.get(code)! + (rank === 0 ? PRIMARY_BONUS : PRIMARY_BONUS / 2));
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0][1];
  return ranked.filter(([, s]) => s >= best * SHARE_OF_BEST).map(([c]) => c);
}
