/**
 * Paragraph-level passages with offsets into the document text. Paragraphs are separated by
 * blank lines; very short ones are merged with the next, very long ones are cut at a sentence
 * or word boundary so every passage stays a readable unit and a valid tsvector input.
 */
import type { PassageSpan } from '../core/types.js';

export const MAX_PASSAGE_CHARS = 2000;
const MIN_PASSAGE_CHARS = 80;

export function splitPassages(text: string, maxChars = MAX_PASSAGE_CHARS): PassageSpan[] {
  const spans: Array<[number, number]> = [];
  const para = /\n[ \t\r]*\n/g;
  let from = 0;
  const pushTrimmed = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push([s, e]);
  };
  for (let m = para.exec(text); m; m = para.exec(text)) {
    pushTrimmed(from, m.index);
    from = m.index + m[0].length;
  }
  pushTrimmed(from, text.length);

  // Merge short paragraphs (headings, table rows) into the following one.
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && last[1] - last[0] < MIN_PASSAGE_CHARS && span[1] - last[0] <= maxChars) last[1] = span[1];
    else merged.push([span[0], span[1]]);
  }

  const out: PassageSpan[] = [];
  for (const [s, e] of merged) {
    for (const [cs, ce] of cutLong(text, s, e, maxChars)) {
      out.push({ index: out.length, start: cs, end: ce, text: text.slice(cs, ce) });
    }
  }
  return out;
}

function cutLong(text: string, start: number, end: number, maxChars: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let s = start;
  while (end - s > maxChars) {
    const window = text.slice(s, s + maxChars);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('.\n'), window.lastIndexOf('\n'));
    if (cut < maxChars / 2) cut = window.lastIndexOf(' ');
    if (cut < maxChars / 4) cut = maxChars - 1; // no boundary at all: hard cut
    let e = s + cut + 1;
    // never split a UTF-16 surrogate pair
    if (/[\uD800-\uDBFF]/.test(text[e - 1] ?? '')) e++;
    parts.push([s, e]);
    s = e;
    while (s < end && /\s/.test(text[s])) s++;
  }
  if (end > s) parts.push([s, end]);
  return parts;
}

/** Heading, page number, next heading: "… Verpflichtungen 22 Achtung der Menschenrechte 23 Innere Lage 28 …". */
const CONTENTS_ENTRY = /\p{L}[\p{L}\p{M})]*[ \t]*\.{0,80}[ \t]+(\d{1,3})[ \t\r\n]+(?=\p{Lu}|\d{1,2}\.?\s+\p{Lu})/gu;

/**
 * True for a table of contents: headings each followed by a page number, the numbers rising. It
 * names every topic of a report and argues none, so it is no evidence for any criterion.
 */
export function isContentsListing(passage: string): boolean {
  const pages: number[] = [];
  for (const m of passage.matchAll(CONTENTS_ENTRY)) pages.push(Number(m[1]));
  if (pages.length < 5) return false;
  let rising = 0;
  for (let i = 1; i < pages.length; i++) if (pages[i] >= pages[i - 1]) rising++;
  // Mostly rising page numbers, and headings rather than prose: few sentence ends per entry.
  const sentenceEnds = (passage.match(/[.!?](?=\s+\p{Lu})/gu) ?? []).length;
  return rising >= 0.8 * (pages.length - 1) && sentenceEnds <= pages.length / 4;
}
