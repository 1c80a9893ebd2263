/**
 * Normalisation of country names for dictionary lookups: case, diacritics, punctuation and
 * footnote marks must not decide whether "Côte d'Ivoire*" and "COTE D IVOIRE" are the same key.
 */

const FOOTNOTE_TAIL = /(?:\s*(?:\*+|\(\s*[a-z0-9]\s*\)|\[\s*\w{1,3}\s*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰†‡§]+))+\s*$/iu;

/** Drops footnote marks at the end of a name: `*`, `**`, `(a)`, `[1]`, superscripts. */
export function stripFootnotes(name: string): string {
  return name.replace(FOOTNOTE_TAIL, '');
}

/**
 * Key for lookups: lower case, no diacritics, `ß` → `ss`, `&` → `and`, `St.` → `saint`,
 * apostrophes removed (people's → peoples), every other non-alphanumeric run → one space.
 */
export function normalizeName(name: string): string {
  return repairMojibake(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/['’`´ʼ]/g, '')
    .replace(/\bst\.?(?=\s)/g, 'saint')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** UTF-8 text that was decoded as Latin-1 ("CÃ´te d'Ivoire") is decoded once more. */
export function repairMojibake(s: string): string {
  if (!/[ÃÂ][\u0080-\u00ff]/.test(s)) return s;
  const fixed = Buffer.from(s, 'latin1').toString('utf8');
  return fixed.includes('\uFFFD') ? s : fixed;
}
