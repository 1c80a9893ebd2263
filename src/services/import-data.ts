/**
 * Use case: import public datasets (files or folders) into the indicator store.
 * Each file: detect its dataset → parse → resolve entity names → upsert in one transaction.
 * A file that fails (unknown format, truncated workbook, changed header) is reported and skipped;
 * the other files import and nothing stored before is touched by the failed one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { releaseWal, type Db } from '../store/db.js';
import { AppError, errorMessage } from '../core/errors.js';
import { packagePath } from '../core/package-files.js';
import { detectDataset, isDocumentationFile, knownSkipReason } from '../data/detect.js';
import { isWbMetadataFile } from '../data/wb-meta.js';
import { indicatorInfo } from '../data/catalogue.js';
import { resolveEntity, type Resolution } from '../data/entities.js';
import { cowToAlpha2, gwToAlpha2 } from '../data/gleditsch-ward.js';
import { registerAggregateCodes } from '../data/aggregates.js';
import type { ArmsDeal, DatasetImporter, ImportIssue, RawValue } from '../data/types.js';
import { withoutSubject } from '../core/subject.js';
import {
  finishImportRun, recordImportedFile, wasImportedLast, recordUnresolved, startImportRun, upsertArmsDeals, upsertIndicatorValues,
  type ArmsDealInput, type IndicatorValueInput, type UnresolvedName, type UpsertCounts,
} from '../store/indicators.js';

export interface FileReport {
  file: string;
  dataset: string | null;
  /** `skipped`: found in a folder but of no supported dataset (reported, not an error);
   *  `unknown_format`: named explicitly but of no supported dataset (an error). */
  status: 'imported' | 'unchanged' | 'failed' | 'unknown_format' | 'skipped';
  /** Why a file was skipped or failed, when one reason says it. */
  reason?: string;
  values: number;
  countries: number;
  inserted: number;
  changed: number;
  refreshed: number;
  unchanged: number;
  deals: number;
  aggregatesSkipped: number;
  /** Non-state actors, territories and former states kept under their own names. */
  entitiesKept: number;
  unresolvedNames: number;
  noDataCells: number;
  durationMs: number;
}

export interface ImportReport {
  runId: number;
  durationMs: number;
  files: FileReport[];
  totals: {
    files: number;
    failedFiles: number;
    skippedFiles: number;
    values: number;
    countries: number;
    inserted: number;
    changed: number;
    unchanged: number;
    deals: number;
    unresolvedNames: number;
    aggregatesSkipped: number;
    entitiesKept: number;
    errors: number;
    warnings: number;
  };
  unresolved: UnresolvedName[];
  /** Names kept as non-state actors, territories or former states (not forced onto a country). */
  entitiesKept: Array<{ file: string; name: string; kind: string }>;
  issues: ImportIssue[];
}

export interface ImportProgress {
  file: string;
  index: number;
  total: number;
  phase: 'parse' | 'store' | 'done';
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Write values even when the same file was imported last (default: skip, nothing could change). */
  force?: boolean;
  /** Also import the reference lists bundled in reference/ (the CLI does unless --no-reference). */
  includeReference?: boolean;
}

export interface ImportInput {
  file: string;
  /** Found by walking a folder (an unrecognised file is then skipped), not named by the user. */
  fromFolder: boolean;
}

/** The reference lists shipped with armsbrief (reference/*.csv at the package root). */
export function bundledReferenceFiles(): string[] {
  const dir = packagePath('reference');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((n) => n.endsWith('.csv')).sort().map((n) => path.join(dir, n));
}

/** Expands folders (recursively, hidden files left out) and keeps explicit files as given. */
export function expandInputs(inputs: string[]): { files: ImportInput[]; missing: string[] } {
  const files: ImportInput[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !entry.name.startsWith('.')) files.push({ file: full, fromFolder: true });
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) missing.push(input);
    else if (fs.statSync(input).isDirectory()) walk(input);
    else files.push({ file: input, fromFolder: false });
  }
  return { files, missing };
}

