import type { Command } from 'commander';
import { listDocuments, getDocument } from '../../services/documents.js';
import { AppError } from '../../core/errors.js';
import { printJson, usageError, withApp } from './context.js';

export function register(program: Command): void {
  program
    .command('documents')
    .description('List stored documents, newest first.')
    .option('--lang <code>', 'only documents in this language')
    .option('--country <code>', 'only documents mentioning this country (ISO alpha-2)')
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'skip this many (paging)', '0')
    .option('--json', 'print as JSON')
    .action(async (opts: { lang?: string; country?: string; limit: string; offset: string; json?: boolean }, cmd: Command) => {
      const limit = Number(opts.limit);
      const offset = Number(opts.offset);
      if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) throw usageError('--limit and --offset must be whole numbers.');
      const r = await withApp(cmd, (app) => listDocuments(app.db, { lang: opts.lang, country: opts.country?.toUpperCase(), limit, offset }), { quick: true });
      if (opts.json) return printJson(r);
      process.stdout.write(`${r.total} document${r.total === 1 ? '' : 's'}\n`);
      for (const d of r.documents) {
        process.stdout.write(`${d.id}  ${d.date ?? '—'.padEnd(7)}  ${d.lang}  ${(d.primary.join(',') || '-').padEnd(8)}  ${d.title ?? d.source}\n`);
      }
    });

  program
    .command('show')
    .description('Print one document with its metadata (by id, id prefix, or the source id of a JSONL line).')
    .argument('<id>', 'document id')
    .option('--json', 'print as JSON (includes text, passages and extraction)')
    .option('--no-text', 'metadata only')
    .action(async (id: string, opts: { json?: boolean; text: boolean }, cmd: Command) => {
      const doc = await withApp(cmd, (app) => getDocument(app.db, id), { quick: true });
      if (!doc) throw new AppError('not_found', `No document with id ${JSON.stringify(id)}.`, { status: 404, hint: 'List ids with `armsbrief documents`.' });
      if (opts.json) return printJson(opts.text ? doc : { ...doc, text: undefined });
      const rows: Array<[string, string]> = [
        ['id', doc.id], ['title', doc.title ?? '—'], ['source', doc.source], ['url', doc.url ?? '—'],
        ['source id', doc.externalId ?? '—'], ['format', doc.format], ['language', doc.lang], ['date', doc.date ?? '—'],
        ['publisher', doc.publisher ?? '—'], ['source type', doc.sourceType ?? '—'], ['characters', String(doc.chars)],
        ['passages', String(doc.passages)], ['countries', doc.countries.join(', ') || '—'], ['primary', doc.primary.join(', ') || '—'],
        ['ingested', doc.ingestedAt],
      ];
      for (const [k, v] of rows) process.stdout.write(`${k.padEnd(12)} ${v}\n`);
      if (opts.text) process.stdout.write(`\n${doc.text}\n`);
    });
}
