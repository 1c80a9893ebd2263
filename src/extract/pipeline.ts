/**
 * Extraction of one document: language, date, country mentions and primary countries, criteria
 * with their cues (per passage and for the whole document), figures and tables. The text is
 * folded and scanned once for countries and criterion cues together (scan.ts); passages reuse those hits.
 */
import { detectLanguage } from './language.js';
import { isContentsListing, splitPassages } from './passages.js';
import { extractDocumentDate, isValidPartialDate } from './dates.js';
import { findCountryMentions, countMentions, type CountryMention } from './mentions.js';
import { rankPrimaryCountries, isLongDocument } from './primary.js';
import { scoreCueHits, relevantCriteria, allyMarkers, RELEVANCE_THRESHOLD, type CriterionScore, type CueHit } from './criteria.js';
import { scanText } from './scan.js';
import { extractFigures, type Figure } from './figures.js';
import { extractTables, type ExtractedTable } from './tables.js';
import { isSovereignState } from '../core/countries/resolve.js';
import { aboutCountries, sentenceStarts } from './about.js';
import { extractionSupport, type ExtractionSupport } from './language.js';

export interface ExtractionInput {
  id?: string | null;
  text: string;
  title?: string | null;
  /** Explicit language; wins over detection. */
  lang?: string | null;
  /** Explicit document date (ISO partial); wins over detection. */
  date?: string | null;
}

export interface PassageExtraction {
  index: number;
  start: number;
  end: number;
  countries: Array<{ code: string; count: number }>;
  /** The states the passage speaks of: its criteria's `about` states, or for a passage without criteria the states it is mainly about. */
  about: string[];
  /** Each criterion with `about`: the states its evidence in this passage concerns. */
  criteria: Array<CriterionScore & { about: string[] }>;
}

export interface Extraction {
  id: string | null;
  language: string;
  /** 'full' (countries, dates, figures and criteria), 'countries' (no criterion cues in this language) or 'unsupported'. */
  support: ExtractionSupport;
  /** ISO partial date (YYYY, YYYY-MM, YYYY-MM-DD) or null. */
  date: string | null;
  countries: Array<{ code: string; count: number; mentions: Array<{ start: number; end: number; text: string }> }>;
  /** The one to three states the document is mainly about, most central first. */
  primary: string[];
  /** Criteria relevant to the document as a whole. */
  criteria: CriterionScore[];
  figures: Figure[];
  tables: ExtractedTable[];
  passages: PassageExtraction[];
}

/** A passage that names no state reads its context: the mentions of up to this many passages before it… */
const CONTEXT_PASSAGES = 3;
/** …and at most this many of them. */
const CONTEXT_MENTIONS = 12;

/** Document-level relevance needs a little more than one passage's: cues add up over a whole text. */
const DOCUMENT_THRESHOLD = 3.5;

export function extractDocument(input: ExtractionInput): Extraction {
  const text = typeof input.text === 'string' ? input.text : '';
  const language = input.lang || detectLanguage(text);
  const date = input.date && isValidPartialDate(input.date) ? input.date : extractDocumentDate(text);
  const scan = scanText(text, language);
  const mentions = scan.mentions.filter((m) => isSovereignState(m.code));
  const titleMentions = input.title ? findCountryMentions(input.title, language) : [];
  const spans = splitPassages(text);
  const primary = rankPrimaryCountries(text, mentions, { title: input.title, titleMentions, sections: spans });
  const cues = weighInterstate(mergeByStart(scan.cues, allyMarkers(mentions)), mentions);

  let m = 0;
  // raw cue weight per criterion of every passage, for the document-level decision on long texts
  const passageRaw: Array<Map<number, number>> = [];
  const scored = <T extends { criterion: number; raw: number }>(list: T[]): T[] => {
    passageRaw.push(new Map(list.map((x) => [x.criterion, x.raw])));
    return list;
  };
  const contextStart = (index: number) => spans[Math.max(0, index - CONTEXT_PASSAGES)].start;
  const passages = spans.map((p) => {
    const local = within(mentions, p.start, p.end);
    const localCues = within(cues, p.start, p.end);
    while (m < mentions.length && mentions[m].start < p.start) m++;
    // the context: states named in the passages just before this one
    const previous = mentions.slice(Math.max(0, m - CONTEXT_MENTIONS), m).filter((x) => x.start >= contextStart(p.index)).map((x) => x.code);
    let sentences: number[] | undefined;
    const listing = isContentsListing(text.slice(p.start, p.end));
    const criteria = relevantCriteria(scored(listing ? [] : scoreCueHits(text, localCues))).map((c) => {
      sentences ??= local.length > 1 ? sentenceStarts(text, p.start, p.end) : [p.start];
      const cueHits = localCues.filter((h) => h.criterion === c.criterion);
      return { ...c, about: aboutCountries({ text, start: p.start, end: p.end, mentions: local, cues: cueHits, primary, previous, sentences }) };
    });
    const about = criteria.length
      ? [...new Set(criteria.flatMap((c) => c.about))]
      : aboutCountries({ text, start: p.start, end: p.end, mentions: local, cues: [], primary, previous, sentences: [p.start] });
    return {
      index: p.index,
      start: p.start,
      end: p.end,
      countries: countMentions(local).map(({ code, count }) => ({ code, count })),
      about,
      criteria,
    };
  });

  const tables = extractTables(text, language === 'en' ? 'en' : 'de');
  return {
    id: input.id ?? null,
    language,
    date,
    countries: countMentions(mentions).map(({ code, count, mentions: ms }) => ({
      code,
      count,
      mentions: ms.map(({ start, end, text: t }) => ({ start, end, text: t })),
    })),
    primary,
    criteria: documentCriteria(text, cues, passageRaw),
    // numbers inside tables are table cells (see `tables`), not prose figures
    figures: extractFigures(text, language, mentions, tables),
    tables,
    passages,
    support: extractionSupport(language),
  };
}

