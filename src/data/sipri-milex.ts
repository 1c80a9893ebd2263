/**
 * SIPRI Military Expenditure Database workbook (report style): per data sheet a preamble, a header
 * row `Country, [Currency], Notes, 1949 … 2024`, region heading rows in between, and country rows.
 * ". ." / "..." = no data (skipped), "xxx" = the state did not exist or was not independent (kept as
 * the code `not_independent`). Shares come as fractions and are stored as percent.
 */
import { readWorkbook, cellText, type SheetRows } from './xlsx.js';
import { readNumber } from './read.js';
import type { DatasetImporter, ParsedFile, RawValue } from './types.js';

interface SheetSpec {
  match: RegExp;
  indicator: (m: RegExpExecArray) => string;
  /** Multiplier from the sheet's unit to the stored unit (fractions → percent). */
  scale: number;
}

const SHEETS: SheetSpec[] = [
  { match: /^Constant \((\d{4})\) US\$$/, indicator: (m) => `sipri.milex.usd_const${m[1]}`, scale: 1 },
  { match: /^Current US\$$/, indicator: () => 'sipri.milex.usd_current', scale: 1 },
  { match: /^Share of GDP$/, indicator: () => 'sipri.milex.share_gdp', scale: 100 },
  { match: /^Per capita$/, indicator: () => 'sipri.milex.per_capita_usd', scale: 1 },
  { match: /^Share of Govt\. spending$/, indicator: () => 'sipri.milex.share_govt', scale: 100 },
];

const NO_DATA = ['', '. .', '..', '...', '. . .'];

export const sipriMilex: DatasetImporter = {
  id: 'sipri-milex',
  title: 'SIPRI Military Expenditure Database',
  publisher: 'Stockholm International Peace Research Institute (SIPRI)',
  detect: (p) => p.isZip && /milex/i.test(p.name),
  parse: parseSipriMilex,
};

export async function parseSipriMilex(file: string, bytes: Buffer): Promise<ParsedFile> {
  const sheets = await readWorkbook(file, bytes);
  const out: ParsedFile = { values: [], issues: [], noDataCells: 0 };
  let matched = 0;
  for (const sheet of sheets) {
    for (const spec of SHEETS) {
      const m = spec.match.exec(sheet.name.trim());
      if (!m) continue;
      matched++;
      parseSheet(file, sheet, spec.indicator(m), spec.scale, out);
    }
  }
  if (matched === 0) {
    out.issues.push({ level: 'error', file, message: 'no SIPRI data sheet found (expected e.g. "Constant (2023) US$", "Share of GDP"); the file was not imported' });
  }
  return out;
}

function parseSheet(file: string, sheet: SheetRows, indicatorId: string, scale: number, out: ParsedFile): void {
  const headerIdx = sheet.rows.findIndex((r) => cellText(r[0]) === 'Country');
  if (headerIdx < 0) {
    out.issues.push({ level: 'error', file, sheet: sheet.name, message: 'header row starting with "Country" not found; sheet skipped' });
    return;
  }
  const header = sheet.rows[headerIdx];
  const yearCols: Array<[number, number]> = [];
  let notesCol = -1;
  header.forEach((h, c) => {
    if (typeof h === 'number' && Number.isInteger(h) && h >= 1900 && h <= 2100) yearCols.push([c, h]);
    else if (cellText(h) === 'Notes') notesCol = c;
  });
  if (yearCols.length === 0) {
    out.issues.push({ level: 'error', file, sheet: sheet.name, row: headerIdx + 1, message: 'no year columns in the header row; sheet skipped' });
    return;
  }
  for (let r = headerIdx + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const name = cellText(cells[0]);
    if (!name) continue;
    const filled = yearCols.filter(([c]) => cellText(cells[c]) !== '');
    // A name without any year cell is a region heading ("Africa", "Central Asia") or a trailing note.
    if (filled.length === 0) continue;
    const note = notesCol >= 0 ? cellText(cells[notesCol]) || null : null;
    for (const [c, year] of yearCols) {
      const raw = cells[c];
      const text = cellText(raw);
      if (text.toLowerCase() === 'xxx') {
        out.values.push(value(indicatorId, name, year, null, 'not_independent', note, sheet.name, r + 1));
        continue;
      }
      const n = readNumber(raw, NO_DATA);
      if (n.kind === 'empty') {
        out.noDataCells++;
      } else if (n.kind === 'invalid') {
        out.issues.push({ level: 'warning', file, sheet: sheet.name, row: r + 1, message: `${name} ${year}: non-numeric cell ${JSON.stringify(n.raw)} skipped` });
      } else {
        out.values.push(value(indicatorId, name, year, n.value * scale, null, note, sheet.name, r + 1));
      }
    }
  }
}

function value(indicatorId: string, name: string, year: number, v: number | null, text: string | null, note: string | null, sheet: string, row: number): RawValue {
  return { indicatorId, name, year, value: v === null ? null : roundSafe(v), valueText: text, note, sheet, row };
}

/** Removes binary-float noise from scaled shares (0.0043 * 100 = 0.43000000000000005). */
export function roundSafe(v: number): number {
  return Number.parseFloat(v.toPrecision(12));
}
