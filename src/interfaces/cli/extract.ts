/**
 * `armsbrief extract`: run the extraction pipeline on one text file (or standard input) or on a
 * JSONL file of documents, and print the result. Needs no store.
 */
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { readJsonl } from '../../core/jsonl.js';
import { AppError, errorMessage } from '../../core/errors.js';
import type { Extraction } from '../../services/extract-text.js';

// The extraction (lexicons, tries) is loaded when the command runs, not when the CLI starts.
const pipeline = () => import('../../services/extract-text.js');
import { countryName } from '../../core/countries/resolve.js';
import { EXIT, printJson, printJsonLine, usageError } from './context.js';

interface ExtractCliOptions {
  json?: boolean;
  jsonl?: string;
  lang?: string;
  date?: string;
  title?: string;
  passages?: boolean;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('Extract language, date, countries, primary countries, criteria, figures and tables from a text (no store needed).')
    .argument('[file]', 'a UTF-8 text file, or - for standard input')
    .option('--json', 'print one JSON object for the document')
    .option('--jsonl <file>', 'read one {"id","text",…} object per line (- for standard input); print one JSON object per line with the same id')
    .option('--lang <code>', 'language of the text (de, en, …) instead of detecting it')
    .option('--date <YYYY[-MM[-DD]]>', 'document date instead of detecting it')
    .option('--title <text>', 'document title (weighs in the choice of primary countries)')
    .option('--passages', 'include per-passage countries and criteria in the output')
    .addHelpText(
      'after',
      `
Output (--json, and every line of --jsonl):
  {"id", "language", "date" (ISO partial, e.g. "2023-08", or null),
   "countries": [{"code", "count", "mentions": [{"start", "end", "text"}]}],
   "primary": ["KZ", …], "criteria": [{"criterion": 1-8, "score", "cues": […]}],
   "figures": [{"value", "unit", "kind", "text", "start", "end", "country"}],
   "tables": [{"number", "caption", "header", "rows", "values", "source", "start", "end"}]}
  Offsets are JavaScript string indices (UTF-16) into the text. "criteria" lists only the criteria
  relevant to the document as a whole; --passages adds "passages" with per-passage results.
JSONL input lines may carry "title", "lang" and "date"; they win over detection.

Examples:
  armsbrief extract report.txt --json
  cat news.txt | armsbrief extract - --json --lang de
  armsbrief extract --jsonl docs.jsonl > extractions.jsonl

Exit status: 0 success; 1 some JSONL lines could not be read (the others were printed); 2 usage error;
3 the input file does not exist.`,
    )
    .action(async (file: string | undefined, opts: ExtractCliOptions) => {
      if (opts.date && !/^\d{4}(?:-\d{2}){0,2}$/.test(opts.date)) throw usageError('--date must look like YYYY, YYYY-MM or YYYY-MM-DD.');
      if (opts.jsonl) {
        if (file) throw usageError('give either a file or --jsonl <file>, not both.');
        const failed = await extractJsonl(opts.jsonl, opts);
        process.exitCode = failed > 0 ? EXIT.partial : EXIT.ok;
        return;
      }
      if (!file) throw usageError('missing input: give a file, - for standard input, or --jsonl <file>.');
      const text = await readInput(file);
      const { extractDocument } = await pipeline();
      const x = pick(extractDocument({ id: file === '-' ? null : file, text, lang: opts.lang, date: opts.date, title: opts.title }), opts);
      if (opts.json) printJson(x);
      else printSummary(x);
    });
}

function pick(x: Extraction, opts: ExtractCliOptions): Omit<Extraction, 'passages'> & { passages?: Extraction['passages'] } {
  if (opts.passages) return x;
  const { passages: _omit, ...rest } = x;
  return rest;
}

async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw notReadable(file, err);
  }
}

function notReadable(file: string, err: unknown): AppError {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return new AppError('not_found', `no such file: ${file}`, { status: 404, hint: 'check the path, or use - for standard input.' });
  return new AppError('unreadable', `cannot read ${file}: ${errorMessage(err)}`, { status: 400 });
}

/** Streams the JSONL input line by line (constant memory); returns the number of lines that failed. */
async function extractJsonl(file: string, opts: ExtractCliOptions): Promise<number> {
  const { extractDocument } = await pipeline();
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  if (file !== '-') {
    await new Promise<void>((resolve, reject) => {
      (input as ReturnType<typeof createReadStream>).once('open', () => resolve()).once('error', (err) => reject(notReadable(file, err)));
    });
  }
  let failed = 0;
  for await (const l of readJsonl(input)) {
    if ('problem' in l && l.problem === 'invalid_json') {
      failed++;
      process.stderr.write(`armsbrief: ${file}:${l.line}: ${l.message}\n`);
      continue;
    }
    const doc = 'value' in l ? l.value : null;
    if (!doc || typeof doc.text !== 'string') {
      failed++;
      process.stderr.write(`armsbrief: ${file}:${l.line}: the object has no "text" string\n`);
      continue;
    }
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    const id = doc.id === undefined || doc.id === null ? null : String(doc.id);
    const x = extractDocument({
      id,
      text: doc.text,
      title: str(doc.title) ?? opts.title,
      lang: str(doc.lang) ?? opts.lang,
      date: str(doc.date) ?? opts.date,
    });
    printJsonLine(pick(x, opts));
  }
  return failed;
}

/** What the language gets from extraction, said where it is not everything. */
const SUPPORT_NOTE: Record<Extraction['support'], { de: string; en: string }> = {
  full: { de: '', en: '' },
  countries: { de: ' (Länder, Daten und Zahlen; keine Kriterien in dieser Sprache)', en: ' (countries, dates and figures; no criteria in this language)' },
  unsupported: { de: ' (für die Extraktion nicht unterstützt: nur Staatennamen gesucht)', en: ' (not supported for extraction: only state names looked for)' },
};

function printSummary(x: Omit<Extraction, 'passages'>): void {
  const lang = x.language === 'de' ? 'de' : 'en';
  const lines = [
    `language  ${x.language}${SUPPORT_NOTE[x.support][lang]}`,
    `date      ${x.date ?? '-'}`,
    `primary   ${x.primary.map((c) => `${c} ${countryName(c, lang)}`).join(', ') || '-'}`,
    `countries ${x.countries.map((c) => `${c.code} ×${c.count}`).join(', ') || '-'}`,
    'criteria  ' + (x.criteria.length ? '' : '-'),
    ...x.criteria.map((c) => `  ${c.criterion}  score ${c.score.toFixed(2)}  cues: ${c.cues.join(', ')}`),
    `figures   ${x.figures.length}`,
    ...x.figures.slice(0, 10).map((f) => `  ${f.text}  → ${f.value} ${f.unit ?? ''}${f.country ? ` (${f.country})` : ''}`),
    `tables    ${x.tables.length}`,
    ...x.tables.map((t) => `  ${t.number ?? '-'}  ${t.caption}  (${t.rows.length} rows${t.source ? `; source: ${t.source.slice(0, 60)}` : ''})`),
    '(use --json for the full result)',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
