/**
 * World Bank Worldwide Governance Indicators, 2024 update (`wgidataset.xlsx`): one sheet in long
 * format, a row per economy × indicator × year with `estimate` (about −2.5…+2.5) and `pctrank`
 * (0–100). `".."` is missing. Codes are WB-style ISO3 (KSV Kosovo, WBG West Bank and Gaza).
 */
import { readWorkbook, cellText } from './xlsx.js';
import { addNumericValue, requireColumns } from './read.js';
import type { DatasetImporter, ParsedFile } from './types.js';

const REQUIRED = ['code', 'countryname', 'year', 'indicator', 'estimate', 'pctrank'] as const;
const INDICATORS = new Set(['va', 'pv', 'ge', 'rq', 'rl', 'cc']);
/** WB codes that are not ISO 3166 alpha-3 (the resolver maps ISO codes). */
const WB_CODES: Record<string, string> = { KSV: 'XKX', WBG: 'PSE', ROM: 'ROU', ZAR: 'COD', TMP: 'TLS', ADO: 'AND' };

export const wgi: DatasetImporter = {
  id: 'wgi',
  title: 'Worldwide Governance Indicators (2024 update)',
  publisher: 'The World Bank (Kaufmann & Kraay), Worldwide Governance Indicators',
  detect: (p) => p.isZip && /^wgi.*\.xlsx$/i.test(p.name),
  parse: parseWgi,
};

export async function parseWgi(file: string, bytes: Buffer): Promise<ParsedFile> {
  const sheets = await readWorkbook(file, bytes);
  const out: ParsedFile = { values: [], issues: [], noDataCells: 0 };
  const sheet = sheets.find((s) => s.rows.some((r) => cellText(r[0]) === 'codeindyr'));
  if (!sheet) {
    out.issues.push({ level: 'error', file, message: `no sheet with the header "codeindyr, code, countryname, year, indicator, estimate, …" (sheets: ${sheets.map((s) => s.name).join(', ')}); the file was not imported` });
    return out;
  }
  const headerAt = sheet.rows.findIndex((r) => cellText(r[0]) === 'codeindyr');
  const { index, error } = requireColumns(file, sheet.rows[headerAt].map((h) => cellText(h)), REQUIRED, { row: headerAt + 1, sheet: sheet.name });
  if (error) return { ...out, issues: [error] };
  const unknown = new Set<string>();
  for (let r = headerAt + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const at = (c: (typeof REQUIRED)[number]) => cells[index.get(c)!];
    const name = cellText(at('countryname'));
    const code = cellText(at('code')).toUpperCase();
    const ind = cellText(at('indicator')).toLowerCase();
    const year = Number(at('year'));
    if (!name && !code) continue;
    if (!INDICATORS.has(ind) || !Number.isInteger(year)) {
      if (!unknown.has(ind)) out.issues.push({ level: 'warning', file, sheet: sheet.name, row: r + 1, message: `${name}: indicator ${JSON.stringify(ind)} or year ${JSON.stringify(at('year'))} unreadable; row skipped` });
      unknown.add(ind);
      continue;
    }
    const base = { name, iso3: WB_CODES[code] ?? code, year, sheet: sheet.name, row: r + 1 };
    addNumericValue(out, at('estimate'), { file, sheet: sheet.name, row: r + 1, label: `${name} ${ind} ${year} estimate` }, { ...base, indicatorId: `wgi.${ind}` });
    addNumericValue(out, at('pctrank'), { file, sheet: sheet.name, row: r + 1, label: `${name} ${ind} ${year} pctrank` }, { ...base, indicatorId: `wgi.${ind}.pctrank` });
  }
  return out;
}
