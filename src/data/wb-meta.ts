/**
 * World Bank country metadata that comes with a WDI API download (`Metadata_Country_API_…csv`):
 * `Country Code, Region, IncomeGroup, SpecialNotes, TableName`. A row with an empty Region is an
 * aggregate ("Arab World", "High income"): its code is registered so no WDI file stores it as an
 * entity. Economies give `wb.region` and `wb.income_group` as codes. The file carries no date, so both
 * are stored for the year before the download's vintage (2025 for the 2026-07 vintage here): the
 * classification of July in year Y rests on GNI data of year Y − 1, and a year before the as-of year is
 * what the assessment reads from datasets.
 */
import path from 'node:path';
import { openCsv } from './read.js';
import { isKnownWbAggregate } from './aggregates.js';
import type { DatasetImporter, ParsedFile } from './types.js';

const REQUIRED = ['Country Code', 'Region', 'IncomeGroup', 'TableName'] as const;
export const WB_META_YEAR = 2025;

export const wbMeta: DatasetImporter = {
  id: 'wb-wdi-meta',
  title: 'World Bank WDI country metadata (region, income group, aggregates)',
  publisher: 'The World Bank',
  detect: (p) => !p.isZip && (/^\uFEFF?"Country Code","Region","IncomeGroup"/.test(p.head.toString('utf8')) || isWbMetadataFile(p.name)),
  parse: async (file, bytes) => parseWbMeta(file, bytes),
};

/** The country metadata file of a WDI download, by its name (read before the data files of a folder). */
export function isWbMetadataFile(file: string): boolean {
  return /^Metadata_Country_/i.test(path.basename(file));
}

export function parseWbMeta(file: string, bytes: Buffer): ParsedFile {
  const { out, index, rows } = openCsv(file, bytes, { encoding: 'utf-8', required: REQUIRED });
  const get = (cells: string[], c: (typeof REQUIRED)[number]) => (cells[index.get(c)!] ?? '').trim();
  const aggregates: string[] = [];
  for (const rec of rows) {
    const code = get(rec.cells, 'Country Code').toUpperCase();
    const name = get(rec.cells, 'TableName');
    if (!code) continue;
    const region = get(rec.cells, 'Region');
    if (!region) {
      aggregates.push(code);
      if (!isKnownWbAggregate(code)) out.issues.push({ level: 'warning', file, row: rec.line, message: `aggregate ${code} (${name}) was not in the built-in list; registered for this import` });
      continue;
    }
    const base = { name, iso3: code, year: WB_META_YEAR, row: rec.line, note: 'WB classification in the WDI download' };
    out.values.push({ ...base, indicatorId: 'wb.region', value: null, valueText: region });
    const income = get(rec.cells, 'IncomeGroup');
    if (income) out.values.push({ ...base, indicatorId: 'wb.income_group', value: null, valueText: income });
  }
  out.aggregateCodes = aggregates;
  return out;
}
