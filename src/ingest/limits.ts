/**
 * What one document may cost while it is read. Each limit is checked while reading (not after),
 * and a breach is a per-file error with the limit named; the rest of the batch goes on.
 */
export const LIMITS = {
  /** Entries in a ZIP-based file (DOCX); real documents have a few dozen. */
  zipEntries: 10_000,
  /** Bytes a ZIP-based file may inflate to in total; mammoth needs about 15× this in memory. */
  zipInflatedBytes: 32 * 1024 * 1024,
  /** Characters of text a parsed file (HTML, PDF, DOCX) may yield; plain text is split into parts instead. */
  textChars: 32 * 1024 * 1024,
  /** Element nesting a parsed HTML page may have (browsers render far less; deeper is an attack). */
  htmlDepth: 1_000,
  /** Heap of the parser thread: a runaway parser ends there, not in the process. */
  parserHeapMb: 768,
  /** Milliseconds one file may take in the parser thread. */
  parserTimeoutMs: 120_000,
  /** Plain text longer than this is stored as several documents (`file#part2`, …), so memory stays bounded. */
  textPartChars: 2 * 1024 * 1024,
} as const;

export const MB = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
