/**
 * The notes importers attach to event values, read back so a brief can name the facts behind a
 * rating: GSDB cases ("case 1152: Italy 2019–2023; case …") and UCDP/PRIO conflicts
 * ("conflicts 230 | 230: Yemen (North Yemen); Government of Yemen vs Ansarallah; secondary B of 4").
 * Pure. A note in another shape reads as nothing (the brief then shows only the value).
 */

export interface SanctionCase {
  caseId: string;
  senders: string[];
  from: number;
  to: number;
}

export function parseSanctionNote(note: string | null | undefined): SanctionCase[] {
  if (!note) return [];
  const out: SanctionCase[] = [];
  for (const part of note.split(/;\s*(?=case )/)) {
    const m = /^case (\S+): (.+) (\d{4})–(\d{4})$/.exec(part.trim());
    if (m) out.push({ caseId: m[1], senders: m[2].split(/,\s*/).filter(Boolean), from: Number(m[3]), to: Number(m[4]) });
  }
  return out;
}

export interface ConflictRecord {
  id: string;
  location: string;
  sideA: string;
  sideB: string;
  /** For party values: the country's side and whether it fought itself (primary) or supported (secondary). */
  role?: { kind: 'primary' | 'secondary'; side: 'A' | 'B'; of?: number };
}

export function parseConflictNote(note: string | null | undefined): ConflictRecord[] {
  if (!note || !note.includes(' | ')) return [];
  const out: ConflictRecord[] = [];
  for (const part of note.split(' | ').slice(1)) {
    const m = /^(\S+): ([^;]+); (.+?) vs ([^;]+?)(?:; (primary|secondary) (A|B)(?: of (\d+))?)?$/.exec(part.trim());
    if (!m) continue;
    const rec: ConflictRecord = { id: m[1], location: m[2].trim(), sideA: m[3].trim(), sideB: m[4].trim() };
    if (m[5]) rec.role = { kind: m[5] as 'primary' | 'secondary', side: m[6] as 'A' | 'B', ...(m[7] ? { of: Number(m[7]) } : {}) };
    out.push(rec);
  }
  return out;
}

/** "Government of Yemen (North Yemen)" → "Yemen"; "Russia (Soviet Union)" → "Russia": the name to resolve. */
export function stateName(s: string): string {
  return s.replace(/^Government of /, '').replace(/\s*\([^)]*\)\s*/g, ' ').trim();
}

/** Every name in the notes that may be a state (senders, locations, sides), for the service to resolve. */
export function namesInNotes(notes: Array<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const n of notes) {
    for (const c of parseSanctionNote(n)) for (const s of c.senders) out.add(stateName(s));
    for (const c of parseConflictNote(n)) {
      for (const l of c.location.split(/,\s*/)) out.add(stateName(l));
      for (const side of [c.sideA, c.sideB]) for (const s of side.split(/,\s*/)) out.add(stateName(s));
    }
  }
  return [...out].filter(Boolean);
}
