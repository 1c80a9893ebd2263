/**
 * /compare?external=bicc-2013&asOf=2014-06-30[&criterion=n]: our ratings against another rater's
 * table, its JSON twin and CSV tables. The table is chosen by name only — the bundled `bicc-2013`
 * or one the operator configured (`serve --external name=file`) — never by a path from the query.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { AppError } from '../../core/errors.js';
import { checkAsOf, checkCriterion, todayUtc } from '../../services/assess-country.js';
import { compareAllExternal, compareTables } from '../../services/compare-external.js';
import { BUNDLED_EXTERNAL, bundledExternalPath, readExternalTable } from '../../services/external-ratings.js';
import { renderCompare, type ComparePageData, type ExternalChoice } from '../web/pages/compare.js';
import type { Deps, Env } from './context.js';
import type { Table } from '../../core/csv.js';
import { definePage, type PageRequest } from './page.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The tables this server may read: configured ones first (they may replace a bundled name). */
export function externalChoices(deps: Deps): Map<string, ExternalChoice & { file: string }> {
  const out = new Map<string, ExternalChoice & { file: string }>();
  for (const [name, file] of Object.entries(deps.opts.externalTables ?? {})) out.set(name, { name, title: name, asOf: null, file: path.resolve(file) });
  for (const [name, b] of Object.entries(BUNDLED_EXTERNAL)) {
    const file = bundledExternalPath(name);
    if (!out.has(name) && file && fs.existsSync(file)) out.set(name, { name, title: b.title, asOf: b.asOf, file });
  }
  return out;
}

function choose(deps: Deps, req: PageRequest): { name: string; file: string } | null {
  const name = req.query.get('external');
  if (!name) return null;
  const choice = NAME.test(name) ? externalChoices(deps).get(name) : undefined;
  if (!choice) {
    const names = [...externalChoices(deps).keys()];
    throw new AppError('unknown_external', `No external rating table named ${JSON.stringify(name)}.`, { hint: names.length ? `Available: ${names.join(', ')}.` : 'None is configured.', status: 404 });
  }
  return choice;
}

export async function loadCompare(deps: Deps, req: PageRequest): Promise<ComparePageData> {
  const available = [...externalChoices(deps).values()].map(({ name, title, asOf }) => ({ name, title, asOf }));
  const chosen = choose(deps, req);
  const asOfText = req.query.get('asOf');
  const criterionText = req.query.get('criterion');
  if (!chosen) return { available, result: null };
  const table = readExternalTable(chosen.file);
  const result = await compareAllExternal(deps.app.db, table, {
    asOf: asOfText ? checkAsOf(asOfText) : todayUtc(deps.now()),
    criterion: criterionText ? checkCriterion(criterionText) : undefined,
    now: deps.now(),
  });
  // The server's file paths are not the reader's business: the table's name and file name only.
  const file = path.basename(chosen.file);
  return {
    available,
    result: {
      ...result,
      external: { ...result.external, name: chosen.name, file, issues: result.external.issues.map((i) => ({ ...i, file })) },
    },
  };
}

const EMPTY: Table = { columns: [], rows: [] };

export function registerCompare(router: Hono<Env>, deps: Deps): void {
  definePage<ComparePageData>(router, deps, {
    path: '/compare',
    // The table file's modification time is part of the key: an operator may replace the file.
    cacheKey: (req) => {
      const name = req.query.get('external') ?? '';
      const file = NAME.test(name) ? externalChoices(deps).get(name)?.file : undefined;
      const mtime = file ? fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 : 0;
      return `${name}|${mtime}|${req.query.get('asOf') ?? todayUtc(deps.now())}|${req.query.get('criterion') ?? ''}`;
    },
    load: loadCompare,
    title: (_d, v) => v.t('compareTitle'),
    render: renderCompare,
    tables: {
      criteria: (d, lang) => (d.result ? compareTables(d.result).criteria(lang) : EMPTY),
      confusion: (d, lang) => (d.result ? compareTables(d.result).confusion(lang) : EMPTY),
      pairs: (d, lang) => (d.result ? compareTables(d.result).pairs(lang) : EMPTY),
    },
  });
}
