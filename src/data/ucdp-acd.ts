/**
 * UCDP/PRIO Armed Conflict Dataset: one row per conflict-year. Countries are Gleditsch–Ward numbers,
 * several per field for multi-country conflicts. Output per country-year and conflict type, once for
 * the country as location (`ucdp.conflict.<type>`) and once as a party, primary or secondary
 * (`ucdp.conflict.<type>.party`); the value is the highest intensity (1 = 25–999 battle deaths,
 * 2 = 1,000 or more), the note lists the conflict ids and, after " | ", each conflict as
 * "id: location; side A vs side B" with the party's role ("primary A", "secondary B of 3"). A missing country-year means no state-based
 * conflict recorded (see the catalogue's `absentMeans`).
 */
import { openCsv } from './read.js';
import { gwToAlpha2 } from './gleditsch-ward.js';
import type { DatasetImporter, ParsedFile, RawValue } from './types.js';

const REQUIRED = [
  'conflict_id', 'location', 'side_a', 'side_a_2nd', 'side_b', 'side_b_2nd', 'year', 'intensity_level', 'type_of_conflict',
  'gwno_a', 'gwno_a_2nd', 'gwno_b', 'gwno_b_2nd', 'gwno_loc',
] as const;

export const CONFLICT_TYPES: Record<string, string> = {
  '1': 'extrasystemic',
  '2': 'interstate',
  '3': 'intrastate',
  '4': 'internationalised',
};

export const ucdpAcd: DatasetImporter = {
  id: 'ucdp-acd',
  title: 'UCDP/PRIO Armed Conflict Dataset',
  publisher: 'Uppsala Conflict Data Program (UCDP) and Peace Research Institute Oslo (PRIO)',
  detect: (p) => !p.isZip && (/conflict_id.*gwno_loc/s.test(p.head.toString('utf8')) || /^UcdpPrioConflict/i.test(p.name)),
  parse: async (file, bytes) => parseUcdpAcd(file, bytes),
};

function splitList(s: string): string[] {
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

/**
 * The GW number identifies the country; names in the side lists are not always in the same order as
 * the numbers, so a name is only used for states the code table has no ISO code for.
 */
function displayName(gw: number, aligned: string | null): string {
  return gwToAlpha2(gw) ? `GW ${gw}` : (aligned ?? `GW ${gw}`);
}

export function parseUcdpAcd(file: string, bytes: Buffer): ParsedFile {
  const { out, index, rows } = openCsv(file, bytes, { encoding: 'utf-8', required: REQUIRED });
  const merged = new Map<string, RawValue & { ids: Map<string, string> }>();
  const add = (indicatorId: string, gw: number, name: string, year: number, intensity: number, conflictId: string, row: number, what: string) => {
    const key = `${indicatorId}|${gw}|${year}`;
    const seen = merged.get(key);
    if (seen) {
      seen.value = Math.max(seen.value ?? 0, intensity);
      if (!seen.ids.has(conflictId)) seen.ids.set(conflictId, what);
      return;
    }
    merged.set(key, { indicatorId, name, gw, year, value: intensity, valueText: null, row, ids: new Map([[conflictId, what]]) });
  };
  const clip = (s: string) => s.replace(/[;|]/g, ',');
  for (const rec of rows) {
    const get = (c: (typeof REQUIRED)[number]) => (rec.cells[index.get(c)!] ?? '').trim();
    const year = Number(get('year'));
    const intensity = Number(get('intensity_level'));
    const type = CONFLICT_TYPES[get('type_of_conflict')];
    const conflictId = get('conflict_id');
    if (!Number.isInteger(year) || !(intensity === 1 || intensity === 2) || !type) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `conflict ${conflictId}: year, intensity or type unreadable; skipped` });
      continue;
    }
    const what = `${conflictId}: ${clip(get('location'))}; ${clip(get('side_a'))} vs ${clip(get('side_b'))}`;
    const locCodes = splitList(get('gwno_loc')).map(Number);
    const locNames = splitList(get('location'));
    locCodes.forEach((gw, i) => {
      if (!Number.isInteger(gw)) return;
      const name = displayName(gw, locNames.length === locCodes.length ? locNames[i] : null);
      add(`ucdp.conflict.${type}`, gw, name, year, intensity, conflictId, rec.line, what);
    });
    const parties: Array<[string, string, string]> = [
      [get('gwno_a'), get('side_a'), 'primary A'],
      [get('gwno_b'), get('side_b'), 'primary B'],
      [get('gwno_a_2nd'), get('side_a_2nd'), 'secondary A'],
      [get('gwno_b_2nd'), get('side_b_2nd'), 'secondary B'],
    ];
    for (const [codes, names, role] of parties) {
      const gws = splitList(codes).map(Number);
      const roleText = role.startsWith('secondary') ? `${role} of ${gws.length}` : role;
      const nameList = splitList(names);
      gws.forEach((gw, i) => {
        if (!Number.isInteger(gw)) return;
        const raw = nameList.length === gws.length ? nameList[i].replace(/^Government of /, '') : null;
        add(`ucdp.conflict.${type}.party`, gw, displayName(gw, raw), year, intensity, conflictId, rec.line, `${what}; ${roleText}`);
      });
    }
  }
  out.values = [...merged.values()].map(({ ids, ...v }) => {
    const sorted = [...ids].sort(([x], [y]) => x.localeCompare(y));
    return { ...v, note: `conflicts ${sorted.map(([id]) => id).join(', ')} | ${sorted.map(([, w]) => w).join(' | ')}` };
  });
  return out;
}
