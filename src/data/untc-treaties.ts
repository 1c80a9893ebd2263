/**
 * UN Treaty Collection participation (Chapter XXVI disarmament and Chapter IV human rights, parsed to
 * CSV by M. Galdino): one row per participant × instrument with `action_type` (Ratification,
 * Accession, Succession; empty = signed only), `action_date` and `signature_date`.
 *
 * Output per state and instrument (`treaty.<treaty_id>`) is a status series: 0 ("signed") from the
 * year of a signature, 1 ("party") from the year of consent to be bound, each year carried forward to
 * the year of the file's latest action (its status date), and the exact day as the value's date. A
 * series per year, not one event row, because the rules read "the status in a year" inside a window:
 * a state that joined in 2017 is still a party in 2025. CCW protocols II (amended), IV and V keep the
 * consent date in `signature_date` with an empty action type (the UNTC tables have one date column).
 * The European Union (a party to the CRPD) is an organisation, never a country.
 */
import { openCsv } from './read.js';
import { TREATIES } from './catalogue-new.js';
import type { DatasetImporter, ParsedFile, RawValue } from './types.js';

const REQUIRED = ['country_name', 'treaty_id', 'treaty_name', 'action_type', 'action_date', 'signature_date'] as const;
const CONSENT = new Set(['ratification', 'accession', 'succession']);
/** Instruments whose only date column is the consent to be bound (see SOURCES.md, caveats). */
const CONSENT_IN_SIGNATURE_COLUMN = new Set(['ccw_p2a', 'ccw_p4', 'ccw_p5']);
const ORGANISATIONS = /^European Union$/i;

export const untcTreaties: DatasetImporter = {
  id: 'untc',
  title: 'UN Treaty Collection: participation in disarmament and human-rights treaties',
  publisher: 'United Nations Treaty Collection (status pages accessed 2026-02-03; CSV by M. Galdino)',
  detect: (p) => !p.isZip && (/^\uFEFF?country_name,treaty_id,treaty_name,action_type/.test(p.head.toString('utf8')) || /_ratifications\.csv$/i.test(p.name)),
  parse: async (file, bytes) => parseUntc(file, bytes),
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseUntc(file: string, bytes: Buffer): ParsedFile {
  const { out, index, rows } = openCsv(file, bytes, { encoding: 'utf-8', required: REQUIRED });
  const get = (cells: string[], c: (typeof REQUIRED)[number]) => (cells[index.get(c)!] ?? '').trim();
  interface Step { name: string; treaty: string; date: string; party: boolean; row: number; action: string }
  const steps: Step[] = [];
  const unknownTreaties = new Set<string>();
  for (const rec of rows) {
    const name = get(rec.cells, 'country_name');
    const treaty = get(rec.cells, 'treaty_id').toLowerCase();
    if (!name || !treaty) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: 'row without participant or treaty_id skipped' });
      continue;
    }
    if (!TREATIES[treaty]) {
      if (!unknownTreaties.has(treaty)) out.issues.push({ level: 'warning', file, row: rec.line, message: `treaty_id ${JSON.stringify(treaty)} is not in the catalogue; its rows were skipped` });
      unknownTreaties.add(treaty);
      continue;
    }
    const action = get(rec.cells, 'action_type');
    const actionDate = get(rec.cells, 'action_date');
    const signature = get(rec.cells, 'signature_date');
    const bad = [actionDate, signature].find((d) => d !== '' && !ISO_DAY.test(d));
    if (bad !== undefined) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `${name} ${treaty}: date ${JSON.stringify(bad)} is not YYYY-MM-DD; row skipped` });
      continue;
    }
    if (action && !CONSENT.has(action.toLowerCase())) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `${name} ${treaty}: unknown action_type ${JSON.stringify(action)}; row skipped` });
      continue;
    }
    if (action && actionDate) {
      if (signature && signature < actionDate) steps.push({ name, treaty, date: signature, party: false, row: rec.line, action: 'signature' });
      steps.push({ name, treaty, date: actionDate, party: true, row: rec.line, action: action.toLowerCase() });
    } else if (!action && signature) {
      const party = CONSENT_IN_SIGNATURE_COLUMN.has(treaty);
      steps.push({ name, treaty, date: signature, party, row: rec.line, action: party ? 'consent to be bound' : 'signature' });
    } else {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `${name} ${treaty}: neither a consent nor a signature date; row skipped` });
    }
  }
  if (steps.length === 0) return out;
  // Status date of the file: its latest action; every status is carried forward to that year.
  const lastYear = Math.max(...steps.map((s) => Number(s.date.slice(0, 4))));
  const byKey = new Map<string, RawValue>();
  for (const s of steps.sort((a, b) => a.date.localeCompare(b.date))) {
    const from = Number(s.date.slice(0, 4));
    for (let year = from; year <= lastYear; year++) {
      const key = `${s.treaty}|${s.name}|${year}`;
      const seen = byKey.get(key);
      // A later step (consent after a signature) overrides the earlier one from its own year on.
      if (seen && seen.value === 1 && !s.party) continue;
      byKey.set(key, {
        indicatorId: `treaty.${s.treaty}`, name: s.name, nonState: ORGANISATIONS.test(s.name), year,
        value: s.party ? 1 : 0, valueText: s.party ? 'party' : 'signed', date: s.date,
        note: `${s.action} ${s.date}`, row: s.row,
      });
    }
  }
  out.values = [...byKey.values()];
  return out;
}
