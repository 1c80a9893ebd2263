/**
 * The one HTML (and XML) escaper of armsbrief: the web framework's own (`hono`'s `escapeToBuffer`, the
 * escaper behind its `html` helper), for web pages, briefs, SVG charts and PDF templates alike, so
 * untrusted text is escaped the same way wherever it is written.
 */
import { escapeToBuffer } from 'hono/utils/html';

/** `& < > " '` as entities: safe in element content and in quoted attributes. */
export function escapeHtml(s: string): string {
  const out: [string] = [''];
  escapeToBuffer(s, out);
  return out[0];
}

/** The text of an HTML fragment we wrote ourselves: tags dropped, `escapeHtml`'s entities undone. */
export function htmlToText(s: string): string {
  return s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
