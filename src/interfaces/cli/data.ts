/**
 * `armsbrief data …`: import public datasets, show a country's values, coverage, sources, and compare
 * brief figures with dataset figures. Thin: parse options, call one service, format.
 */
import type { Command } from 'commander';
import type { ImportReport } from '../../services/import-data.js';
import type { StoredIndicatorValue } from '../../store/indicators.js';
import { EXIT, printJson, usageError, withApp } from './context.js';
import { createProgress } from './progress.js';
import { keepCurrentWithProgress, keptJson, printKept } from './keep-current.js';
import { toCsv, type CsvCell } from '../../core/csv.js';

// Services are loaded when a command runs, not when the CLI starts: `--help` stays fast.
const importing = () => import('../../services/import-data.js');
const harvesting = () => import('../../services/harvest-briefs.js');
const indicatorData = () => import('../../services/indicator-data.js');
const catalogue = () => import('../../services/indicators-doc.js');

export function register(program: Command): void {
  const data = program.command('data').description('Indicators from public datasets (SIPRI, PTS, Freedom House, UCDP, GSDB, CPI, HDI, WDI, UN treaties, WGI, coups, BTI) and from briefs.');

  data
    .command('import')
    .description('Import dataset files or folders; each file is recognised by its name and shape. Re-importing the same files changes nothing.')
    .argument('<inputs...>', 'files or folders (read recursively; .md/.txt documentation is left out)')
    .option('--json', 'print the import report as JSON')
    .option('--force', 'write values even when the same file was imported last')
    .option('--no-briefs', 'do not harvest tables from briefs already in the store')
    .option('--no-reference', 'do not import the reference lists bundled in reference/ (Wassenaar, NPT, BWC, Rome Statute)')
    .option('--no-assess', 'do not update the stored assessments and kept country pages afterwards')
    .addHelpText('after', `
The curated reference lists in reference/ are imported with every run (each reported as its own file,
dataset "reference"); unchanged lists are left as they are.
Files in a folder that no importer recognises (and documentation such as SOURCES.md) are skipped and
listed with the reason; a file named explicitly that no importer recognises is an error.
Exit status: 0 all files imported or skipped (warnings possible); 1 some files failed or had errors (the rest went in);
2 usage error; 4 the store could not be opened.`)
    .action(async (inputs: string[], opts: { json?: boolean; force?: boolean; briefs?: boolean; reference?: boolean; assess?: boolean }, cmd: Command) => {
      const { report, briefs, kept } = await withApp(cmd, async (app) => {
        const bar = createProgress('import');
        let report: ImportReport;
        try {
          report = await (await importing()).importData(app.db, inputs, {
            force: opts.force,
            includeReference: opts.reference !== false,
            onProgress: (p) => bar.update(p.index + (p.phase === 'done' ? 1 : 0), p.total, { detail: `${p.phase} ${p.file.split(/[\\/]/).pop()}` }),
          });
        } finally {
          bar.stop();
        }
        const briefs = opts.briefs === false ? [] : await (await harvesting()).harvestAllBriefs(app.db);
        // Values changed: every stale assessment is computed and stored now, and the pages built from them kept, so pages and briefs only read.
        const kept = opts.assess !== false ? await keepCurrentWithProgress(app.db) : null;
        return { report, briefs, kept };
      });
      if (opts.json) printJson({ ...report, briefs, ...keptJson(kept) });
      else {
        printImportReport(report, briefs);
        if (kept) printKept(kept);
      }
      process.exitCode = report.totals.errors > 0 || report.totals.failedFiles > 0 ? EXIT.partial : EXIT.ok;
    });

  data
    .command('show')
    .description("A country's indicator values with their provenance (all years; newest first per indicator).")
    .argument('<country>', 'country name or ISO code (KZ, Kazakhstan, Kasachstan), or an entity key like "x:nato**"')
    .option('--indicator <id>', 'one indicator id, or a prefix ending in "." or "*" (e.g. sipri.milex.)')
    .option('--from <year>', 'only years from this one on')
    .option('--json', 'print as JSON')
    .option('--csv', 'print as CSV')
    .action(async (country: string, opts: { indicator?: string; from?: string; json?: boolean; csv?: boolean }, cmd: Command) => {
      if (opts.json && opts.csv) throw usageError('Choose one of --json and --csv.');
      const fromYear = opts.from === undefined ? undefined : Number(opts.from);
      if (fromYear !== undefined && !Number.isInteger(fromYear)) throw usageError('--from must be a year.');
      const result = await withApp(cmd, async (app) => (await indicatorData()).showCountryData(app.db, country, { indicator: opts.indicator, fromYear }));
      if (opts.json) printJson(result);
      else if (opts.csv) printCsv(result.values);
      else printValues(result.label, result.values, result.history.length);
      process.exitCode = result.values.length === 0 ? EXIT.notFound : EXIT.ok;
    });

  data
    .command('coverage')
    .description('Per indicator and source: number of countries, first and latest year.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const rows = await withApp(cmd, async (app) => (await indicatorData()).dataCoverage(app.db));
      if (opts.json) return printJson(rows);
      printTable(['indicator', 'countries', 'entities', 'values', 'first', 'latest', 'source'],
        rows.map((r) => [r.indicatorId, r.countries, r.entities, r.values, r.firstYear, r.latestYear, r.sourceId]));
    });

  data
    .command('catalogue')
    .description('Every indicator id with dataset, unit, names (de, en) and the years the imported data cover.')
    .option('--json', 'print as JSON (names and descriptions in German and English)')
    .option('--markdown', 'print docs/indicators.md')
    .action(async (opts: { json?: boolean; markdown?: boolean }, cmd: Command) => {
      const entries = await withApp(cmd, async (app) => (await catalogue()).indicatorCatalogue(app.db));
      if (opts.json) return printJson(entries);
      if (opts.markdown) return void process.stdout.write((await catalogue()).renderIndicatorsDoc(entries));
      printTable(['indicator', 'dataset', 'unit', 'first', 'latest'],
        entries.map((e) => [e.id, e.dataset, e.unit, e.years?.first ?? '', e.years?.latest ?? '']));
    });

  data
    .command('sources')
    .description('Supported datasets, their publishers and indicators, and the files imported from each.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const sources = await withApp(cmd, async (app) => (await indicatorData()).dataSources(app.db));
      if (opts.json) return printJson(sources);
      for (const s of sources) {
        process.stdout.write(`${s.id} — ${s.title}\n  publisher: ${s.publisher}\n`);
        if (s.indicators.length) process.stdout.write(`  indicators: ${s.indicators.join(', ')}\n`);
        for (const f of s.files) process.stdout.write(`  imported: ${f.file} (${f.values} values, ${f.importedAt})\n`);
        if (!s.files.length) process.stdout.write('  imported: nothing yet\n');
      }
    });

  data
    .command('compare')
    .description('Figures a brief gives next to the same figures from the datasets; disagreements are flagged.')
    .argument('<country>', 'country name or ISO code')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExit status: 0 all shared figures agree (within the rounding of the brief); 1 some disagree; 3 nothing to compare.')
    .action(async (country: string, opts: { json?: boolean }, cmd: Command) => {
      const result = await withApp(cmd, async (app) => (await indicatorData()).compareBriefWithDatasets(app.db, country));
      if (opts.json) printJson(result);
      else {
        process.stdout.write(`${result.label}: ${result.rows.length} figures from briefs\n`);
        printTable(['status', 'indicator', 'partner', 'year', 'brief', 'dataset', 'difference', 'brief source', 'dataset source'],
          result.rows.map((r) => [
            r.status === 'disagree' ? 'DISAGREE' : r.status, r.indicatorId, r.partner, r.year, fmt(r.brief.value, r.brief.valueText),
            r.dataset ? fmt(r.dataset.value, r.dataset.valueText) : '—', r.difference ?? '', `${r.brief.table ?? ''}`,
            r.dataset ? `${r.dataset.file}${r.dataset.sheet ? ` [${r.dataset.sheet}]` : ''}${r.dataset.row ? ` row ${r.dataset.row}` : ''}` : '',
          ]));
      }
      const disagreements = result.rows.filter((r) => r.status === 'disagree').length;
      process.exitCode = result.rows.length === 0 ? EXIT.notFound : disagreements > 0 ? EXIT.partial : EXIT.ok;
    });
}

