import type { Command } from 'commander';
import type { IngestItem, IngestReport } from '../../services/ingest-documents.js';
import type { EnqueueReport } from '../../queue/enqueue.js';
import { resolveStoreTarget } from '../../app.js';
import { EXIT, globalOptions, printJson, printJsonLine, usageError, withApp } from './context.js';
import { createProgress } from './progress.js';
import { SUPPORTED_EXTENSIONS, type InputFormat } from '../../services/input-formats.js';
import { keepCurrentWithProgress, keptJson, printKept } from './keep-current.js';

// Services are loaded when the command runs, not when the CLI starts: `--help` stays fast.
const ingesting = () => import('../../services/ingest-documents.js');
const enqueueing = () => import('../../queue/enqueue.js');

const FORMATS: InputFormat[] = ['txt', 'md', 'html', 'pdf', 'docx', 'jsonl'];

export function register(program: Command): void {
  program
    .command('ingest')
    .description('Read documents into the store: extract language, date, passages, countries and criteria; store each document once.')
    .argument('<inputs...>', 'files, folders (read recursively) or - for standard input')
    .option('--json', 'print the report as JSON')
    .option('--jsonl', 'print one JSON line per input as it is done ({"type":"item"|"warning"|"summary", …})')
    .option('--format <format>', `force a reader (${FORMATS.join(', ')}); needed for - unless it is plain text`)
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', '256')
    .option('--quiet', 'print only the summary line and failures')
    .option('--no-assess', 'do not update the stored assessments and kept country pages of the countries whose evidence changed')
    .option('--queue', 'enqueue the documents as jobs on the PostgreSQL server for `armsbrief worker` (needs --db postgres://…)')
    .option('--batch-size <N>', 'with --queue: documents per job', '100')
    .option('--job-timeout <s>', 'with --queue: seconds a job may run before it counts as lost and is retried', '600')
    .addHelpText(
      'after',
      `
Readers by extension: ${SUPPORTED_EXTENSIONS.join(' ')}
JSONL: one document per line with "text" and optional "id", "url", "title", "date", "lang", "publisher".
The same content is stored once (content hash); re-running is safe.

Exit status: 0 every input went in (new or unchanged); 1 some inputs failed (the rest went in);
2 usage error; 4 the store could not be opened or is in use.
With --queue the inputs are read here and their documents enqueued (status 1 if some inputs could not
be read); workers on any machine prepare and store them — see \`armsbrief worker\` and \`armsbrief jobs\`.`,
    )
    .action(async (inputs: string[], opts: IngestCliOptions, cmd: Command) => {
      if (opts.format && !FORMATS.includes(opts.format as InputFormat)) throw usageError(`--format must be one of ${FORMATS.join(', ')}.`);
      const maxMb = Number(opts.maxSize);
      if (!(maxMb > 0)) throw usageError('--max-size must be a positive number of megabytes.');
      if (opts.json && opts.jsonl) throw usageError('Give --json or --jsonl, not both.');
      if (opts.queue) return enqueue(inputs, opts, maxMb, cmd);
      // The report goes out line by line as inputs are done (a long batch shows its progress and
      // loses nothing if stopped); --json prints it whole at the end instead.
      const lines = !opts.json;
      const { report, kept } = await withApp(cmd, async (app) => {
        // On a terminal the streamed lines are the progress; a bar between them would garble both.
        const bar = createProgress('ingest', Boolean(process.stderr.isTTY) && !(lines && process.stdout.isTTY));
        let report: IngestReport;
        try {
          report = await (await ingesting()).ingestDocuments(app.db, inputs, {
            format: opts.format as InputFormat | undefined,
            maxBytes: Math.round(maxMb * 1024 * 1024),
            onProgress: (p) => bar.update(p.filesDone, p.filesTotal, { detail: `${p.documents} docs, ${p.failed} failed` }),
            onItem: lines ? (item) => (opts.jsonl ? printJsonLine({ type: 'item', ...item }) : printItem(item, Boolean(opts.quiet))) : undefined,
            onWarning: lines
              ? (w) => (opts.jsonl ? printJsonLine({ type: 'warning', ...w }) : process.stderr.write(`warning    ${w.source}: ${w.reason}\n`))
              : undefined,
          });
        } finally {
          bar.stop();
        }
        // Pages and briefs read stored assessments: the countries the new documents are evidence for get theirs now, and their pages.
        const kept = opts.assess !== false && report.new > 0 ? await keepCurrentWithProgress(app.db) : null;
        return { report, kept };
      });
      const { assessments, pages } = keptJson(kept);
      if (opts.json) printJson({ ...report, assessments, pages });
      else if (opts.jsonl) {
        const { items: _items, ...summary } = report;
        printJsonLine({ type: 'summary', ...summary, assessments, pages });
      } else {
        printSummary(report);
        if (kept) printKept(kept);
      }
      process.exitCode = report.failed > 0 ? EXIT.partial : EXIT.ok;
    });
}

