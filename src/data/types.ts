/**
 * What every dataset importer produces. Importers are pure parsers: bytes in, rows out.
 * Country resolution, storage and history happen later (resolve-entities.ts, store/indicators.ts),
 * so a parser can be tested on a file without a store.
 */
import type { ArmsDeal } from '../core/types.js';

/** A SIPRI trade-register line is a domain type (core), so the store can extend it too. */
export type { ArmsDeal };

/** One value as read from a file, before its entity name is resolved to a country. */
export interface RawValue {
  indicatorId: string;
  /** Entity name exactly as the file spells it ("Korea, North", "Hezbollah (Lebanon)*"). */
  name: string;
  /** ISO 3166 alpha-3 code when the file carries one (TI, UNDP, World Bank, PTS). */
  iso3?: string | null;
  /** Gleditsch–Ward state number when the file carries one (UCDP). */
  gw?: number | null;
  /** Correlates of War state number when the file carries one (Powell & Thyne, Cline Center). */
  cow?: number | null;
  /** The file names an organisation or other non-state party (the European Union in the UNTC files). */
  nonState?: boolean;
  /** Exact day the value became true (YYYY-MM-DD), where the file dates it (a ratification, a coup). */
  date?: string | null;
  /** The file marks the row as a territory (Freedom House): kept apart from countries. */
  territory?: boolean;
  /** Counterpart, e.g. the supplier for "imports by supplier"; resolved like `name`. */
  partner?: string | null;
  year: number;
  /** A number, or null when the value is a code (then valueText holds it). */
  value: number | null;
  valueText: string | null;
  /** Short remark carried along: footnote marks, conflict ids, the edition a year comes from. */
  note?: string | null;
  sheet?: string | null;
  /** 1-based row number in the file (CSV: physical line; XLSX: sheet row). */
  row: number;
}

export type IssueLevel = 'error' | 'warning';

/** A problem with one place in one file. The import goes on; the report lists it. */
export interface ImportIssue {
  level: IssueLevel;
  file: string;
  sheet?: string | null;
  row?: number | null;
  message: string;
}

export interface ParsedFile {
  values: RawValue[];
  deals?: ArmsDeal[];
  issues: ImportIssue[];
  /** Cells that said "no data" (". .", "NA", empty) and were skipped on purpose. */
  noDataCells: number;
  /** Codes the file marks as aggregates (WB country metadata): never stored as entities by any file. */
  aggregateCodes?: string[];
  /** How the values name their origin when the file says more than its name (reference lists: as-of date and address). */
  provenance?: { sourceFile?: string; publisher?: string };
}

/** A dataset importer: recognises its files and parses them. */
export interface DatasetImporter {
  /** Stable id, also the `source_id` of its values ('sipri-milex', 'pts', …). */
  id: string;
  title: string;
  publisher: string;
  /**
   * Where several files of one dataset overlap (Freedom House), the lower number wins when one value
   * per country-year is wanted. Each file still keeps its own values.
   */
  priority?: number;
  /** True when the file belongs to this dataset: decided by name and by its first bytes / sheet names. */
  detect(probe: FileProbe): boolean;
  parse(file: string, bytes: Buffer): Promise<ParsedFile>;
}

export interface FileProbe {
  /** Base name of the file. */
  name: string;
  /** The first few KB, for CSV header checks. */
  head: Buffer;
  isZip: boolean;
}