function fmt(v: number | null, t: string | null): string {
  return v !== null ? String(v) : (t ?? '');
}

function printImportReport(r: ImportReport, briefs: Array<{ docId: string; values: number; assessments: number; issues: string[] }>): void {
  const out = process.stdout;
  printTable(['file', 'dataset', 'status', 'values', 'countries', 'new', 'changed', 'unchanged', 'unresolved', 'aggregates'],
    r.files.map((f) => [f.file, f.dataset ?? '—', f.status, f.values, f.countries, f.inserted, f.changed, f.unchanged, f.unresolvedNames, f.aggregatesSkipped]));
  if (r.unresolved.length) {
    out.write(`\nNames that resolve to no country (values not stored):\n`);
    for (const u of r.unresolved) out.write(`  ${u.sourceFile}${u.sheet ? ` [${u.sheet}]` : ''} row ${u.row}: ${u.name} (${u.valueCount} values)\n`);
  }
  const skipped = r.files.filter((f) => f.status === 'skipped');
  if (skipped.length) {
    out.write(`\nSkipped (found in a folder, not a dataset file):\n`);
    for (const f of skipped) out.write(`  ${f.file}: ${f.reason}\n`);
  }
  const errors = r.issues.filter((i) => i.level === 'error');
  const warnings = r.issues.filter((i) => i.level === 'warning');
  const where = (i: (typeof r.issues)[number]) => `${i.file}${i.sheet ? ` [${i.sheet}]` : ''}${i.row ? ` row ${i.row}` : ''}`;
  for (const e of errors) process.stderr.write(`error: ${where(e)}: ${e.message}\n`);
  for (const w of warnings.slice(0, 15)) process.stderr.write(`warning: ${where(w)}: ${w.message}\n`);
  if (warnings.length > 15) process.stderr.write(`… ${warnings.length - 15} more warnings (--json lists all)\n`);
  for (const b of briefs) out.write(`brief ${b.docId}: ${b.values} values, ${b.assessments} external ratings${b.issues.length ? `, ${b.issues.length} issues` : ''}\n`);
  const t = r.totals;
  out.write(`\n${t.values} values for ${t.countries} countries from ${t.files - t.failedFiles - t.skippedFiles}/${t.files} files, ${t.skippedFiles} skipped (${t.inserted} new, ${t.changed} changed, ${t.unchanged} unchanged); ` +
    `${t.deals} deal rows written; ${t.unresolvedNames} unresolved names; ${t.aggregatesSkipped} aggregates skipped; ${t.entitiesKept} non-country entities kept; ` +
    `${t.errors} errors, ${t.warnings} warnings (${(r.durationMs / 1000).toFixed(1)} s)\n`);
}

