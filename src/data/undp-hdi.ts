/**
 * UNDP Human Development Report composite indices, complete time series: Latin-1, wide by year
 * (`hdi_1990 … hdi_2022`, `gdi_…`). Aggregate rows have `ZZ…` codes and are skipped on purpose.
 */
import { addNumericValue, looksMisdecoded, openCsv } from './read.js';
import type { DatasetImporter, ParsedFile } from './types.js';

const SERIES: Array<[RegExp, string]> = [
  [/^hdi_(\d{4})$/, 'undp.hdi'],
  [/^gdi_(\d{4})$/, 'undp.gdi'],
  [/^hdi_rank_(\d{4})$/, 'undp.hdi_rank'],
];

export const undpHdi: DatasetImporter = {
  id: 'undp-hdi',
  title: 'UNDP Human Development Index (HDR composite indices)',
  publisher: 'UNDP Human Development Report Office',
  detect: (p) => !p.isZip && (/^iso3,country,hdicode/.test(p.head.toString('latin1').replace(/^\uFEFF|^ï»¿/, '')) || /^HDR\d/i.test(p.name)),
  parse: async (file, bytes) => parseUndpHdi(file, bytes),
};

export function parseUndpHdi(file: string, bytes: Buffer): ParsedFile {
  const { out, header, index, rows } = openCsv(file, bytes, { encoding: 'latin1', required: ['iso3', 'country', 'hdi_2022'] });
  const columns: Array<[number, string, number]> = [];
  header.forEach((h, c) => {
    for (const [re, id] of SERIES) {
      const m = re.exec(h);
      if (m) columns.push([c, id, Number(m[1])]);
    }
  });
  for (const rec of rows) {
    const name = (rec.cells[index.get('country')!] ?? '').trim();
    const iso3 = (rec.cells[index.get('iso3')!] ?? '').trim() || null;
    if (!name) continue;
    if (looksMisdecoded(name)) out.issues.push({ level: 'warning', file, row: rec.line, message: `name ${JSON.stringify(name)} looks wrongly decoded (Latin-1 read as UTF-8 earlier?)` });
    for (const [c, indicatorId, year] of columns) {
      addNumericValue(out, rec.cells[c], { file, row: rec.line, label: `${name} ${header[c]}` }, { indicatorId, name, iso3, year, row: rec.line });
    }
  }
  return out;
}
