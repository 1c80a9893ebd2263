/** The web app's message catalogues and the translator for one request's language. */
import { en, type MessageKey } from './en.js';
import { de } from './de.js';
import { formatNumber, selectPlurals, type Lang } from '../../../core/locale.js';
import { interpolate } from '../../../render/i18n/index.js';

export { LANGS, isLang, type Lang } from '../../../core/locale.js';
export type { MessageKey };
export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, de };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Numbers in `vars` are written per locale (`1.145` / `1,145`) and choose plural forms
 * (`Intl.PluralRules`); placeholders are filled by the brief's one interpolation (a missing value is
 * a programming error, never shown).
 */
export function translator(lang: Lang): Translate {
  const cat = CATALOGUES[lang];
  return (key, vars = {}) => {
    const counts: Record<string, number> = {};
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(vars)) {
      if (typeof v === 'number') {
        counts[k] = v;
        params[k] = formatNumber(v, lang, Number.isInteger(v) ? 0 : 2);
      } else params[k] = v;
    }
    return interpolate(selectPlurals(cat[key], counts, lang), params, lang);
  };
}