function printValues(label: string, values: StoredIndicatorValue[], historyCount: number): void {
  process.stdout.write(`${label}: ${values.length} values${historyCount ? `, ${historyCount} earlier values in the history (--json)` : ''}\n`);
  const sorted = [...values].sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.partnerKey.localeCompare(b.partnerKey) || b.year - a.year);
  printTable(['indicator', 'partner', 'year', 'date', 'value', 'unit', 'source', 'where'],
    sorted.map((v) => [v.indicatorId, v.partnerName ?? '', v.year, v.date ?? '', fmt(v.value, v.valueText), v.unit, v.sourceId,
      `${v.sourceFile}${v.sourceSheet ? ` [${v.sourceSheet}]` : ''}${v.sourceTable ? ` ${v.sourceTable}` : ''}${v.sourceRow ? ` row ${v.sourceRow}` : ''}`]));
}

const CSV_COLUMNS: Array<keyof StoredIndicatorValue> = ['indicatorId', 'countryCode', 'entityName', 'partnerName', 'year', 'date', 'value', 'valueText', 'unit', 'note', 'sourceId', 'publisher', 'sourceFile', 'sourceSheet', 'sourceRow', 'sourceTable', 'sourceDocId', 'importedAt'];

function printCsv(values: StoredIndicatorValue[]): void {
  process.stdout.write(toCsv({ columns: CSV_COLUMNS, rows: values.map((v) => CSV_COLUMNS.map((c) => v[c] as CsvCell)) }));
}

function printTable(header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((r) => r.map((c) => String(c)))];
  const widths = header.map((_, i) => Math.min(60, Math.max(...cells.map((r) => (r[i] ?? '').length))));
  for (const r of cells) process.stdout.write(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd() + '\n');
}
