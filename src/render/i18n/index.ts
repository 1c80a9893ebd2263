/** The message catalogues of the brief, one per language, and placeholder interpolation. */
import { de } from './de.js';
import { en, type MessageKey } from './en.js';
import { selectPlurals, type Lang } from '../../core/locale.js';
import { englishCountry, germanCountry, type GermanCase } from './german-cases.js';

export type { MessageKey };

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { de, en };

/** `{name}` or, in German templates, `{name:dat}`: a country name in a grammatical case. */
const PLACEHOLDER = /\{([a-zA-Z0-9_]+)(?::(nom|acc|dat|gen|nach|in))?\}/g;

/** Placeholder names of a template, in order: "{a} of {b}" → ["a", "b"] (cases dropped). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Replaces every `{name}`; a placeholder without a value is a programming error, never shown. A
 * cased placeholder puts the article before a country name ("der Ukraine", "the United States"); one
 * at the start of the message is capitalised ("Die USA gaben …").
 */
export function interpolate(template: string, params: Record<string, string>, lang: Lang = 'de'): string {
  return template.replace(PLACEHOLDER, (whole: string, name: string, c: GermanCase | undefined, offset: number) => {
    const v = params[name];
    if (v === undefined) throw new Error(`message parameter {${name}} missing in "${template}"`);
    if (!c) return v;
    const out = lang === 'de' ? germanCountry(v, c) : englishCountry(v, c);
    // Capitalised at the start of a sentence, not when the template is the name alone (a list item).
    return offset === 0 && template.length > whole.length ? out.charAt(0).toUpperCase() + out.slice(1) : out;
  });
}

/** A message of the catalogue; `counts` choose its plural forms (`{count, plural, one {…} other {…}}`). */
export function message(lang: Lang, key: MessageKey, params: Record<string, string> = {}, counts: Record<string, number> = {}): string {
  const template = CATALOGUES[lang][key];
  if (template === undefined) throw new Error(`no message ${key} in ${lang}`);
  return interpolate(selectPlurals(template, counts, lang), params, lang);
}