export async function importData(db: Db, inputs: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = Date.now();
  const { files: listed, missing } = expandInputs(inputs);
  // The WB country metadata names the aggregates of every WDI file, so it is read before them.
  const files = [...listed].sort((a, b) => Number(!isWbMetadataFile(a.file)) - Number(!isWbMetadataFile(b.file)));
  if (opts.includeReference) {
    const named = new Set(files.map((f) => path.resolve(f.file)));
    files.push(...bundledReferenceFiles().filter((f) => !named.has(path.resolve(f))).map((file) => ({ file, fromFolder: false })));
  }
  const runId = await startImportRun(db);
  const report: ImportReport = {
    runId,
    durationMs: 0,
    files: [],
    totals: { files: files.length, failedFiles: 0, skippedFiles: 0, values: 0, countries: 0, inserted: 0, changed: 0, unchanged: 0, deals: 0, unresolvedNames: 0, aggregatesSkipped: 0, entitiesKept: 0, errors: 0, warnings: 0 },
    unresolved: [],
    entitiesKept: [],
    issues: missing.map((m) => ({ level: 'error' as const, file: m, message: 'no such file or folder' })),
  };
  const allCountries = new Set<string>();
  for (const [index, input] of files.entries()) {
    const file = input.file;
    opts.onProgress?.({ file, index, total: files.length, phase: 'parse' });
    const fr = await importOneFile(db, input, runId, report, allCountries, () => opts.onProgress?.({ file, index, total: files.length, phase: 'store' }), opts);
    report.files.push(fr);
    opts.onProgress?.({ file, index, total: files.length, phase: 'done' });
  }
  await recordUnresolved(db, runId, report.unresolved);
  const t = report.totals;
  for (const f of report.files) {
    t.values += f.values;
    t.inserted += f.inserted;
    t.changed += f.changed;
    t.unchanged += f.unchanged;
    t.deals += f.deals;
    t.aggregatesSkipped += f.aggregatesSkipped;
    t.entitiesKept += f.entitiesKept;
    if (f.status === 'failed' || f.status === 'unknown_format') t.failedFiles++;
    if (f.status === 'skipped') t.skippedFiles++;
  }
  t.countries = allCountries.size;
  t.unresolvedNames = report.unresolved.length;
  t.errors = report.issues.filter((i) => i.level === 'error').length;
  t.warnings = report.issues.filter((i) => i.level === 'warning').length;
  await finishImportRun(db, runId, { ...report, issues: report.issues.slice(0, 500) });
  // A large import leaves hundreds of MB of finished WAL in an embedded store; let it go.
  if (t.inserted + t.changed >= 10_000) await releaseWal(db);
  report.durationMs = Date.now() - t0;
  return report;
}

function emptyFileReport(file: string, dataset: string | null, status: FileReport['status']): FileReport {
  return { file, dataset, status, values: 0, countries: 0, inserted: 0, changed: 0, refreshed: 0, unchanged: 0, deals: 0, aggregatesSkipped: 0, entitiesKept: 0, unresolvedNames: 0, noDataCells: 0, durationMs: 0 };
}

