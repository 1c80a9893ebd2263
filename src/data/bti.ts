/**
 * Bertelsmann Transformation Index scores 2006–2024 (`BTI_2006-2024_Scores.xlsx`): one sheet per
 * edition ("BTI 2024" …), a header row whose cells read like "  Q1.1 | Monopoly on the use of force"
 * (line breaks and leading spaces; the first cell holds the region legend), then one row per country.
 * Columns are found by their code before the "|", so reworded or moved columns still match; the
 * first occurrence wins (a "Categories" block at the end repeats the indices).
 * Data year: an edition reviews the two years before it (BTI 2024: February 2021 – January 2023), so
 * its values are stored for the last full calendar year under review, edition − 2 (BTI 2024 → 2022).
 * OECD and EU states are not covered: absent means no data.
 */
import { readWorkbook, cellText, type SheetRows } from './xlsx.js';
import { addNumericValue } from './read.js';
import { BTI_COLUMNS } from './catalogue-new.js';
import type { DatasetImporter, ParsedFile } from './types.js';

const REVIEW_LAG_YEARS = 2;

export const bti: DatasetImporter = {
  id: 'bti',
  title: 'Bertelsmann Transformation Index (BTI)',
  publisher: 'Bertelsmann Stiftung',
  detect: (p) => p.isZip && /^BTI[_ -].*\.xlsx$/i.test(p.name),
  parse: parseBti,
};

/** "  Q1.1 | Monopoly on the use of force" → "Q1.1"; null for cells without a code. */
export function btiCode(header: string): string | null {
  const m = /^\s*([A-Z]{1,3}\d*(?:\.\d+)?)\s*\|/.exec(header.replace(/\s+/g, ' '));
  return m ? m[1] : null;
}

export async function parseBti(file: string, bytes: Buffer): Promise<ParsedFile> {
  const sheets = await readWorkbook(file, bytes);
  const out: ParsedFile = { values: [], issues: [], noDataCells: 0 };
  const editions = sheets.filter((s) => /^BTI \d{4}$/.test(s.name.trim()));
  if (editions.length === 0) {
    out.issues.push({ level: 'error', file, message: `no sheet like "BTI 2024" (sheets: ${sheets.map((s) => s.name).join(', ')}); the file was not imported` });
    return out;
  }
  for (const sheet of editions) parseEdition(file, sheet, Number(sheet.name.trim().slice(4)), out);
  return out;
}

function parseEdition(file: string, sheet: SheetRows, edition: number, out: ParsedFile): void {
  const headerAt = sheet.rows.findIndex((r) => r.some((c) => btiCode(cellText(c)) === 'S'));
  if (headerAt < 0) {
    out.issues.push({ level: 'error', file, sheet: sheet.name, message: 'header row with "S | Status Index" not found; sheet skipped' });
    return;
  }
  const header = sheet.rows[headerAt].map((h) => cellText(h));
  const columnOf = new Map<string, number>();
  header.forEach((h, c) => {
    const code = btiCode(h);
    if (code && !columnOf.has(code)) columnOf.set(code, c);
  });
  const missing = BTI_COLUMNS.filter((b) => !columnOf.has(b.code));
  if (missing.length) {
    out.issues.push({ level: 'warning', file, sheet: sheet.name, row: headerAt + 1, message: `missing column(s) ${missing.map((m) => JSON.stringify(`${m.code} | …`)).join(', ')}; those indicators were not imported from this edition` });
  }
  const year = edition - REVIEW_LAG_YEARS;
  for (let r = headerAt + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const name = cellText(cells[0]);
    // Country rows carry a Status Index; legend or note rows below the table do not.
    if (!name || typeof cells[columnOf.get('S')!] !== 'number') continue;
    for (const b of BTI_COLUMNS) {
      const c = columnOf.get(b.code);
      if (c === undefined) continue;
      addNumericValue(out, cells[c] === 'n/a' ? null : cells[c], { file, sheet: sheet.name, row: r + 1, label: `${name} ${b.code}` },
        { indicatorId: b.id, name, year, note: `BTI ${edition}`, sheet: sheet.name, row: r + 1 });
    }
  }
}
