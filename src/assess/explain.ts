/** Plain-language pieces shared by compare, diff and the CLI: values with year and source, rule lists. */
import type { Lang, ValueRead } from './types.js';

export function formatValue(v: ValueRead): string {
  const shown = v.valueText ?? (v.value === null ? '–' : String(roundForDisplay(v.value)));
  const flags = [v.imputed ? 'no record' : null, v.stale ? 'stale' : null].filter(Boolean);
  const who = v.country ? `${v.country}: ` : '';
  return `${who}${v.indicator}=${shown} (${v.year}, ${v.source}${flags.length ? `; ${flags.join(', ')}` : ''})`;
}

/** Four significant digits at most: 0.428428469566 → 0.4284, 12090.5 → 12090 (stored values stay exact). */
export function roundForDisplay(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(4));
}

export function formatValues(values: ValueRead[]): string {
  return values.length ? values.map(formatValue).join('; ') : 'no values';
}

export function pick<T>(l: { de: T; en: T }, lang: Lang): T {
  return l[lang];
}
