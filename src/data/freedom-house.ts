/**
 * Freedom House, Freedom in the World: two workbooks.
 * - "All data" (FIW 2013–2025): sheet FIW13-25, header row 2, one row per country-edition with
 *   status, PR/CL ratings (1–7) and the PR (0–40), CL (0–60) and total (0–100) scores.
 * - Historical ratings (FIW 1973–2024): wide sheets with PR/CL/Status triplets per edition; row 2
 *   holds the year(s) under review. All its years are imported under its own source id; where both
 *   workbooks cover a country-year, readers pick one by source priority (the "All data" workbook wins).
 * Years are years under review (edition − 1). Territories (C/T = t, and the territory sheet) are kept
 * apart from countries.
 */
import { readWorkbook, cellText, type SheetRows, type CellValue } from './xlsx.js';
import { addNumericValue, readNumber, requireColumns } from './read.js';
import type { DatasetImporter, ParsedFile, RawValue } from './types.js';

const STATUSES = new Set(['F', 'PF', 'NF']);

export const freedomHouseAll: DatasetImporter = {
  id: 'freedom-house',
  title: 'Freedom House, Freedom in the World (all data 2013–2025)',
  publisher: 'Freedom House',
  priority: 1,
  detect: (p) => p.isZip && /All_data_FIW|FIW.?\d{2,4}.?-?\d{2,4}.*\.xlsx$/i.test(p.name) && !/Ratings_and_Statuses/i.test(p.name),
  parse: parseFreedomHouseAll,
};

export const freedomHouseHistory: DatasetImporter = {
  id: 'freedom-house-history',
  title: 'Freedom House, Freedom in the World (historical ratings and statuses 1973–2024)',
  publisher: 'Freedom House',
  priority: 2,
  detect: (p) => p.isZip && /Ratings_and_Statuses/i.test(p.name),
  parse: parseFreedomHouseHistory,
};

const ALL_COLUMNS = ['Country/Territory', 'C/T', 'Edition', 'Status', 'PR rating', 'CL rating', 'PR', 'CL', 'Total'] as const;
const ALL_NUMERIC: Array<[(typeof ALL_COLUMNS)[number], string]> = [
  ['PR rating', 'fh.pr_rating'],
  ['CL rating', 'fh.cl_rating'],
  ['PR', 'fh.pr_score'],
  ['CL', 'fh.cl_score'],
  ['Total', 'fh.total'],
];

export async function parseFreedomHouseAll(file: string, bytes: Buffer): Promise<ParsedFile> {
  const sheets = await readWorkbook(file, bytes);
  const out: ParsedFile = { values: [], issues: [], noDataCells: 0 };
  const sheet = sheets.find((s) => /^FIW\s*\d{2}\s*-\s*\d{2}$/i.test(s.name.trim()));
  if (!sheet) {
    out.issues.push({ level: 'error', file, message: `no sheet like "FIW13-25" (sheets: ${sheets.map((s) => s.name).join(', ')}); the file was not imported` });
    return out;
  }
  const headerAt = sheet.rows.findIndex((r) => cellText(r[0]) === 'Country/Territory');
  if (headerAt < 0) {
    out.issues.push({ level: 'error', file, sheet: sheet.name, message: 'header row "Country/Territory, Region, C/T, …" not found; the file was not imported' });
    return out;
  }
  const header = sheet.rows[headerAt].map((h) => cellText(h));
  const { index, error } = requireColumns(file, header, ALL_COLUMNS, { row: headerAt + 1, sheet: sheet.name });
  if (error) return { ...out, issues: [error] };
  for (let r = headerAt + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const at = (c: (typeof ALL_COLUMNS)[number]) => cells[index.get(c)!];
    const name = cellText(at('Country/Territory'));
    if (!name) continue;
    const edition = readNumber(at('Edition'));
    if (edition.kind !== 'number') {
      out.issues.push({ level: 'warning', file, sheet: sheet.name, row: r + 1, message: `${name}: edition unreadable; row skipped` });
      continue;
    }
    const year = edition.value - 1;
    const territory = cellText(at('C/T')).toLowerCase() === 't';
    const base = { name, territory, year, note: `FIW ${edition.value}`, sheet: sheet.name, row: r + 1 };
    const status = cellText(at('Status')).toUpperCase();
    if (STATUSES.has(status)) out.values.push({ ...base, indicatorId: 'fh.status', value: null, valueText: status });
    else if (status) out.issues.push({ level: 'warning', file, sheet: sheet.name, row: r + 1, message: `${name}: unknown status ${JSON.stringify(status)} skipped` });
    for (const [col, indicatorId] of ALL_NUMERIC) {
      addNumericValue(out, at(col), { file, sheet: sheet.name, row: r + 1, label: `${name} ${col}` }, { ...base, indicatorId });
    }
  }
  return out;
}

