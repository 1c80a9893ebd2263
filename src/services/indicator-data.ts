/**
 * Use cases that read the indicator store: one country's values, coverage, sources, and the
 * side-by-side comparison of figures from briefs with the same figures from datasets.
 */
import type { Db } from '../store/db.js';
import { AppError } from '../core/errors.js';
import { resolveCountry, countryName } from '../core/countries/resolve.js';
import { allIndicators, indicatorInfo, type IndicatorInfo } from '../data/catalogue.js';
import { IMPORTERS, sourcePriority } from '../data/registry.js';
import { isBriefSource, sourceRank } from '../core/as-of.js';
import { valuesAsOf, type AsOfValueRow } from '../store/as-of.js';
import {
  getIndicatorValues, getValueHistory, indicatorCoverage, listImportedFiles,
  type CoverageRow, type HistoryEntry, type StoredIndicatorValue,
} from '../store/indicators.js';

/** A country name or code → entity key; entity keys of non-state actors ('x:…') pass through. */
export function entityFor(input: string): { key: string; label: string } {
  if (/^[xthu]:/.test(input)) return { key: input.toLowerCase(), label: input };
  const code = resolveCountry(input);
  if (!code) {
    throw new AppError('unknown_country', `Unknown country: ${JSON.stringify(input)}`, {
      hint: 'Give a country name or ISO code (e.g. KZ, Kazakhstan, Kasachstan), or an entity key such as "x:nato**".',
      status: 404,
    });
  }
  return { key: code, label: `${countryName(code, 'en')} (${code})` };
}

export interface ShowResult {
  entity: string;
  label: string;
  values: StoredIndicatorValue[];
  history: HistoryEntry[];
}

export async function showCountryData(db: Db, country: string, opts: { indicator?: string; fromYear?: number } = {}): Promise<ShowResult> {
  const { key, label } = entityFor(country);
  const isPrefix = opts.indicator?.endsWith('.') || opts.indicator?.endsWith('*');
  const values = await getIndicatorValues(db, {
    entity: key,
    indicatorIds: opts.indicator && !isPrefix ? [opts.indicator] : undefined,
    indicatorPrefix: opts.indicator && isPrefix ? opts.indicator.replace(/\*$/, '') : undefined,
    fromYear: opts.fromYear,
  });
  const history = await getValueHistory(db, key, opts.indicator && !isPrefix ? opts.indicator : undefined);
  return { entity: key, label, values, history };
}

export interface CoverageEntry extends CoverageRow {
  unit: string | null;
  /** The indicator's name in German and English (null: not in the catalogue). */
  name: IndicatorInfo['name'] | null;
  publisher: string | null;
}

export async function dataCoverage(db: Db): Promise<CoverageEntry[]> {
  const rows = await indicatorCoverage(db);
  return rows.map((r) => {
    const info = indicatorInfo(r.indicatorId);
    const importer = IMPORTERS.find((i) => i.id === r.sourceId);
    return { ...r, unit: info?.unit ?? null, name: info?.name ?? null, publisher: importer?.publisher ?? (isBriefSource(r.sourceId) ? 'brief' : null) };
  });
}

export interface SourceEntry {
  id: string;
  title: string;
  publisher: string;
  indicators: string[];
  files: Array<{ file: string; importedAt: string; values: number; sha256: string }>;
}

export async function dataSources(db: Db): Promise<SourceEntry[]> {
  const files = await listImportedFiles(db);
  const byDataset = new Map<string, IndicatorInfo[]>();
  for (const i of allIndicators()) byDataset.set(i.dataset, [...(byDataset.get(i.dataset) ?? []), i]);
  const out: SourceEntry[] = IMPORTERS.map((imp) => ({
    id: imp.id,
    title: imp.title,
    publisher: imp.publisher,
    indicators: (byDataset.get(imp.id === 'freedom-house-history' ? 'freedom-house' : imp.id) ?? []).map((i) => i.id),
    files: files.filter((f) => f.sourceId === imp.id).map((f) => ({ file: f.sourceFile, importedAt: f.importedAt, values: f.valueCount, sha256: f.contentHash })),
  }));
  const briefs = files.filter((f) => isBriefSource(f.sourceId));
  for (const b of briefs) {
    out.push({ id: b.sourceId, title: b.sourceFile, publisher: 'brief', indicators: [], files: [{ file: b.sourceFile, importedAt: b.importedAt, values: b.valueCount, sha256: b.contentHash }] });
  }
  return out;
}

