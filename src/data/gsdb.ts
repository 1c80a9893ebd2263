/**
 * Global Sanctions Data Base v4: one row per sanction case with target, sender(s) and begin/end years.
 * Only arms sanctions (`arms` = 1) are imported, as one value per target-year and sender group:
 * UN, EU (including the EEC and "EU, …" alignments), OSCE (including the CSCE), other.
 * Targets listing several states ("India, Pakistan") give a value to each.
 */
import { resolveCountry } from '../core/countries/resolve.js';
import { openCsv, readNumber } from './read.js';
import type { DatasetImporter, ParsedFile, RawValue } from './types.js';

const REQUIRED = ['case_id', 'sanctioned_state', 'sanctioning_state', 'begin', 'end', 'arms'] as const;

export type SenderGroup = 'un' | 'eu' | 'osce' | 'other';

export function senderGroup(sender: string): SenderGroup {
  const s = sender.trim();
  if (/^UN$|^United Nations\b/i.test(s)) return 'un';
  if (/^(EU|EEC|European Union)\b/i.test(s)) return 'eu';
  if (/^(OSCE|CSCE)\b/i.test(s)) return 'osce';
  return 'other';
}

export const gsdb: DatasetImporter = {
  id: 'gsdb',
  title: 'Global Sanctions Data Base (GSDB) v4',
  publisher: 'Global Sanctions Data Base (Felbermayr, Kirilakha, Syropoulos, Yalcin, Yotov)',
  detect: (p) => !p.isZip && (/sanctioned_state.*sanctioning_state/.test(p.head.toString('utf8')) || /^GSDB/i.test(p.name)),
  parse: async (file, bytes) => parseGsdb(file, bytes),
};

/** Splits "India, Pakistan" into targets, but keeps "Korea, North" and "Congo, Democratic Republic of the" whole. */
export function splitTargets(target: string): string[] {
  if (!target.includes(',') || resolveCountry(target)) return [target];
  const parts = target.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.every((p) => resolveCountry(p)) ? parts : [target];
}

export function parseGsdb(file: string, bytes: Buffer): ParsedFile {
  const { out, index, rows } = openCsv(file, bytes, { encoding: 'utf-8', required: REQUIRED });
  const col = (rec: string[], c: (typeof REQUIRED)[number]) => (rec[index.get(c)!] ?? '').trim();
  // One value per (target, sender group, year); several cases for the same year are joined in the note
  // ("case 1152: Italy 2019–2023; case 1200: …"), which names the senders for the brief.
  const merged = new Map<string, RawValue>();
  for (const rec of rows) {
    if (col(rec.cells, 'arms') !== '1') continue;
    const begin = readNumber(col(rec.cells, 'begin'));
    const end = readNumber(col(rec.cells, 'end'));
    if (begin.kind !== 'number' || end.kind !== 'number' || end.value < begin.value) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `case ${col(rec.cells, 'case_id')}: begin/end years unreadable; skipped` });
      continue;
    }
    const sender = col(rec.cells, 'sanctioning_state');
    const group = senderGroup(sender);
    const caseId = col(rec.cells, 'case_id');
    const caseNote = `case ${caseId}: ${sender.replace(/;/g, ',')} ${begin.value}–${end.value}`;
    for (const target of splitTargets(col(rec.cells, 'sanctioned_state'))) {
      for (let year = begin.value; year <= end.value; year++) {
        const indicatorId = `gsdb.arms_sanction.${group}`;
        const key = `${indicatorId}|${target}|${year}`;
        const seen = merged.get(key);
        if (seen) {
          seen.note = `${seen.note}; ${caseNote}`;
          continue;
        }
        merged.set(key, { indicatorId, name: target, year, value: 1, valueText: null, note: caseNote, row: rec.line });
      }
    }
  }
  out.values = [...merged.values()];
  return out;
}
