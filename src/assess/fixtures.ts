/** Expands the compact rule fixtures of a methodology file into facts the engine reads. */
import type { AssessmentFacts, IndicatorFact, RuleFixture } from './types.js';

function toFacts(rows: Array<[string, number, number | string]>): IndicatorFact[] {
  return rows.map(([indicator, year, v]) => ({
    indicator,
    year,
    value: typeof v === 'number' ? v : null,
    valueText: typeof v === 'string' ? v : null,
    source: 'fixture',
  }));
}

export function factsFromFixture(f: RuleFixture, country = 'XX'): AssessmentFacts {
  const indicators = toFacts(f.indicators ?? []);
  const neighbours = (f.neighbours ?? []).map((n) => ({ country: n.country, indicators: toFacts(n.indicators) }));
  // A fixture covers exactly the years it names, so "no record" stays a fixture author's choice.
  const years = new Map<string, { lo: number; hi: number }>();
  for (const r of [...indicators, ...neighbours.flatMap((n) => n.indicators)]) {
    const y = years.get(r.indicator);
    years.set(r.indicator, { lo: Math.min(y?.lo ?? r.year, r.year), hi: Math.max(y?.hi ?? r.year, r.year) });
  }
  return {
    country,
    indicators,
    neighbours,
    coverage: [...years].map(([indicator, y]) => ({ indicator, firstYear: y.lo, lastYear: y.hi, source: 'fixture' })),
    evidence: (f.evidence ?? []).map((e, i) => ({
      docId: e.docId,
      passageIdx: i,
      docTitle: `Fixture ${e.docId}`,
      publisher: e.publisher ?? null,
      sourceType: e.sourceType ?? null,
      date: e.date,
      snippet: `fixture passage ${i}`,
      criteria: [{ criterion: e.criterion, score: e.score ?? 1, cues: e.cues ?? [] }],
    })),
  };
}