export type CompareStatus = 'agree' | 'disagree' | 'only_brief';

export interface CompareRow {
  indicatorId: string;
  entity: string;
  entityName: string;
  partner: string;
  year: number;
  unit: string;
  brief: { value: number | null; valueText: string | null; source: string; table: string | null; docId: string | null };
  dataset: { value: number | null; valueText: string | null; source: string; file: string; sheet: string | null; row: number | null } | null;
  /** dataset − brief, for numbers. */
  difference: number | null;
  /** Half a unit of the brief's last printed digit: what rounding alone can explain. */
  tolerance: number | null;
  status: CompareStatus;
}

/** Decimal places a figure was printed with (0.9 → 1, 2002 → 0). */
export function printedDecimals(v: number): number {
  const s = String(v);
  if (/e/i.test(s)) return 6;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Every brief value for the country (and for countries the brief gives figures on, e.g. neighbours)
 * next to the dataset value with the same indicator, partner and year. Disagreements beyond rounding
 * are flagged, not hidden; brief values no dataset has are listed as `only_brief`.
 */
export async function compareBriefWithDatasets(db: Db, country: string): Promise<{ entity: string; label: string; rows: CompareRow[] }> {
  const { key, label } = entityFor(country);
  const brief = await getIndicatorValues(db, { entity: key, sourceKind: 'brief' });
  const datasets = await getIndicatorValues(db, { entity: key, sourceKind: 'dataset', indicatorIds: [...new Set(brief.map((b) => b.indicatorId))] });
  // Per year the best-ranked dataset (core/as-of.ts), the one a reader of that year would see.
  const priority = sourcePriority();
  const byKey = new Map<string, StoredIndicatorValue>();
  for (const d of datasets) {
    const k = `${d.indicatorId}|${d.partnerKey}|${d.year}`;
    const seen = byKey.get(k);
    if (!seen || sourceRank(d.sourceId, priority) < sourceRank(seen.sourceId, priority)) byKey.set(k, d);
  }
  const rows: CompareRow[] = brief.map((b) => {
    const d = byKey.get(`${b.indicatorId}|${b.partnerKey}|${b.year}`) ?? null;
    let status: CompareStatus = 'only_brief';
    let difference: number | null = null;
    let tolerance: number | null = null;
    if (d) {
      if (b.value !== null && d.value !== null) {
        difference = Number((d.value - b.value).toPrecision(12));
        tolerance = 0.5 * 10 ** -printedDecimals(b.value);
        status = Math.abs(difference) <= tolerance + 1e-9 ? 'agree' : 'disagree';
      } else {
        status = (b.valueText ?? '').toUpperCase() === (d.valueText ?? '').toUpperCase() ? 'agree' : 'disagree';
      }
    }
    return {
      indicatorId: b.indicatorId, entity: b.entityKey, entityName: b.entityName, partner: b.partnerName ?? '', year: b.year, unit: b.unit,
      brief: { value: b.value, valueText: b.valueText, source: b.sourceFile, table: b.sourceTable, docId: b.sourceDocId },
      dataset: d ? { value: d.value, valueText: d.valueText, source: d.sourceId, file: d.sourceFile, sheet: d.sourceSheet, row: d.sourceRow } : null,
      difference, tolerance, status,
    };
  });
  return { entity: key, label, rows };
}

/** A country's series of these indicators (country totals) as of the day, one source each (core/as-of.ts). */
export async function countrySeriesAsOf(db: Db, country: string, indicators: string[], asOf: string): Promise<AsOfValueRow[]> {
  return valuesAsOf(db, { asOf, entities: [country], indicators, partners: 'none', oneSourceBy: sourcePriority() });
}
