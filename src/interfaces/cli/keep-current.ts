/** What `ingest` and `data import` print and report after their write: the assessments and country pages they kept current. */
import type { KeptCurrent } from '../../services/keep-current.js';
import type { Db } from '../../store/db.js';
import { createProgress } from './progress.js';

// Loaded when a command has written, not when the CLI starts: `--help` stays fast.
const keeping = () => import('../../services/keep-current.js');

/** After a write (shared by `ingest` and `data import`): the stale assessments computed and the changed country pages kept, with a progress bar. */
export async function keepCurrentWithProgress(db: Db): Promise<KeptCurrent> {
  const bar = createProgress('country pages');
  try {
    return await (await keeping()).keepCurrent(db, { onPages: (done, total, code) => bar.update(done, total, { detail: code }) });
  } finally {
    bar.stop();
  }
}

/** The `assessments` and `pages` fields of a write's JSON report (null when nothing was kept current). */
export function keptJson(kept: KeptCurrent | null) {
  const a = kept?.assessments;
  const p = kept?.pages;
  return {
    assessments: a ? { countries: a.countries, asOf: a.asOf, durationMs: Math.round(a.durationMs) } : null,
    pages: p ? { built: p.built, current: p.current, failed: p.failed, durationMs: Math.round(p.durationMs) } : null,
  };
}

/** The lines for the assessments updated and the country pages kept after a write. */
export function printKept({ assessments: a, pages: p }: KeptCurrent): void {
  const n = a.countries.length;
  if (n) {
    const shown = n > 12 ? `${a.countries.slice(0, 12).join(', ')} …` : a.countries.join(', ');
    process.stdout.write(`assessments updated for ${n} ${n === 1 ? 'country' : 'countries'} (${shown}) in ${(a.durationMs / 1000).toFixed(1)} s\n`);
  }
  if (p.built) process.stdout.write(`country pages kept for the web app: ${p.built} built, ${p.current} unchanged, in ${(p.durationMs / 1000).toFixed(1)} s\n`);
  for (const f of p.failed) process.stderr.write(`warning    country page ${f.country} not kept (the web app builds it on request): ${f.reason}\n`);
}
