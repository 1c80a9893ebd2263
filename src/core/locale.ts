/**
 * The languages and the one locale formatter of every layer (briefs, web pages, CLI, assessment
 * texts) with `Intl`: numbers (`1.145` / `1,145`), percentages (`0,4 %` / `0.4%`), months (`Juni
 * 2026` / `June 2026`), days and partial ISO dates, lists, and plural forms (`Intl.PluralRules`).
 * Pure; no clock.
 */
export type Lang = 'de' | 'en';
export const LANGS: readonly Lang[] = ['de', 'en'];

export function isLang(v: unknown): v is Lang {
  return v === 'de' || v === 'en';
}

const LOCALES: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, min: number, max: number, grouping = true): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}|${grouping}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: grouping });
    numberFormats.set(key, f);
  }
  return f;
}

/** Decimal places shown when none are asked for: fewer for large numbers (1,145; 187.7; 0.43). */
export function autoDigits(v: number): number {
  const a = Math.abs(v);
  if (a >= 100) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 1;
  if (a === 0) return 0;
  return 2;
}

/**
 * A number in the language's format. `digits` is the maximum number of decimals (trailing zeros are
 * dropped); default depends on the size of the number.
 */
export function formatNumber(v: number, lang: Lang, digits?: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  const max = digits ?? autoDigits(v);
  const out = numberFormat(lang, 0, max).format(v);
  // "-0" after rounding a tiny negative number reads as nonsense.
  return /^[-−]0([.,]0*)?$/.test(out) ? out.replace(/^[-−]/, '') : out;
}

/** Exactly `digits` decimals, so a column lines up (`0,25` / `0.25`); never "-0,00". */
export function formatFixed(v: number, lang: Lang, digits = 2): string {
  if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  const out = numberFormat(lang, digits, digits).format(v);
  return /^[-−]0([.,]0*)?$/.test(out) ? out.replace(/^[-−]/, '') : out;
}

/** At most four significant digits (0.428428 → `0,4284`, 12090.5 → `12.090`): a stored value in running text. */
export function formatSignificant(v: number, lang: Lang): string {
  return formatNumber(Number.isInteger(v) ? v : Number(v.toPrecision(4)), lang, 20);
}

/** A percentage given in percent units (0.4 → `0,4 %` / `0.4%`). */
export function formatPercent(v: number, lang: Lang, digits = 1): string {
  const n = formatNumber(v, lang, digits);
  return lang === 'de' ? `${n}\u00a0%` : `${n}%`;
}

/** A signed change in percent (`+12,5 %` / `+12.5%`). */
export function formatSignedPercent(v: number, lang: Lang, digits = 1): string {
  const p = formatPercent(Math.abs(v), lang, digits);
  const zero = Number(Math.abs(v).toFixed(digits)) === 0;
  return zero ? p : `${v < 0 ? '−' : '+'}${p}`;
}

/** A year as written (no thousands separator). */
export function formatYear(y: number): string {
  return String(Math.trunc(y));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, kind: 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${lang}|${kind}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      LOCALES[lang],
      kind === 'month' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    );
    dateFormats.set(key, f);
  }
  return f;
}

function parseIso(d: string): { y: number; m?: number; day?: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d.trim());
  if (!m) return null;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

/** Month and year of an ISO date (`Juni 2026` / `June 2026`). */
export function formatMonth(iso: string, lang: Lang): string {
  const p = parseIso(iso);
  if (!p) return iso;
  if (p.m === undefined) return String(p.y);
  return dateFormat(lang, 'month').format(new Date(Date.UTC(p.y, p.m - 1, 1)));
}

/**
 * An ISO date, full or partial, as precisely as it is given: `2026` → `2026`, `2026-06` → `Juni 2026`,
 * `2026-06-30` → `30. Juni 2026` / `30 June 2026`.
 */
export function formatDate(iso: string, lang: Lang): string {
  const p = parseIso(iso);
  if (!p) return iso;
  if (p.m === undefined) return String(p.y);
  if (p.day === undefined) return formatMonth(iso, lang);
  return dateFormat(lang, 'day').format(new Date(Date.UTC(p.y, p.m - 1, p.day)));
}

const listFormats = new Map<Lang, Intl.ListFormat>();

/** `A, B und C` / `A, B and C`. */
export function formatList(items: string[], lang: Lang): string {
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' });
    listFormats.set(lang, f);
  }
  return f.format(items);
}

/** d3-format locale definitions for Vega charts, matching `formatNumber`. */
export function d3NumberLocale(lang: Lang): { decimal: string; thousands: string; grouping: number[]; currency: [string, string] } {
  return lang === 'de'
    ? { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'] }
    : { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] };
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category of a count in the language ('one', 'other', …). */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  let r = pluralRules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, r);
  }
  return r.select(n);
}

/** `{name, plural, one {…} other {…}}` (ICU message syntax; `#` is the formatted count). */
const PLURAL = /\{([a-zA-Z0-9_]+), plural,((?:\s*[a-z]+ \{[^{}]*\})+)\s*\}/g;

/**
 * Chooses the plural form of every plural block for the counts given, by the language's rules; the
 * rest of the template (`{name}` placeholders) is left for the caller's interpolation.
 */
export function selectPlurals(template: string, counts: Record<string, number>, lang: Lang): string {
  return template.replace(PLURAL, (_whole: string, name: string, body: string) => {
    const n = counts[name];
    if (n === undefined) throw new Error(`plural count {${name}} missing in "${template}"`);
    const forms = new Map([...body.matchAll(/([a-z]+) \{([^{}]*)\}/g)].map((m) => [m[1], m[2]]));
    const form = forms.get(pluralCategory(n, lang)) ?? forms.get('other');
    if (form === undefined) throw new Error(`no "other" form for {${name}} in "${template}"`);
    return form.replace(/#/g, formatNumber(n, lang, 0));
  });
}
