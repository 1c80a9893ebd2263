/**
 * Political Terror Scale (PTS-2024 release): one row per country-year, scores 1 (best) to 5 (worst)
 * from three report sources. Latin-1 encoded. `NA` = not coded (skipped; NA_Status says why).
 */
import { looksMisdecoded, openCsv, readNumber } from './read.js';
import type { DatasetImporter, ParsedFile } from './types.js';

const SCORES: Array<[column: string, indicatorId: string]> = [
  ['PTS_A', 'pts.amnesty'],
  ['PTS_H', 'pts.hrw'],
  ['PTS_S', 'pts.state_dept'],
];
const REQUIRED = ['Country', 'Year', 'WordBank_Code_A', ...SCORES.map(([c]) => c)] as const;

export const pts: DatasetImporter = {
  id: 'pts',
  title: 'Political Terror Scale',
  publisher: 'Political Terror Scale project (Gibney et al.), UNC Asheville',
  detect: (p) => !p.isZip && (/PTS_A\b.*PTS_S\b/s.test(p.head.toString('latin1')) || /^PTS[-_]/i.test(p.name)),
  parse: async (file, bytes) => parsePts(file, bytes),
};

export function parsePts(file: string, bytes: Buffer): ParsedFile {
  const { out, index, rows } = openCsv(file, bytes, { encoding: 'latin1', required: REQUIRED });
  for (const rec of rows) {
    const name = (rec.cells[index.get('Country')!] ?? '').trim();
    const year = Number(rec.cells[index.get('Year')!]);
    if (!name || !Number.isInteger(year)) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `row without country or year skipped` });
      continue;
    }
    if (looksMisdecoded(name)) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `name ${JSON.stringify(name)} looks wrongly decoded (Latin-1 read as UTF-8 earlier?)` });
    }
    const iso3 = rec.cells[index.get('WordBank_Code_A')!] ?? null;
    for (const [col, indicatorId] of SCORES) {
      const n = readNumber(rec.cells[index.get(col)!]);
      if (n.kind === 'empty') out.noDataCells++;
      else if (n.kind === 'invalid' || n.value < 1 || n.value > 5) {
        out.issues.push({ level: 'warning', file, row: rec.line, message: `${name} ${year} ${col}: value ${JSON.stringify(n.kind === 'invalid' ? n.raw : n.value)} is not a PTS score (1–5); skipped` });
      } else {
        out.values.push({ indicatorId, name, iso3, year, value: n.value, valueText: null, row: rec.line });
      }
    }
  }
  return out;
}