async function importOneFile(db: Db, { file, fromFolder }: ImportInput, runId: number, report: ImportReport, allCountries: Set<string>, onStore: () => void, opts: ImportOptions): Promise<FileReport> {
  const t0 = Date.now();
  const base = path.basename(file);
  if (fromFolder && isDocumentationFile(file)) return { ...emptyFileReport(base, null, 'skipped'), reason: 'documentation, not data' };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    report.issues.push({ level: 'error', file: base, message: `cannot read: ${errorMessage(err)}` });
    return emptyFileReport(base, null, 'failed');
  }
  const skipReason = knownSkipReason(file, bytes);
  if (skipReason) return { ...emptyFileReport(base, null, 'skipped'), reason: skipReason };
  const importer = detectDataset(file, bytes);
  if (!importer) {
    const reason = 'not a file of any supported dataset (see `armsbrief data sources`)';
    // A stray file in a data folder must not abort or fail the import of the folder; a file the user
    // named explicitly was meant to be imported, so there it is an error.
    if (fromFolder) return { ...emptyFileReport(base, null, 'skipped'), reason };
    report.issues.push({ level: 'error', file: base, message: `unknown format: ${reason}` });
    return { ...emptyFileReport(base, null, 'unknown_format'), reason };
  }
  const fr = emptyFileReport(base, importer.id, 'imported');
  let parsed;
  try {
    parsed = await importer.parse(base, bytes);
  } catch (err) {
    report.issues.push({ level: 'error', file: base, message: err instanceof AppError ? withoutSubject(err.message, base) : `cannot parse: ${errorMessage(err)}` });
    fr.status = 'failed';
    return fr;
  }
  report.issues.push(...parsed.issues);
  fr.noDataCells = parsed.noDataCells;
  if (parsed.aggregateCodes) registerAggregateCodes(parsed.aggregateCodes);
  if (parsed.issues.some((i) => i.level === 'error') && parsed.values.length === 0) {
    fr.status = 'failed';
    fr.durationMs = Date.now() - t0;
    return fr;
  }
  const resolved = resolveValues(importer, base, parsed.values, report);
  const deals = parsed.deals ? resolveDeals(parsed.deals) : [];
  fr.aggregatesSkipped = resolved.aggregates;
  fr.entitiesKept = resolved.kept.size;
  fr.unresolvedNames = resolved.unresolved.length;
  fr.countries = resolved.countries.size;
  for (const c of resolved.countries) allCountries.add(c);
  report.unresolved.push(...resolved.unresolved);
  for (const [name, kind] of resolved.kept) report.entitiesKept.push({ file: base, name, kind });
  onStore();
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  if (!opts.force && (await wasImportedLast(db, importer.id, base, contentHash))) {
    // Same bytes as the last import of this file: nothing can change, so nothing is written. This also
    // keeps a folder holding an older and a newer file of one dataset stable on re-import.
    Object.assign(fr, { status: 'unchanged', values: resolved.values.length, unchanged: resolved.values.length, durationMs: Date.now() - t0 });
    return fr;
  }
  try {
    const counts: UpsertCounts = await db.transaction(async (tx) => {
      const c = await upsertIndicatorValues(tx, {
        sourceId: importer.id, publisher: parsed.provenance?.publisher ?? importer.publisher, sourceFile: parsed.provenance?.sourceFile ?? base, runId, values: resolved.values,
      });
      if (deals.length) fr.deals = (await upsertArmsDeals(tx, base, runId, deals)).written;
      await recordImportedFile(tx, { sourceId: importer.id, sourceFile: base, contentHash, runId, valueCount: resolved.values.length });
      return c;
    });
    Object.assign(fr, { values: resolved.values.length, inserted: counts.inserted, changed: counts.changed, refreshed: counts.refreshed, unchanged: counts.unchanged });
  } catch (err) {
    fr.status = 'failed';
    report.issues.push({ level: 'error', file: base, message: `storing failed, nothing from this file was kept: ${errorMessage(err)}` });
  }
  fr.durationMs = Date.now() - t0;
  return fr;
}

interface ResolvedValues {
  values: IndicatorValueInput[];
  countries: Set<string>;
  aggregates: number;
  kept: Map<string, string>;
  unresolved: UnresolvedName[];
}

