/**
 * Use case: turn the tables and boxes of an ingested country brief into indicator values (source
 * `doc:<id>`, provenance = document, table, line) and its criteria ratings into external assessments.
 * Idempotent like the dataset import: the same document text writes nothing new.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.js';
import { AppError } from '../core/errors.js';
import { BRIEF_INDICATORS, harvestBriefText } from '../data/brief-tables.js';
import { indicatorInfo, registerIndicators } from '../data/catalogue.js';
import { countryName } from '../core/countries/resolve.js';
import {
  listDocumentsForHarvest, recordImportedFile, upsertExternalAssessments, upsertIndicatorValues, wasImportedLast,
  type IndicatorValueInput,
} from '../store/indicators.js';

registerIndicators(BRIEF_INDICATORS);

export interface BriefHarvestReport {
  docId: string;
  country: string | null;
  values: number;
  inserted: number;
  changed: number;
  assessments: number;
  issues: string[];
}

export async function harvestBriefTables(db: Db, docId: string): Promise<BriefHarvestReport> {
  const [doc] = await listDocumentsForHarvest(db, docId);
  if (!doc) throw new AppError('not_found', `No document ${docId} in the store.`, { status: 404 });
  return harvestDocument(db, doc);
}

/** Harvests every stored document that looks like a country brief. */
export async function harvestAllBriefs(db: Db): Promise<BriefHarvestReport[]> {
  const docs = await listDocumentsForHarvest(db, undefined, true);
  const out: BriefHarvestReport[] = [];
  for (const d of docs) out.push(await harvestDocument(db, d));
  return out.filter((r) => r.country !== null);
}

async function harvestDocument(db: Db, doc: { id: string; title: string | null; text: string; docDate: string | null; source: string; publisher: string | null }): Promise<BriefHarvestReport> {
  const h = harvestBriefText(doc.text, { docDate: doc.docDate });
  const report: BriefHarvestReport = { docId: doc.id, country: h.country, values: h.values.length, inserted: 0, changed: 0, assessments: 0, issues: h.issues };
  if (!h.country) return report;
  const sourceId = `doc:${doc.id}`;
  const sourceFile = doc.title || doc.source;
  const hash = createHash('sha256').update(doc.text).digest('hex');
  if (await wasImportedLast(db, sourceId, sourceFile, hash)) return report;
  const values: IndicatorValueInput[] = [];
  const seen = new Set<string>();
  for (const v of h.values) {
    const info = indicatorInfo(v.indicatorId);
    if (!info) {
      report.issues.push(`${v.table}: indicator ${v.indicatorId} not in the catalogue`);
      continue;
    }
    const key = `${v.indicatorId}|${v.country}|${v.partnerKey ?? ''}|${v.year}`;
    if (seen.has(key)) continue; // the same figure in two tables (Tabelle 5 and 16): the first is kept
    seen.add(key);
    values.push({
      indicatorId: v.indicatorId, entityKey: v.country, countryCode: v.country, entityName: v.country === h.country ? countryName(v.country, 'en') : v.entityName,
      entityKind: 'country', partnerKey: v.partnerKey ?? '', partnerName: v.partnerName ?? null, year: v.year, value: v.value, valueText: v.valueText,
      unit: info.unit, note: v.note ?? null, row: v.line, table: v.table,
    });
  }
  await db.transaction(async (tx) => {
    const c = await upsertIndicatorValues(tx, { sourceId, publisher: h.publisher ?? doc.publisher ?? 'brief', sourceFile, sourceDocId: doc.id, runId: null, values });
    report.inserted = c.inserted;
    report.changed = c.changed;
    report.assessments = await upsertExternalAssessments(tx, h.ratings.map((r) => ({
      publisher: h.publisher ?? doc.publisher ?? 'unknown', countryCode: h.country!, criterion: r.criterion, rating: r.rating, ratingLabel: r.label,
      asOf: doc.docDate, sourceDocId: doc.id, sourceTable: 'Teil II, Bewertung', sourceExcerpt: `line ${r.line}: ${r.label}`,
    })));
    await recordImportedFile(tx, { sourceId, sourceFile, contentHash: hash, runId: null, valueCount: values.length });
  });
  return report;
}
