/**
 * What `ingest` and `data import` do after writing: compute and store the assessments the write made
 * stale, then build and keep the country pages that changed with them, so the web app, the API and
 * briefs only read, from the first request of the first `serve`.
 */
import type { Db } from '../store/db.js';
import { refreshAssessments, type RefreshReport } from './current-assessments.js';
import { keepCountryPages, type KeepPagesReport } from './kept-pages.js';

export interface KeptCurrent {
  assessments: RefreshReport;
  pages: KeepPagesReport;
}

export async function keepCurrent(db: Db, opts: { onPages?: (done: number, total: number, code: string) => void } = {}): Promise<KeptCurrent> {
  const assessments = await refreshAssessments(db);
  const pages = await keepCountryPages(db, { onProgress: opts.onPages });
  return { assessments, pages };
}
