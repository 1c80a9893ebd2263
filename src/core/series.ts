/**
 * One source per series: where several sources give values of one indicator for one entity (two
 * editions of a dataset, a dataset and a brief), a reader takes the whole series from the best source
 * and never splices years from different sources, whose scales and revisions differ (HDR 2023/24 vs a
 * brief quoting HDR 2025). The store's readers apply the same order in SQL (store/assessments.ts,
 * store/indicators.ts).
 */

/** Values read from an ingested brief carry the source id `doc:<document id>`. */
export const isBriefSource = (sourceId: string): boolean => sourceId.startsWith('doc:');

/** Lower is better: public datasets before briefs, then the given priority, then unknown sources. */
export function sourceRank(sourceId: string, priority: readonly string[]): number {
  const i = priority.indexOf(sourceId);
  return (isBriefSource(sourceId) ? 10_000 : 0) + (i < 0 ? 1000 : i);
}

/** Keeps, per series key, only the values of the best-ranked source (ties: the smaller source id). */
export function oneSourcePerSeries<T extends { sourceId: string }>(values: readonly T[], seriesKey: (v: T) => string, priority: readonly string[]): T[] {
  const best = new Map<string, string>();
  for (const v of values) {
    const k = seriesKey(v);
    const seen = best.get(k);
    if (seen === undefined) best.set(k, v.sourceId);
    else {
      const d = sourceRank(v.sourceId, priority) - sourceRank(seen, priority);
      if (d < 0 || (d === 0 && v.sourceId < seen)) best.set(k, v.sourceId);
    }
  }
  return values.filter((v) => best.get(seriesKey(v)) === v.sourceId);
}
