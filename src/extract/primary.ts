/**
 * The one to three states a document is mainly about, ranked from how often, where (title,
 * lead) and how (name or adjective; a dateline or a passing capital weighs little) it mentions them.
 */
import type { CountryMention } from './mentions.js';

/** Characters after the title that count as the lead. */
const LEAD_CHARS = 400;
const TITLE_BONUS = 3;
const LEAD_BONUS = 1.5;
/** A country below this share of the top score is not primary. */
const RELATIVE_CUTOFF = 0.3;
const MAX_PRIMARY = 3;

export interface PrimaryOptions {
  /** Explicit title; else the first non-empty line of the text is taken as the title when it is short. */
  title?: string | null;
  /** Mentions found in the explicit title. */
  titleMentions?: readonly CountryMention[];
  /**
   * Passage spans of a long document: a state that is the most named one in many sections is what
   * a multi-page report is about, even when another dominates its lead.
   */
  sections?: ReadonlyArray<{ start: number; end: number }>;
}

/**
 * A document of at least this many passages and characters is long (a report of several pages or
 * sections): it weighs its sections. Applied to every dev document of three or more passages
 * (1,000–2,000 characters), the section rules changed criteria micro-F1 by −0.002 and primaries by
 * −0.008, so they are safe from a long article's length (2,500) on, where passing mentions pile up.
 */
export const LONG_DOCUMENT_PASSAGES = 4;
export const LONG_DOCUMENT_CHARS = 2500;

export function isLongDocument(text: string, passages: number): boolean {
  return passages >= LONG_DOCUMENT_PASSAGES && text.length >= LONG_DOCUMENT_CHARS;
}
const SECTION_WEIGHT = 1.5;

/** Where the body starts and the title ends: a leading ` date … ` header and a short first line are skipped. */
function titleSpan(text: string): { start: number; end: number } {
  let i = 0;
  const header = /^\s*date\s+\d{4}(?:-\d{2}){0,2}\s*/.exec(text.slice(0, 40));
  if (header) i = header[0].length;
  while (i < text.length && /\s/.test(text[i])) i++;
  const nl = text.indexOf('\n', i);
  // a one-line text has no title; a long first line is a paragraph, not a title
  return nl !== -1 && nl - i <= 200 ? { start: i, end: nl } : { start: i, end: i };
}

/** A capital at the very start ("STOCKHOLM:", "Sanaa/Berlin (APA/AFP)") is a dateline: where, not what. */
function isDateline(text: string, m: CountryMention, bodyStart: number): boolean {
  if (m.kind !== 'capital') return false;
  if (m.start - bodyStart > 60) return false;
  const after = text.slice(m.end, m.end + 40);
  return /^\s*(?:[/,–-]|\(|:)/.test(after);
}

const MENTION_WEIGHT: Record<string, number> = { name: 1, adjective: 0.8, demonym: 0.9, capital: 0.6 };

/** A state named in an enumeration of at least this many ("Gabon, Kenya, India, Russia and China abstained")… */
const LIST_MIN = 3;
/** …weighs this much and takes no lead bonus: a list names who took part, rarely whom the text is about. */
const LIST_FACTOR = 0.5;
/** What may stand between two listed states: commas, a slash or up to two short words ("and", "und", "sowie", "et l'", "y", "и", "oraz"). */
const LIST_GAP = /^[\s,;/&]*(?:[\p{L}'’]{1,5}[\s,'’]*){0,2}$/u;

/** The mentions that are part of an enumeration of LIST_MIN or more different states. */
export function listedMentions(text: string, mentions: readonly CountryMention[]): Set<CountryMention> {
  const out = new Set<CountryMention>();
  let run: CountryMention[] = [];
  const close = () => {
    if (new Set(run.map((m) => m.code)).size >= LIST_MIN) for (const m of run) out.add(m);
  };
  for (const m of mentions) {
    const prev = run[run.length - 1];
    const gap = prev ? text.slice(prev.end, m.start) : '';
    if (prev && gap.length <= 12 && LIST_GAP.test(gap)) run.push(m);
    else {
      close();
      run = [m];
    }
  }
  close();
  return out;
}

export function rankPrimaryCountries(text: string, mentions: readonly CountryMention[], opts: PrimaryOptions = {}): string[] {
  const scores = rankCountries(text, mentions, opts);
  if (scores.length === 0) return [];
  const top = scores[0].score;
  return scores
    .filter((s) => s.score >= top * RELATIVE_CUTOFF)
    .slice(0, MAX_PRIMARY)
    .map((s) => s.code);
}

/** Every mentioned country with its primary score, best first. */
export function rankCountries(
  text: string,
  mentions: readonly CountryMention[],
  opts: PrimaryOptions = {},
): Array<{ code: string; score: number }> {
  const inferred = titleSpan(text);
  // An explicit title replaces the guess from the first line.
  const span = opts.title ? { start: inferred.start, end: inferred.start } : inferred;
  const hasTitle = span.end > span.start;
  const titleCodes = new Set<string>();
  for (const m of opts.titleMentions ?? []) titleCodes.add(m.code);
  const leadEnd = (hasTitle ? span.end : span.start) + LEAD_CHARS;
  const score = new Map<string, { s: number; first: number; inTitle: boolean; inLead: boolean }>();
  const listed = listedMentions(text, mentions);
  for (const m of mentions) {
    let e = score.get(m.code);
    if (!e) score.set(m.code, (e = { s: 0, first: m.start, inTitle: titleCodes.has(m.code), inLead: false }));
    if (isDateline(text, m, span.start)) {
      e.s += 0.2;
      continue;
    }
    const inList = listed.has(m);
    e.s += (MENTION_WEIGHT[m.kind ?? 'name'] ?? 1) * (inList ? LIST_FACTOR : 1);
    if (hasTitle && m.start >= span.start && m.end <= span.end) e.inTitle = true;
    else if (inList) continue;
    else if (m.start < leadEnd) e.inLead = true;
  }
  const led = opts.sections && isLongDocument(text, opts.sections.length) ? sectionsLed(mentions, opts.sections) : new Map<string, number>();
  const out: Array<{ code: string; score: number; first: number }> = [];
  for (const [code, e] of score) {
    const s = Math.sqrt(e.s) * 2 + (e.inTitle ? TITLE_BONUS : 0) + (e.inLead ? LEAD_BONUS : 0) + SECTION_WEIGHT * Math.sqrt(led.get(code) ?? 0);
    out.push({ code, score: Math.round(s * 100) / 100, first: e.first });
  }
  out.sort((a, b) => b.score - a.score || a.first - b.first);
  return out.map(({ code, score: s }) => ({ code, score: s }));
}

/** For a long document: in how many sections each state is the most named one. */
function sectionsLed(mentions: readonly CountryMention[], sections: PrimaryOptions['sections']): Map<string, number> {
  const led = new Map<string, number>();
  if (!sections) return led;
  let i = 0;
  for (const sec of sections) {
    const counts = new Map<string, number>();
    while (i < mentions.length && mentions[i].start < sec.start) i++;
    for (; i < mentions.length && mentions[i].start < sec.end; i++) counts.set(mentions[i].code, (counts.get(mentions[i].code) ?? 0) + 1);
    let best: string | null = null;
    let n = 0;
    for (const [code, c] of counts) if (c > n) [best, n] = [code, c];
    if (best) led.set(best, (led.get(best) ?? 0) + 1);
  }
  return led;
}