/**
 * The criteria of the whole document. Cues add up over a short text; a long report (several
 * sections) names a criterion's words in passing in many places, so there a criterion counts only
 * where a section gives evidence for it: one passage reaching the passage threshold, or two
 * reaching half of it.
 */
function documentCriteria(text: string, cues: readonly CueHit[], passageRaw: ReadonlyArray<ReadonlyMap<number, number>>): CriterionScore[] {
  const all = scoreCueHits(text, cues);
  if (!isLongDocument(text, passageRaw.length)) return relevantCriteria(all, DOCUMENT_THRESHOLD);
  const reaching = (criterion: number, min: number) => passageRaw.filter((r) => (r.get(criterion) ?? 0) >= min).length;
  return all
    .filter((s) => reaching(s.criterion, RELEVANCE_THRESHOLD) >= 1 || reaching(s.criterion, RELEVANCE_THRESHOLD / 2) >= 2)
    .map(({ criterion, score, cues: shown }) => ({ criterion, score, cues: shown }));
}

/**
 * Countries and criteria of one passage, for ingestion (called once per stored passage; no
 * figures, tables or dates, so it stays cheap).
 */
export function analyzePassage(
  text: string,
  lang: string,
): { countries: Array<{ code: string; count: number }>; criteria: CriterionScore[] } {
  if (typeof text !== 'string' || !text) return { countries: [], criteria: [] };
  const scan = scanText(text, lang);
  const mentions = scan.mentions.filter((m) => isSovereignState(m.code));
  return {
    countries: countMentions(mentions).map(({ code, count }) => ({ code, count })),
    criteria: relevantCriteria(scoreCueHits(text, scan.cues)),
  };
}

/**
 * Criterion 4 is about conflict between states: its cues count half where fewer than two states
 * are named around them (INTERSTATE_WINDOW characters either side, about a sentence and its neighbours).
 */
const INTERSTATE_CRITERION = 4;
const ONE_STATE_FACTOR = 0.5;
const INTERSTATE_WINDOW = 250;

/**
 * And the reverse: words of fighting that say nothing of who fights ("clashes", "killed",
 * "Gefechte") are criterion 3's only where one state is named around them; between two states
 * they are the interstate fighting of criterion 4 and count half for criterion 3.
 */
const INTERNAL_CRITERION = 3;
const SHARED_FIGHTING = new Set([
  'fighting', 'clashes', 'killed', 'armed conflict', 'violence', 'attack', 'kampfe', 'gefecht', 'getotet', 'tote', 'bewaffnete konflikt', 'gewalt',
  'affrontements', 'combats', 'tues', 'conflit arme', 'enfrentamientos', 'combates', 'violencia', 'muertos', 'conflicto armado', 'scontri',
  'combattimenti', 'morti', 'violenz', 'conflitto armato', 'confrontos', 'mortos', 'conflito armado', 'starci', 'walk', 'przemoc', 'zabit',
  'конфликт', 'столкновени', 'бои', 'насили', 'погибл',
]);

function weighInterstate(cues: CueHit[], mentions: readonly CountryMention[]): CueHit[] {
  if (!cues.some((c) => c.criterion === INTERSTATE_CRITERION || c.criterion === INTERNAL_CRITERION)) return cues;
  return cues.map((c) => {
    const shared = c.criterion === INTERNAL_CRITERION && SHARED_FIGHTING.has(c.cue);
    if (c.criterion !== INTERSTATE_CRITERION && !shared) return c;
    const near = within(mentions, c.start - INTERSTATE_WINDOW, c.end + INTERSTATE_WINDOW);
    let states = 1;
    for (let i = 1; i < near.length && states < 2; i++) if (near[i].code !== near[0].code) states = 2;
    if (near.length === 0) states = 0;
    if (c.criterion === INTERSTATE_CRITERION) return states >= 2 ? c : { ...c, weight: c.weight * ONE_STATE_FACTOR };
    return states >= 2 ? { ...c, weight: c.weight * ONE_STATE_FACTOR } : c;
  });
}

/** Two lists sorted by start, merged. */
function mergeByStart(a: CueHit[], b: CueHit[]): CueHit[] {
  if (b.length === 0) return a;
  return [...a, ...b].sort((x, y) => x.start - y.start);
}

/** Items (sorted by start) that lie inside [start, end). */
function within<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < items.length && items[i].start < end; i++) if (items[i].end <= end) out.push(items[i]);
  return out;
}

export type { CountryMention, CueHit };