interface IngestCliOptions {
  assess?: boolean;
  json?: boolean;
  jsonl?: boolean;
  format?: string;
  maxSize: string;
  quiet?: boolean;
  queue?: boolean;
  batchSize: string;
  jobTimeout: string;
}

async function enqueue(inputs: string[], opts: IngestCliOptions, maxMb: number, cmd: Command): Promise<void> {
  const batchSize = Number(opts.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw usageError('--batch-size must be a whole number ≥ 1.');
  const jobTimeout = Number(opts.jobTimeout);
  if (!Number.isInteger(jobTimeout) || jobTimeout < 1) throw usageError('--job-timeout must be a whole number of seconds ≥ 1.');
  const bar = createProgress('enqueue');
  let report: EnqueueReport;
  try {
    report = await (await enqueueing()).enqueueDocuments(inputs, {
      url: resolveStoreTarget(globalOptions(cmd).db),
      format: opts.format as InputFormat | undefined,
      maxBytes: Math.round(maxMb * 1024 * 1024),
      batchSize,
      jobTimeoutSeconds: jobTimeout,
      onProgress: (p) => bar.update(p.filesDone, p.filesTotal, { detail: `${p.documents} docs in ${p.jobs} jobs` }),
    });
  } finally {
    bar.stop();
  }
  if (opts.json) printJson(report);
  else {
    if (!opts.quiet) for (const item of report.items) if (item.status === 'skipped') process.stdout.write(`skipped    ${item.source}: ${item.reason}\n`);
    for (const item of report.items) if (item.status === 'failed') process.stderr.write(`failed     ${item.source}: ${item.reason}\n`);
    for (const w of report.warnings) process.stderr.write(`warning    ${w.source}: ${w.reason}\n`);
    process.stdout.write(
      `${report.documents} documents enqueued in ${report.jobs} jobs on ${report.queue} at ${report.server}, ${report.failed} failed` +
        `${report.skipped ? `, ${report.skipped} skipped` : ''} (${(report.bytes / 1e6).toFixed(1)} MB in ${(report.durationMs / 1000).toFixed(1)} s)\n`,
    );
  }
  process.exitCode = report.failed > 0 ? EXIT.partial : EXIT.ok;
}

function printItem(item: IngestItem, quiet: boolean): void {
  const out = process.stdout;
  if (item.status === 'failed') process.stderr.write(`failed     ${item.source}: ${item.reason}\n`);
  else if (quiet) return;
  else if (item.status === 'new') out.write(`new        ${item.id}  ${item.source}\n`);
  else if (item.status === 'unchanged') out.write(`unchanged  ${item.id}  ${item.source}\n`);
  else out.write(`skipped    ${item.source}: ${item.reason}\n`);
}

function printSummary(r: IngestReport): void {
  const secs = r.durationMs / 1000;
  process.stdout.write(
    `${r.new} new, ${r.unchanged} unchanged, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}` +
      `${r.warnings.length ? `, ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}` : ''}` +
      ` (${(r.bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s)\n`,
  );
}
