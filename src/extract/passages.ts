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
