/**
 * Transparency International CPI results and trends: semicolon-separated, UTF-8 with BOM, two title
 * lines, then a wide header with one column block per year ("CPI score 2024", "Rank 2024",
 * "Standard error 2024"; 2012–2016 without ranks, and "CPI Score 2012" capitalised).
 */
import { addNumericValue, looksMisdecoded, openCsv } from './read.js';
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
  const { out, header, headerLine, index, rows } = openCsv(file, bytes, {
    encoding: 'utf-8', delimiter: ';', required: ['Country / Territory', 'ISO3'], headerStartsWith: 'Country / Territory',
  });
  if (rows.length === 0) return out;
  const iso3Col = index.get('ISO3')!;
  const columns: Array<[number, string, number]> = [];
  header.forEach((h, c) => {
    for (const [re, id] of COLUMN_INDICATORS) {
      const m = re.exec(h);
      if (m) columns.push([c, id, Number(m[1])]);
    }
  });
  if (!columns.some(([, id]) => id === 'ti.cpi')) {
    out.issues.push({ level: 'error', file, row: headerLine, message: 'unexpected header: no "CPI score YYYY" column; the file was not imported' });
    return out;
  }
  for (const rec of rows) {
    const name = (rec.cells[0] ?? '').trim();
    if (!name) continue;
    if (looksMisdecoded(name)) out.issues.push({ level: 'warning', file, row: rec.line, message: `name ${JSON.stringify(name)} looks wrongly decoded` });
    const iso3 = rec.cells[iso3Col]?.trim() || null;
    for (const [c, indicatorId, year] of columns) {
      addNumericValue(out, rec.cells[c], { file, row: rec.line, label: `${name} ${header[c]}` }, { indicatorId, name, iso3, year, row: rec.line });
    }
  }
  return out;
}