function resolveValues(importer: DatasetImporter, file: string, raw: RawValue[], report: ImportReport): ResolvedValues {
  const cache = new Map<string, Resolution>();
  const resolve = (name: string, iso3?: string | null, territory?: boolean, gw?: number | null, cow?: number | null, nonState?: boolean): Resolution => {
    const key = `${name}|${iso3 ?? ''}|${territory ? 't' : ''}|${gw ?? ''}|${cow ?? ''}|${nonState ? 'x' : ''}`;
    let r = cache.get(key);
    if (!r) {
      r = resolveWithCodes(name, { iso3, territory, gw, cow, nonState });
      cache.set(key, r);
    }
    return r;
  };
  const out: ResolvedValues = { values: [], countries: new Set(), aggregates: 0, kept: new Map(), unresolved: [] };
  const unresolvedByName = new Map<string, UnresolvedName>();
  const aggregateNames = new Set<string>();
  const seenKeys = new Map<string, number>();
  const unknownIndicators = new Set<string>();
  for (const v of raw) {
    const info = indicatorInfo(v.indicatorId);
    if (!info) {
      if (!unknownIndicators.has(v.indicatorId)) report.issues.push({ level: 'warning', file, sheet: v.sheet, row: v.row, message: `indicator ${v.indicatorId} is not in the catalogue; its values were skipped` });
      unknownIndicators.add(v.indicatorId);
      continue;
    }
    const e = resolve(v.name, v.iso3, v.territory, v.gw, v.cow, v.nonState);
    if (e.kind === 'aggregate') {
      aggregateNames.add(v.name);
      continue;
    }
    if (e.kind === 'unresolved') {
      const u = unresolvedByName.get(v.name);
      if (u) u.valueCount++;
      else unresolvedByName.set(v.name, { sourceId: importer.id, sourceFile: file, sheet: v.sheet ?? null, row: v.row, name: v.name, valueCount: 1 });
      continue;
    }
    if (e.kind === 'country') out.countries.add(e.key);
    else out.kept.set(e.name, e.kind);
    let partnerKey = '';
    let partnerName: string | null = null;
    if (v.partner) {
      const p = resolve(v.partner);
      partnerName = v.partner;
      if (p.kind === 'country' || p.kind === 'non_state' || p.kind === 'territory' || p.kind === 'former_state') partnerKey = p.key;
      else {
        partnerKey = `u:${v.partner.toLowerCase()}`;
        if (!unresolvedByName.has(v.partner)) unresolvedByName.set(v.partner, { sourceId: importer.id, sourceFile: file, sheet: v.sheet ?? null, row: v.row, name: v.partner, valueCount: 0 });
      }
    }
    const key = `${v.indicatorId}|${e.key}|${partnerKey}|${v.year}`;
    const dupOf = seenKeys.get(key);
    if (dupOf !== undefined) {
      // Two rows for the same country-year (duplicate rows, or two spellings of one country): the first wins.
      report.issues.push({ level: 'warning', file, sheet: v.sheet, row: v.row, message: `duplicate value for ${e.kind === 'country' ? e.key : e.name} ${v.indicatorId} ${v.year} (first given in row ${dupOf}); skipped` });
      continue;
    }
    seenKeys.set(key, v.row);
    out.values.push({
      indicatorId: v.indicatorId, entityKey: e.key, countryCode: e.code, entityName: v.name, entityKind: e.kind,
      partnerKey, partnerName, year: v.year, value: v.value, valueText: v.valueText, unit: info.unit, note: v.note ?? null,
      sheet: v.sheet ?? null, row: v.row, date: v.date ?? null,
    });
  }
  out.aggregates = aggregateNames.size;
  out.unresolved = [...unresolvedByName.values()];
  return out;
}

function resolveWithCodes(
  name: string,
  h: { iso3?: string | null; territory?: boolean; gw?: number | null; cow?: number | null; nonState?: boolean },
): Resolution {
  // A state number (GW for UCDP, COW for the coup datasets) identifies the state without name matching.
  for (const [system, num, toAlpha2] of [['gw', h.gw, gwToAlpha2], ['cow', h.cow, cowToAlpha2]] as const) {
    if (num === undefined || num === null) continue;
    const code = toAlpha2(num);
    if (code) return { kind: 'country', key: code, code, name };
    if (code === null) return { kind: 'former_state', key: `h:${system} ${num}`, code: null, name };
  }
  return resolveEntity(name, { iso3: h.iso3, territory: h.territory, nonState: h.nonState });
}

function resolveDeals(deals: ArmsDeal[]): ArmsDealInput[] {
  const cache = new Map<string, string | null>();
  const keyOf = (name: string) => {
    if (!cache.has(name)) {
      const r = resolveEntity(name);
      cache.set(name, r.kind === 'aggregate' || r.kind === 'unresolved' ? null : r.key);
    }
    return cache.get(name)!;
  };
  return deals.map(({ supplier, recipient, ...deal }) => ({
    ...deal, supplierName: supplier, supplierKey: keyOf(supplier), recipientName: recipient, recipientKey: keyOf(recipient),
  }));
}
