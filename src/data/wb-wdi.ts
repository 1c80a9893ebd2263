/**
 * World Bank WDI API downloads (`API_<indicator>_DS2_…csv` and renamed copies such as WDI_GDP.csv):
 * four preamble lines, then `Country Name, Country Code, Indicator Name, Indicator Code, 1960 …`.
 * The indicator is taken from the `Indicator Code` column, not from the file name (WDI_GDP.csv is in
 * fact GDP per capita). Aggregates ("Arab World", "High income") are skipped on purpose.
 */
import { addNumericValue, openCsv } from './read.js';
import type { DatasetImporter, ParsedFile } from './types.js';

export const WDI_INDICATORS: Record<string, string> = {
  'NY.GDP.PCAP.CD': 'wb.gdp_pc_usd',
  'NY.GDP.PCAP.PP.KD': 'wb.gdp_pc_ppp_const2021',
  'SH.XPD.CHEX.GD.ZS': 'wb.health_exp_gdp',
  'SE.XPD.TOTL.GD.ZS': 'wb.edu_exp_gdp',
  'SP.POP.TOTL': 'wb.population',
};

export const wbWdi: DatasetImporter = {
  id: 'wb-wdi',
  title: 'World Bank World Development Indicators',
  publisher: 'The World Bank',
  detect: (p) => !p.isZip && (/"Data Source","World Development Indicators"|"Country Name","Country Code","Indicator Name"/.test(p.head.toString('utf8')) || /^(API_|WDI_)/i.test(p.name)),
  parse: async (file, bytes) => parseWbWdi(file, bytes),
};

export function parseWbWdi(file: string, bytes: Buffer): ParsedFile {
  const { out, header, index, rows } = openCsv(file, bytes, {
    encoding: 'utf-8', required: ['Country Name', 'Country Code', 'Indicator Code'], headerStartsWith: 'Country Name',
  });
  const years: Array<[number, number]> = [];
  header.forEach((h, c) => /^\d{4}$/.test(h) && years.push([c, Number(h)]));
  const unknownCodes = new Set<string>();
  for (const rec of rows) {
    const name = (rec.cells[index.get('Country Name')!] ?? '').trim();
    if (!name) continue;
    const code = (rec.cells[index.get('Indicator Code')!] ?? '').trim();
    const indicatorId = WDI_INDICATORS[code];
    if (!indicatorId) {
      // One warning per unknown series, not per row: a whole file of it would otherwise flood the report.
      if (!unknownCodes.has(code)) out.issues.push({ level: 'warning', file, row: rec.line, message: `WDI indicator ${JSON.stringify(code)} is not in the catalogue; its rows were skipped` });
      unknownCodes.add(code);
      continue;
    }
    const iso3 = (rec.cells[index.get('Country Code')!] ?? '').trim() || null;
    for (const [c, year] of years) {
      addNumericValue(out, rec.cells[c], { file, row: rec.line, label: `${name} ${year}` }, { indicatorId, name, iso3, year, row: rec.line });
    }
  }
  return out;
}
