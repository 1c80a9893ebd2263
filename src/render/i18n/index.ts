/** The message catalogues of the brief, one per language, and placeholder interpolation. */
import { de } from './de.js';
import { en, type MessageKey } from './en.js';
import type { Lang } from '../format.js';

export type { MessageKey };

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { de, en };

export function isLang(v: unknown): v is Lang {
  return v === 'de' || v === 'en';
}

/** Placeholder names of a template, in order: "{a} of {b}" → ["a", "b"]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]);
}

/** Replaces every `{name}`; a placeholder without a value is a programming error, never shown. */
export function interpolate(template: string, params: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`message parameter {${name}} missing in "${template}"`);
    return v;
  });
}

export function message(lang: Lang, key: MessageKey, params: Record<string, string> = {}): string {
  const template = CATALOGUES[lang][key];
  if (template === undefined) throw new Error(`no message ${key} in ${lang}`);
  return interpolate(template, params);
}
