/** Turns the typed values of a brief model into text of one language. */
import { formatDate, formatList, formatMonth, formatNumber, formatPercent, formatSignedPercent, formatYear, type Lang } from '../core/locale.js';
import { message } from './i18n/index.js';
import type { MessageKey } from './i18n/en.js';
import type { SourceLine, Val } from './brief-model.js';

export function t(lang: Lang, key: MessageKey, params: Record<string, string> = {}): string {
  return message(lang, key, params);
}

/** Called for data text in another language than the page's; returns what stands in its place. */
export type MarkForeign = (text: string, lang: string) => string;

/**
 * Plain text of a value in the language (no markup; the HTML renderer escapes it). With `mark`,
 * data text in another language is handed to it wherever it sits (inside messages and lists), so
 * the HTML renderer can wrap it in a `lang` span.
 */
export function localize(v: Val, lang: Lang, mark?: MarkForeign): string {
  const rec = (x: Val) => localize(x, lang, mark);
  switch (v.t) {
    case 'num':
      return formatNumber(v.v, lang, v.digits);
    case 'pct':
      return v.signed ? formatSignedPercent(v.v, lang, v.digits ?? 1) : formatPercent(v.v, lang, v.digits ?? 1);
    case 'year':
      return formatYear(v.v);
    case 'text':
      return mark && v.lang && v.lang !== lang && v.v ? mark(v.v, v.lang) : v.v;
    case 'loc':
      return v.v[lang];
    case 'msg': {
      const params: Record<string, string> = {};
      const counts: Record<string, number> = {};
      for (const [k, p] of Object.entries(v.params ?? {})) {
        params[k] = rec(p);
        if (p.t === 'num') counts[k] = p.v;
      }
      return message(lang, v.key, params, counts);
    }
    case 'date':
      return formatDate(v.v, lang);
    case 'month':
      return formatMonth(v.v, lang);
    case 'rating':
      return message(lang, `rating.${v.v}` as MessageKey);
    case 'confidence':
      return message(lang, `confidence.${v.v}` as MessageKey);
    case 'list':
      return formatList(v.items.map(rec).filter((s) => s !== ''), lang);
    case 'seq':
      return v.items.map(rec).filter((s) => s !== '').join(' ');
    case 'none':
      return message(lang, 'value.none');
  }
}

/**
 * "Quelle: SIPRI Military Expenditure Database; Stand 2024" / "Source: …; as of 2024". `source` writes
 * each source and `words` the catalogue's words (the HTML renderer marks and escapes them).
 */
export function sourceLineText(s: SourceLine, lang: Lang, source: (v: Val) => string = (v) => localize(v, lang), words: (w: string) => string = (w) => w): string {
  const label = t(lang, s.sources.length > 1 ? 'source.labelPlural' : 'source.label');
  const asOf = s.asOf ? `; ${words(t(lang, 'source.asOf', { asOf: localize(s.asOf, lang) }))}` : '';
  return `${words(label)}: ${s.sources.map(source).join('; ')}${asOf}`;
}
