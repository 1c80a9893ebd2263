/**
 * World Bank WDI API downloads (`API_<indicator>_DS2_…csv` and renamed copies such as WDI_GDP.csv):
 * four preamble lines, then `Country Name, Country Code, Indicator Name, Indicator Code, 1960 …`.
 * The indicator is taken from the `Indicator Code` column, not from the file name (WDI_GDP.csv is in
 * fact GDP per capita). Aggregates ("Arab World", "High income") are skipped on purpose.
 */
import { decodeText, parseCsv, readNumber, requireColumns } from './read.js';
import type { DatasetImporter, ParsedFile } from './types.js';

export const WDI_INDICATORS: Record<string, string> = {
  'NY.GDP.PCAP.CD': 'wb.gdp_pc_usd',
  'NY.GDP.PCAP.PP.KD': 'wb.gdp_pc_ppp_const2021',
};

export const wbWdi: DatasetImporter = {
  id: 'wb-wdi',
  title: 'World Bank World Development Indicators',
  publisher: 'The World Bank',
  detect: (p) => !p.isZip && (/"Data Source","World Development Indicators"|"Country Name","Country Code","Indicator Name"/.test(p.head.toString('utf8')) || /^(API_|WDI_)/i.test(p.name)),
  parse: async (file, bytes) => parseWbWdi(file, bytes),
};

export function parseWbWdi(file: string, bytes: Buffer): ParsedFile {
  const decoded = decodeText(file, bytes, 'utf-8');
  const out: ParsedFile = { values: [], issues: [...decoded.issues], noDataCells: 0 };
  const records = parseCsv(decoded.text);
  const headerAt = records.findIndex((r) => r.cells[0]?.trim() === 'Country Name');
  if (headerAt < 0) {
    out.issues.push({ level: 'error', file, row: 1, message: 'header "Country Name, Country Code, …" not found; the file was not imported' });
    return out;
  }
  const header = records[headerAt].cells.map((h) => h.trim());
  const { index, error } = requireColumns(file, header, ['Country Name', 'Country Code', 'Indicator Code'], { row: records[headerAt].line });
  if (error) return { ...out, issues: [...out.issues, error] };
  const years: Array<[number, number]> = [];
  header.forEach((h, c) => /^\d{4}$/.test(h) && years.push([c, Number(h)]));
  for (const rec of records.slice(headerAt + 1)) {
    const name = (rec.cells[index.get('Country Name')!] ?? '').trim();
    if (!name) continue;
    const code = (rec.cells[index.get('Indicator Code')!] ?? '').trim();
    const indicatorId = WDI_INDICATORS[code];
    if (!indicatorId) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `WDI indicator ${JSON.stringify(code)} is not in the catalogue; row skipped` });
      continue;
    }
    const iso3 = (rec.cells[index.get('Country Code')!] ?? '').trim() || null;
    for (const [c, year] of years) {
      const n = readNumber(rec.cells[c]);
      if (n.kind === 'empty') out.noDataCells++;
      else if (n.kind === 'invalid') out.issues.push({ level: 'warning', file, row: rec.line, message: `${name} ${year}: non-numeric cell ${JSON.stringify(n.raw)} skipped` });
      else out.values.push({ indicatorId, name, iso3, year, value: n.value, valueText: null, row: rec.line });
    }
  }
  return out;
}
