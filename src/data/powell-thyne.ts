/**
 * Powell & Thyne, Global Instances of Coups: the country-year panel (`powell_thyne_ccode_year.txt`,
 * V2024.01.29; tab-separated, CRLF, UTF-8). `coup1…coup4` = 0 none, 1 failed, 2 successful, with
 * `date1…date4` like `26jun2023`. The panel lists every state-year, so years without coups are stored
 * as 0 (absence then means no data, 0 means none). Its `ccode` column follows Gleditsch–Ward numbering
 * (260 German Federal Republic to 2024, 340 Serbia, 396 Abkhazia, 970–973), so the GW table resolves it.
 * The event list (`powell_thyne_coups_final.txt`, V2023.09.08) holds the same events in an older
 * version and is skipped (see detect.ts).
 */
import { openCsv } from './read.js';
import type { DatasetImporter, ParsedFile } from './types.js';

const REQUIRED = ['ccode', 'country', 'year', 'coup1', 'coup2', 'coup3', 'coup4', 'date1', 'date2', 'date3', 'date4'] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Dates the publisher got wrong, by GW code and date. Niger's coup took place on 26 July 2023; both
 * P&T versions give 26 June (SOURCES.md, caveats).
 */
const DATE_ERRATA: Record<string, string> = { '436|2023-06-26': '2023-07-26' };

export const powellThyne: DatasetImporter = {
  id: 'powell-thyne',
  title: 'Powell & Thyne, Global Instances of Coups (country-year panel)',
  publisher: 'Jonathan M. Powell & Clayton L. Thyne',
  detect: (p) => !p.isZip && (/^\uFEFF?ccode\tabbrev\tcountry\tyear\t/.test(p.head.toString('utf8')) || /^powell_thyne_ccode_year/i.test(p.name)),
  parse: async (file, bytes) => parsePowellThyne(file, bytes),
};

/** "26jun2023" → "2023-06-26"; null when unreadable. */
export function parseStataDate(s: string): string | null {
  const m = /^(\d{1,2})([a-z]{3})(\d{4})$/i.exec(s.trim());
  const month = m ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
  if (!m || month === 0) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

export function parsePowellThyne(file: string, bytes: Buffer): ParsedFile {
  const { out, index, rows } = openCsv(file, bytes, { encoding: 'utf-8', delimiter: '\t', required: REQUIRED });
  const get = (cells: string[], c: string) => (cells[index.get(c)!] ?? '').trim();
  for (const rec of rows) {
    const gw = Number(get(rec.cells, 'ccode'));
    const year = Number(get(rec.cells, 'year'));
    const name = get(rec.cells, 'country');
    if (!Number.isInteger(gw) || !Number.isInteger(year)) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `${name || 'row'}: ccode or year unreadable; skipped` });
      continue;
    }
    const events: Array<{ date: string; successful: boolean }> = [];
    let bad = false;
    // Set where the errata lookup hits, not by date: another state's real coup on the corrected day is not a correction.
    let corrected = false;
    for (let k = 1; k <= 4; k++) {
      const kind = get(rec.cells, `coup${k}`);
      if (kind === '0' || kind === '') continue;
      let date = parseStataDate(get(rec.cells, `date${k}`));
      if ((kind !== '1' && kind !== '2') || !date) {
        out.issues.push({ level: 'warning', file, row: rec.line, message: `${name} ${year}: coup${k} ${JSON.stringify(kind)} / date${k} ${JSON.stringify(get(rec.cells, `date${k}`))} unreadable; row skipped` });
        bad = true;
        break;
      }
      const fixed = DATE_ERRATA[`${gw}|${date}`];
      if (fixed) {
        date = fixed;
        corrected = true;
      }
      events.push({ date, successful: kind === '2' });
    }
    if (bad) continue;
    events.sort((a, b) => a.date.localeCompare(b.date));
    const note = events.length
      ? events.map((e) => `${e.successful ? 'successful' : 'failed'} ${e.date}`).join('; ') + (corrected ? ' (date corrected from the file\'s 26 June)' : '')
      : null;
    const date = events.length ? events[events.length - 1].date : null;
    const base = { name, gw, year, row: rec.line, note, date };
    out.values.push({ ...base, indicatorId: 'coup.attempts', value: events.length, valueText: null });
    out.values.push({ ...base, indicatorId: 'coup.successful', value: events.filter((e) => e.successful).length, valueText: null });
  }
  return out;
}
