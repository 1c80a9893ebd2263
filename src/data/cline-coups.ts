/**
 * Cline Center Coup d'État Project v2.1.2 (`Coup data 2.1.2.csv`): one row per event with COW code,
 * date and `event_type` = coup (realised), attempted (unrealised) or conspiracy. Output: counts per
 * country-year and type, with the events' dates in the note. The file lists events only, so a
 * country-year without a row means no event recorded (the catalogue's `absentMeans`).
 */
import { openCsv } from './read.js';
import type { DatasetImporter, ParsedFile, RawValue } from './types.js';

const REQUIRED = ['coup_id', 'cowcode', 'country', 'year', 'month', 'day', 'event_type'] as const;
const TYPES: Record<string, string> = { coup: 'coup.cline.realized', attempted: 'coup.cline.attempted', conspiracy: 'coup.cline.conspiracy' };

export const clineCoups: DatasetImporter = {
  id: 'cline-coups',
  title: "Cline Center Coup d'État Project",
  publisher: 'Cline Center for Advanced Social Research, University of Illinois Urbana-Champaign',
  detect: (p) => !p.isZip && (/^\uFEFF?"?coup_id"?,"?cowcode"?,"?country"?,"?year"?/.test(p.head.toString('utf8')) || /^coup[ _]data/i.test(p.name)),
  parse: async (file, bytes) => parseClineCoups(file, bytes),
};

export function parseClineCoups(file: string, bytes: Buffer): ParsedFile {
  const { out, index, rows } = openCsv(file, bytes, { encoding: 'utf-8', required: REQUIRED });
  const get = (cells: string[], c: (typeof REQUIRED)[number]) => (cells[index.get(c)!] ?? '').trim();
  const merged = new Map<string, RawValue & { dates: string[] }>();
  for (const rec of rows) {
    const cow = Number(get(rec.cells, 'cowcode'));
    const year = Number(get(rec.cells, 'year'));
    const month = Number(get(rec.cells, 'month'));
    const day = Number(get(rec.cells, 'day'));
    const name = get(rec.cells, 'country');
    const indicatorId = TYPES[get(rec.cells, 'event_type').toLowerCase()];
    if (!Number.isInteger(cow) || !Number.isInteger(year) || !indicatorId) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `event ${get(rec.cells, 'coup_id')}: cowcode, year or event_type ${JSON.stringify(get(rec.cells, 'event_type'))} unreadable; skipped` });
      continue;
    }
    // Month or day 0 / missing: the event is dated to the year (or month) only.
    const date = month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
    const label = date ?? (month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : String(year));
    const key = `${indicatorId}|${cow}|${year}`;
    const seen = merged.get(key);
    if (seen) {
      seen.value = (seen.value ?? 0) + 1;
      seen.dates.push(label);
      continue;
    }
    merged.set(key, { indicatorId, name, cow, year, value: 1, valueText: null, row: rec.line, dates: [label] });
  }
  out.values = [...merged.values()].map(({ dates, ...v }) => {
    dates.sort();
    const last = dates[dates.length - 1];
    return { ...v, note: dates.join('; '), date: /^\d{4}-\d{2}-\d{2}$/.test(last) ? last : null };
  });
  return out;
}
