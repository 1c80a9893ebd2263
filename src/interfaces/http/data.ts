/** Data coverage per indicator and source: /data and /api/data; importing a dataset file (token required). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/errors.js';
import { dataCoverage, dataSources } from '../../services/indicator-data.js';
import { importData } from '../../services/import-data.js';
import { cleanFileName } from '../../services/add-document.js';
import { renderData, type DataPageData } from '../web/pages/reference.js';
import type { Deps, Env } from './context.js';
import { definePage } from './page.js';
import { parseForm, requireWrite, type Sessions } from './auth.js';

const DATA_EXTENSIONS = ['.csv', '.xlsx', '.xls', '.txt', '.tsv'];

export function registerData(router: Hono<Env>, deps: Deps, sessions: Sessions): void {
  definePage<DataPageData>(router, deps, {
    path: '/data',
    load: async (d) => {
      const [coverage, sources] = await Promise.all([dataCoverage(d.app.db), dataSources(d.app.db)]);
      return { coverage, sources };
    },
    title: (_d, v) => v.t('dataTitle'),
    render: renderData,
    tables: {
      coverage: (d) => ({
        columns: ['indicator', 'name_en', 'name_de', 'source', 'publisher', 'countries', 'entities', 'values', 'first_year', 'latest_year', 'unit'],
        rows: d.coverage.map((c) => [c.indicatorId, c.name?.en, c.name?.de, c.sourceId, c.publisher, c.countries, c.entities, c.values, c.firstYear, c.latestYear, c.unit]),
      }),
      sources: (d) => ({
        columns: ['source', 'title', 'publisher', 'file', 'values', 'imported_at', 'sha256'],
        rows: d.sources.flatMap((s) => (s.files.length ? s.files : [null]).map((f) => [s.id, s.title, s.publisher, f?.file, f?.values, f?.importedAt, f?.sha256])),
      }),
    },
  });

  // Import one dataset file (multipart "file"); the importer recognises the dataset by name and shape.
  router.post(
    '/api/data/imports',
    bodyLimit({
      maxSize: 200 * 1024 * 1024,
      onError: () => {
        throw new AppError('too_large', 'The dataset file is larger than the limit of 200 MB.', { status: 413 });
      },
    }),
    async (c) => {
      requireWrite(c, deps, sessions);
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data')) throw new AppError('unsupported_media_type', 'Send multipart/form-data with a "file" field.', { status: 415 });
      const form = await parseForm(c);
      const file = form.file;
      if (!file || typeof file === 'string') throw new AppError('usage', 'Send the dataset in a form field named "file".', { status: 400 });
      const name = cleanFileName(file.name);
      if (!DATA_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
        throw new AppError('unsupported_type', `Dataset files must be one of ${DATA_EXTENSIONS.join(' ')}.`, { status: 415 });
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-import-'));
      try {
        // The cleaned base name (no folders) is kept: importers recognise datasets by file name.
        const target = path.join(dir, name);
        fs.writeFileSync(target, new Uint8Array(await file.arrayBuffer()));
        const report = await importData(deps.app.db, [target]);
        deps.cache.invalidate();
        return c.json(JSON.parse(JSON.stringify(report).replaceAll(dir + path.sep, '')), 200);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
