/**
 * Numbers written in German or English: `13.221`, `1,5`, `0,4`, `12.000.000` (German), `10,000`,
 * `1.5`, `$500,000` (English), with the locale deciding what a lone separator means. Every regular
 * expression here is linear (no nested quantifiers), so malformed input cannot make it backtrack.
 */

export type NumberLocale = 'de' | 'en';

const DIGITS_ONLY = /^\d+$/;
const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+$/; // 12.000.000
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+$/; // 12,000,000
const GROUPED_SPACE = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/; // 12 000 000
const GROUPED_APOS = /^\d{1,3}(?:['’]\d{3})+$/; // 12'000 (Swiss)

/** Languages that write a decimal comma and group with dots or spaces, as German does. */
const DECIMAL_COMMA = new Set(['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru']);

function localeOf(lang: string | null | undefined): NumberLocale {
  return lang && DECIMAL_COMMA.has(lang) ? 'de' : 'en';
}

/** True for languages that write "1,5" for one and a half (German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian). */
export function usesDecimalComma(lang: string | null | undefined): boolean {
  return localeOf(lang) === 'de';
}

/**
 * Parses a number written in `lang`'s conventions ('de' → `.` groups, `,` decimals; otherwise
 * English). Accepts a sign, group separators (. , space, ' per locale) and a decimal part. Returns
 * null for anything else (`1.2.3`, `12,34,5`, empty text). Grouping must be regular (`1.234.567`).
 */
export function parseNumber(text: string, lang: string | null | undefined = 'en'): number | null {
  if (typeof text !== 'string') return null;
  let s = text.trim();
  if (s.length === 0 || s.length > 64) return null;
  let sign = 1;
  if (/^[-−–+]/.test(s)) {
    if (s[0] !== '+') sign = -1;
    s = s.slice(1).trim();
  }
  const locale = localeOf(lang);
  const group = locale === 'de' ? '.' : ',';
  const decimal = locale === 'de' ? ',' : '.';
  let intPart = s;
  let fracPart = '';
  const lastDecimal = s.lastIndexOf(decimal);
  if (lastDecimal !== -1) {
    intPart = s.slice(0, lastDecimal);
    fracPart = s.slice(lastDecimal + 1);
    if (!DIGITS_ONLY.test(fracPart)) return null;
    if (intPart === '') intPart = '0';
  }
  let digits: string;
  if (DIGITS_ONLY.test(intPart)) digits = intPart;
  else if ((group === '.' ? GROUPED_DOT : GROUPED_COMMA).test(intPart)) digits = intPart.split(group).join('');
  else if (GROUPED_SPACE.test(intPart) || GROUPED_APOS.test(intPart)) digits = intPart.replace(/\D/g, '');
  else return null;
  const value = Number(fracPart ? `${digits}.${fracPart}` : digits);
  if (!Number.isFinite(value)) return null;
  return sign * value === 0 ? 0 : sign * value;
}

/** Formats a number the way `lang` writes it (for tests and display): 13221 → "13.221" (de) / "13,221" (en). */
export function formatNumber(value: number, lang: string | null | undefined = 'en', fractionDigits?: number): string {
  return new Intl.NumberFormat(localeOf(lang) === 'de' ? 'de-DE' : 'en-US', {
    maximumFractionDigits: fractionDigits ?? 20,
    minimumFractionDigits: fractionDigits ?? 0,
    useGrouping: true,
  }).format(value);
}

/** Scale words in German and English, lower case: "1,5 Mio." → 1.5e6, "2.43 trillion" → 2.43e12. */
export const SCALE_WORDS: Record<string, number> = {
  tsd: 1e3, tausend: 1e3, thousand: 1e3, k: 1e3,
  mio: 1e6, million: 1e6, millionen: 1e6, millions: 1e6, m: 1e6, mn: 1e6,
  mrd: 1e9, milliarde: 1e9, milliarden: 1e9, billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9,
  bio: 1e12, trillion: 1e12, trillions: 1e12, tn: 1e12,
  // French, Spanish, Italian, Portuguese, Dutch, Polish, Russian
  millier: 1e3, milliers: 1e3, mil: 1e3, mila: 1e3, duizend: 1e3, tys: 1e3, 'тыс': 1e3,
  millón: 1e6, millones: 1e6, milione: 1e6, milioni: 1e6, milhão: 1e6, milhões: 1e6, miljoen: 1e6, mln: 1e6, 'млн': 1e6,
  milliard: 1e9, milliards: 1e9, miliardo: 1e9, miliardi: 1e9, bilhão: 1e9, bilhões: 1e9, miljard: 1e9, mld: 1e9, mlrd: 1e9, 'млрд': 1e9,
  billón: 1e12, billones: 1e12, biljoen: 1e12, bln: 1e12, 'трлн': 1e12,
  'mil millones': 1e9, 'mil milhões': 1e9, milionów: 1e6, miliony: 1e6, miliardów: 1e9, miliardy: 1e9,
  // Arabic: thousand(s), million(s), billion(s)
  'ألف': 1e3, 'آلاف': 1e3, 'مليون': 1e6, 'ملايين': 1e6, 'مليار': 1e9, 'مليارات': 1e9,
};

/**
 * Arabic-Indic and Persian digits (and the Arabic decimal and group marks) as ASCII, one character
 * for one, so offsets into the original text stay valid: "١٠ مليارات" → "10 مليارات".
 */
export function asciiDigits(text: string): string {
  if (!/[\u0660-\u066c\u06f0-\u06f9]/.test(text)) return text;
  return text.replace(/[\u0660-\u066c\u06f0-\u06f9]/g, (d) => {
    const c = d.charCodeAt(0);
    if (c === 0x66b) return '.';
    if (c === 0x66c) return ',';
    if (c === 0x66a) return '%';
    return String(c >= 0x6f0 ? c - 0x6f0 : c - 0x660);
  });
}

/**
 * German "Billion" is 10^12 while English "billion" is 10^9: the scale of a word depends on the text's language.
 */
export function scaleOf(word: string, lang: string | null | undefined): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  // "billion" is 10^12 in German and French, 10^9 in English
  if ((lang === 'de' || lang === 'fr') && (w === 'billion' || w === 'billionen' || w === 'billions')) return 1e12;
  if (w === 'billionen') return 1e12;
  return SCALE_WORDS[w] ?? null;
}
