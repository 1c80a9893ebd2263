/** The message catalogues and the translator for one request's language. */
import { en, type MessageKey } from './en.js';
import { de } from './de.js';

export type Lang = 'de' | 'en';
export type { MessageKey };
export const LANGS: readonly Lang[] = ['de', 'en'];
export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, de };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const cat = CATALOGUES[lang];
  return (key, vars) => {
    let s = cat[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}

export function isLang(v: unknown): v is Lang {
  return v === 'de' || v === 'en';
}

/** Numbers formatted per locale: German 1.145 and 0,4; English 1,145 and 0.4. */
export function formatNumber(n: number, lang: Lang, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: maxFractionDigits }).format(n);
}
