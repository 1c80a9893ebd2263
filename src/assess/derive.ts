/**
 * Derives rule indicators from stored indicators with partners, as the methodology's
 * `derivedFrom` says: e.g. `treaty.att` = 1 from a `treaty.status` row whose partner is the Arms
 * Trade Treaty and whose text is "joined". The original text stays beside the number.
 */
import type { IndicatorFact, Methodology, PartnerFact } from './types.js';

/** The stored indicators (with partners) the methodology derives from. */
export function derivationSources(m: Methodology): string[] {
  return [...new Set(Object.values(m.indicators).flatMap((s) => (s.derivedFrom ? [s.derivedFrom.indicator] : [])))];
}

export function deriveIndicators(rows: PartnerFact[], m: Methodology): IndicatorFact[] {
  const out: IndicatorFact[] = [];
  for (const [id, spec] of Object.entries(m.indicators)) {
    const d = spec.derivedFrom;
    if (!d) continue;
    const pattern = new RegExp(d.partnerPattern, 'i');
    const seenYears = new Set<number>();
    for (const r of rows) {
      if (r.indicator !== d.indicator || !pattern.test(r.partner) || seenYears.has(r.year)) continue;
      const text = r.valueText ?? (r.value === null ? null : String(r.value));
      const value = text === null ? undefined : d.valueMap[text];
      if (value === undefined) continue;
      seenYears.add(r.year);
      out.push({ indicator: id, year: r.year, value, valueText: text, unit: r.unit, source: r.source, publisher: r.publisher });
    }
  }
  return out;
}