export async function parseFreedomHouseHistory(file: string, bytes: Buffer): Promise<ParsedFile> {
  const sheets = await readWorkbook(file, bytes);
  const out: ParsedFile = { values: [], issues: [], noDataCells: 0 };
  const countries = sheets.find((s) => /^Country Ratings/i.test(s.name.trim()));
  const territories = sheets.find((s) => /^Territory Ratings/i.test(s.name.trim()));
  if (!countries) {
    out.issues.push({ level: 'error', file, message: `no sheet "Country Ratings, Statuses" (sheets: ${sheets.map((s) => s.name).join(', ')}); the file was not imported` });
    return out;
  }
  parseHistorySheet(file, countries, false, out);
  if (territories) parseHistorySheet(file, territories, true, out);
  return out;
}

/** "1972" → 1972; "Jan.1981-Aug. 1982" → 1982 (the year the review period ends). */
export function yearUnderReview(v: CellValue): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const years = cellText(v).match(/\d{4}/g);
  return years ? Number(years[years.length - 1]) : null;
}

function parseHistorySheet(file: string, sheet: SheetRows, territory: boolean, out: ParsedFile): void {
  const yearsRow = sheet.rows.findIndex((r) => /Year\(s\) Under Review/i.test(cellText(r[0])));
  const labelRow = yearsRow + 1;
  if (yearsRow < 0 || !sheet.rows[labelRow]) {
    out.issues.push({ level: 'error', file, sheet: sheet.name, message: 'row "Year(s) Under Review" not found; sheet skipped' });
    return;
  }
  const editions = sheet.rows[yearsRow - 1] ?? [];
  const columns: Array<{ col: number; indicatorId: string; year: number; edition: string }> = [];
  sheet.rows[labelRow].forEach((label, c) => {
    const l = cellText(label).toUpperCase();
    const indicatorId = l === 'PR' ? 'fh.pr_rating' : l === 'CL' ? 'fh.cl_rating' : l === 'STATUS' ? 'fh.status' : null;
    const year = yearUnderReview(sheet.rows[yearsRow][c]);
    if (indicatorId && year !== null) columns.push({ col: c, indicatorId, year, edition: cellText(editions[c]) });
  });
  const seen = new Set<string>();
  for (let r = labelRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const name = cellText(cells[0]);
    // The country block ends at the first empty name; notes below it are not data.
    if (!name) break;
    for (const { col, indicatorId, year, edition } of columns) {
      const text = cellText(cells[col]).replace(/\*+$/, '');
      if (text === '' || text === '-') {
        out.noDataCells++;
        continue;
      }
      const key = `${indicatorId}|${name}|${year}`;
      if (seen.has(key)) continue; // two editions reviewing the same year: the first wins, consistently
      seen.add(key);
      const base: Omit<RawValue, 'indicatorId' | 'value' | 'valueText'> = { name, territory, year, note: `FIW ${edition}`, sheet: sheet.name, row: r + 1 };
      if (indicatorId === 'fh.status') {
        if (STATUSES.has(text.toUpperCase())) out.values.push({ ...base, indicatorId, value: null, valueText: text.toUpperCase() });
        else out.issues.push({ level: 'warning', file, sheet: sheet.name, row: r + 1, message: `${name} ${year}: unknown status ${JSON.stringify(text)} skipped` });
        continue;
      }
      const n = readNumber(text);
      if (n.kind === 'number' && n.value >= 1 && n.value <= 7) out.values.push({ ...base, indicatorId, value: n.value, valueText: null });
      else out.issues.push({ level: 'warning', file, sheet: sheet.name, row: r + 1, message: `${name} ${year}: rating ${JSON.stringify(text)} is not 1–7; skipped` });
    }
  }
}
