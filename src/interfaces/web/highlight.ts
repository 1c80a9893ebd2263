/**
 * Marks in a document's text: country mentions, figures and criterion cues, as character ranges.
 * The text is escaped piece by piece, so a mark can never let document text become markup.
 */
import { html, type SafeHtml } from './html.js';

export type MarkKind = 'country' | 'figure' | 'cue';

export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  /** Shown as the mark's title: the country code, the criterion, the figure's meaning. */
  label: string;
}

/** Non-overlapping marks in text order; on overlap the earlier (then longer) one wins. */
export function normalizeMarks(marks: Mark[], length: number): Mark[] {
  const sorted = marks
    .filter((m) => m.start >= 0 && m.end <= length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** Case-insensitive occurrences of cue words inside [from, to) of the text. */
export function findCues(text: string, from: number, to: number, cues: Array<{ cue: string; label: string }>): Mark[] {
  const slice = text.slice(from, to);
  const lower = slice.toLowerCase();
  if (lower.length !== slice.length) return [];
  const out: Mark[] = [];
  for (const { cue, label } of cues) {
    const needle = cue.toLowerCase().trim();
    if (needle.length < 3) continue;
    let i = lower.indexOf(needle);
    while (i >= 0) {
      out.push({ start: from + i, end: from + i + needle.length, kind: 'cue', label });
      i = lower.indexOf(needle, i + needle.length);
    }
  }
  return out;
}

/** The text between from and to with the marks (already normalized, sorted) as <mark> elements. */
export function highlightRange(text: string, from: number, to: number, marks: Mark[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let pos = from;
  for (const m of marks) {
    if (m.end <= from || m.start >= to) continue;
    const s = Math.max(m.start, from);
    const e = Math.min(m.end, to);
    if (s > pos) parts.push(html`${text.slice(pos, s)}`);
    parts.push(html`<mark class="${m.kind}" title="${m.label}">${text.slice(s, e)}</mark>`);
    pos = e;
  }
  if (pos < to) parts.push(html`${text.slice(pos, to)}`);
  return html`${parts}`;
}
