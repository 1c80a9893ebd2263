/** Plain-language pieces shared by compare, diff and the CLI: values with year and source, rule lists. */
import type { Localized, ValueRead } from './types.js';
import { formatSignificant, type Lang } from '../core/locale.js';
import { UI_LABELS, word } from './labels.js';
import { describeReferenceSource, parseReferenceSource } from '../core/reference-source.js';


export function formatValue(v: ValueRead, lang: Lang = 'en'): string {
  const shown = v.valueText ?? (v.value === null ? '–' : formatSignificant(v.value, lang));
  const flags = [v.imputed ? word('value.noRecord', lang) : null, v.stale ? UI_LABELS.stale[lang] : null].filter(Boolean);
  const who = v.country ? `${v.country}: ` : '';
  return `${who}${v.indicator}=${shown} (${v.year}, ${sourceWords(v.source, lang)}${flags.length ? `; ${flags.join(', ')}` : ''})`;
}

/** A value's source as the reader sees it: a reference list with its as-of date and address, else the stored name. */
export function sourceWords(source: string, lang: Lang = 'en'): string {
  const ref = parseReferenceSource(source);
  return ref ? describeReferenceSource(ref, lang) : source;
}

export function formatValues(values: ValueRead[], lang: Lang = 'en'): string {
  return values.length ? values.map((v) => formatValue(v, lang)).join('; ') : word('value.noValues', lang);
}

export function pick<T>(l: { de: T; en: T }, lang: Lang): T {
  return l[lang];
}

/** A reason in the reader's language. Assessments stored before reasons were bilingual hold English strings. */
export function localize(text: Localized | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}
