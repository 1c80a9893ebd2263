/**
 * Transparency International CPI results and trends: semicolon-separated, UTF-8 with BOM, two title
 * lines, then a wide header with one column block per year ("CPI score 2024", "Rank 2024",
 * "Standard error 2024"; 2012–2016 without ranks, and "CPI Score 2012" capitalised).
 */
import { decodeText, looksMisdecoded, parseCsv, readNumber } from './read.js';
import type { DatasetImporter, ParsedFile } from './types.js';

const COLUMN_INDICATORS: Array<[RegExp, string]> = [
  [/^CPI score (\d{4})$/i, 'ti.cpi'],
  [/^Rank (\d{4})$/i, 'ti.cpi.rank'],
  [/^Standard error (\d{4})$/i, 'ti.cpi.stderr'],
];

export const tiCpi: DatasetImporter = {
  id: 'ti-cpi',
  title: 'Corruption Perceptions Index',
  publisher: 'Transparency International',
  detect: (p) => !p.isZip && (/Country \/ Territory;ISO3;/.test(p.head.toString('utf8')) || /^CPI\d{4}/i.test(p.name)),
  parse: async (file, bytes) => parseTiCpi(file, bytes),
};

export function parseTiCpi(file: string, bytes: Buffer): ParsedFile {
  const decoded = decodeText(file, bytes, 'utf-8');
  const out: ParsedFile = { values: [], issues: [...decoded.issues], noDataCells: 0 };
  const records = parseCsv(decoded.text, { delimiter: ';' });
  const headerAt = records.findIndex((r) => r.cells[0]?.trim() === 'Country / Territory');
  if (headerAt < 0) {
    out.issues.push({ level: 'error', file, row: records[0]?.line ?? 1, message: 'header "Country / Territory;ISO3;…" not found in the first lines; the file was not imported' });
    return out;
  }
  const header = records[headerAt].cells.map((h) => h.trim());
  const iso3Col = header.indexOf('ISO3');
  const columns: Array<[number, string, number]> = [];
  header.forEach((h, c) => {
    for (const [re, id] of COLUMN_INDICATORS) {
      const m = re.exec(h);
      if (m) columns.push([c, id, Number(m[1])]);
    }
  });
  if (iso3Col < 0 || !columns.some(([, id]) => id === 'ti.cpi')) {
    out.issues.push({ level: 'error', file, row: records[headerAt].line, message: 'unexpected header: no "ISO3" or "CPI score YYYY" columns; the file was not imported' });
    return out;
  }
  for (const rec of records.slice(headerAt + 1)) {
    const name = (rec.cells[0] ?? '').trim();
    if (!name) continue;
    if (looksMisdecoded(name)) out.issues.push({ level: 'warning', file, row: rec.line, message: `name ${JSON.stringify(name)} looks wrongly decoded` });
    const iso3 = rec.cells[iso3Col]?.trim() || null;
    for (const [c, indicatorId, year] of columns) {
      const n = readNumber(rec.cells[c]);
      if (n.kind === 'empty') out.noDataCells++;
      else if (n.kind === 'invalid') out.issues.push({ level: 'warning', file, row: rec.line, message: `${name} ${header[c]}: non-numeric cell ${JSON.stringify(n.raw)} skipped` });
      else out.values.push({ indicatorId, name, iso3, year, value: n.value, valueText: null, row: rec.line });
    }
  }
  return out;
}
