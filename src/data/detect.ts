/**
 * Recognises which dataset a file belongs to: by its shape first (the header line of a CSV, the zip
 * signature of a workbook) and by its name second, so a renamed file is still found and a file with
 * the right name but a changed header reaches its importer, which then names the bad header.
 */
import path from 'node:path';
import { isZip } from './read.js';
import { IMPORTERS } from './registry.js';
import type { DatasetImporter, FileProbe } from './types.js';

const HEAD_BYTES = 4096;

export function probeFile(file: string, bytes: Buffer): FileProbe {
  return { name: path.basename(file), head: bytes.subarray(0, HEAD_BYTES), isZip: isZip(bytes) };
}

/** The importer for a file, or null for an unknown format. */
export function detectDataset(file: string, bytes: Buffer): DatasetImporter | null {
  const probe = probeFile(file, bytes);
  return IMPORTERS.find((i) => i.detect(probe)) ?? null;
}

/**
 * Files of a known dataset that are deliberately not imported, each with the reason the report gives.
 * The Powell & Thyne event list (V2023.09.08) holds the same 491 events as the newer country-year
 * panel (V2024.01.29): importing both would give two versions of one series.
 */
const KNOWN_SKIPS: Array<{ test: (p: FileProbe) => boolean; reason: string }> = [
  {
    test: (p) => !p.isZip && (/^\uFEFF?country\tccode\tccode_gw\tccode_polity\tyear\tmonth\tday\tcoup/.test(p.head.toString('utf8')) || /^powell_thyne_coups/i.test(p.name)),
    reason: 'older version (V2023.09.08) of the events in the Powell & Thyne country-year panel, which is imported instead',
  },
];

/** The reason a recognised file is skipped on purpose, or null. */
export function knownSkipReason(file: string, bytes: Buffer): string | null {
  const probe = probeFile(file, bytes);
  return KNOWN_SKIPS.find((s) => s.test(probe))?.reason ?? null;
}

/**
 * Files that document a dataset rather than hold it (SOURCES.md, codebooks); a folder import skips
 * them before recognition, since a codebook quotes headers. Plain .txt is data here (Powell & Thyne).
 */
export function isDocumentationFile(file: string): boolean {
  const base = path.basename(file);
  return base.startsWith('.') || /\.(md|pdf|html?|json|docx?)$/i.test(base) || /^(README|LICEN[CS]E|NOTICE)/i.test(base);
}
