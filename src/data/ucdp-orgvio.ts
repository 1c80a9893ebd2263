/**
 * UCDP Country-Year Dataset on Organized Violence v25.1: one row per country-year (1989–2024) with
 * deaths in state-based, non-state and one-sided violence. Countries are Gleditsch–Ward numbers
 * (`country_id_cy`). Every country-year is listed, so a 0 is a real zero, stored as such.
 */
import { addNumericValue, openCsv } from './read.js';
import type { DatasetImporter, ParsedFile } from './types.js';

/** Indicator → death column, and the dyad-name column whose names go into the note. */
const SERIES: Array<[indicatorId: string, column: string, dyadNames: string]> = [
  ['ucdp.onesided.government', 'os_main_govt_killings_best_cy', 'os_dyad_names_cy'],
  ['ucdp.onesided.any_government', 'os_any_govt_killings_best_cy', 'os_dyad_names_cy'],
  ['ucdp.onesided.nonstate', 'os_nsgroup_killings_best_cy', 'os_dyad_names_cy'],
  ['ucdp.onesided.total', 'os_total_deaths_best_cy', 'os_dyad_names_cy'],
  ['ucdp.nonstate.deaths', 'ns_total_deaths_best_cy', 'ns_dyad_names_cy'],
  ['ucdp.statebased.deaths', 'sb_total_deaths_best_cy', 'sb_dyad_names_cy'],
  ['ucdp.statebased.intrastate.deaths', 'sb_intrastate_deaths_best_cy', 'sb_intrastate_dyad_names_cy'],
  ['ucdp.statebased.interstate.deaths', 'sb_interstate_deaths_best_cy', 'sb_interstate_dyad_names_cy'],
];
const REQUIRED = ['country_id_cy', 'country_cy', 'year_cy', ...new Set(SERIES.flatMap(([, c, n]) => [c, n]))];
/** Notes longer than this say how many dyads instead of naming them. */
const NOTE_MAX = 200;

export const ucdpOrgvio: DatasetImporter = {
  id: 'ucdp-orgvio',
  title: 'UCDP Country-Year Dataset on Organized Violence',
  publisher: 'Uppsala Conflict Data Program (UCDP)',
  detect: (p) => !p.isZip && (/^\uFEFF?country_id_cy,country_cy,year_cy/.test(p.head.toString('utf8')) || /^organizedviolencecy/i.test(p.name)),
  parse: async (file, bytes) => parseUcdpOrgvio(file, bytes),
};

export function dyadNote(names: string): string | null {
  // "NO_DYAD" is UCDP's filler for a country-year without dyads of the kind.
  const list = names.split(';').map((s) => s.trim()).filter((s) => s && s !== 'NO_DYAD');
  if (list.length === 0) return null;
  const joined = list.join('; ');
  return joined.length <= NOTE_MAX ? joined : `${list.length} dyads`;
}

export function parseUcdpOrgvio(file: string, bytes: Buffer): ParsedFile {
  const { out, index, rows } = openCsv(file, bytes, { encoding: 'utf-8', required: REQUIRED });
  const get = (cells: string[], c: string) => (cells[index.get(c)!] ?? '').trim();
  for (const rec of rows) {
    const gw = Number(get(rec.cells, 'country_id_cy'));
    const year = Number(get(rec.cells, 'year_cy'));
    const name = get(rec.cells, 'country_cy');
    if (!Number.isInteger(gw) || !Number.isInteger(year)) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `${name || 'row'}: country_id_cy or year_cy unreadable; skipped` });
      continue;
    }
    for (const [indicatorId, column, dyads] of SERIES) {
      addNumericValue(out, get(rec.cells, column), { file, row: rec.line, label: `${name} ${year} ${column}` },
        { indicatorId, name, gw, year, row: rec.line, note: dyadNote(get(rec.cells, dyads)) });
    }
  }
  return out;
}
