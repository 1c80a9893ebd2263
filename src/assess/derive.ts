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

/**
 * Ratio indicators (`ratioOf`), per year in which both parts have a value, e.g. military spending
 * against health spending, both in percent of GDP. The source names both parts' sources.
 */
export function deriveRatios(facts: IndicatorFact[], m: Methodology): IndicatorFact[] {
  const out: IndicatorFact[] = [];
  for (const [id, spec] of Object.entries(m.indicators)) {
    const r = spec.ratioOf;
    if (!r) continue;
    const denominators = new Map<number, IndicatorFact>();
    for (const f of facts) if (f.indicator === r.denominator && f.value !== null && f.value > 0 && !denominators.has(f.year)) denominators.set(f.year, f);
    for (const f of facts) {
      const d = denominators.get(f.year);
      if (f.indicator !== r.numerator || f.value === null || !d) continue;
      denominators.delete(f.year);
      out.push({ indicator: id, year: f.year, value: Math.round((f.value / d.value!) * 1000) / 1000, valueText: null, unit: 'ratio', source: `${f.source} / ${d.source}` });
    }
  }
  return out;
}
