/**
 * CLI: `armsbrief brief <country>` — a country brief in German and/or English as HTML, Markdown or
 * PDF. Thin: parse options, call the brief service, write the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Browser } from 'playwright-core';
import type { Lang } from '../../core/locale.js';
import type { BriefFormat } from '../../services/build-brief.js';
import { usageError, withApp } from './context.js';
import { writeOutputFile } from './write-output.js';

type Opts = { lang?: string; format?: string; out?: string; outDir?: string; asOf?: string; methodology?: string; topics?: boolean };

function listOf<T>(v: string | undefined, fallback: string, check: (s: string) => T): T[] {
  const items = (v ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw usageError('empty list');
  return [...new Set(items.map(check))];
}

const EXT: Record<BriefFormat, string> = { html: 'html', md: 'md', pdf: 'pdf' };

export function defaultFileName(country: string, lang: Lang, format: BriefFormat): string {
  return `brief-${country}-${lang}.${EXT[format]}`;
}

export function register(program: Command): void {
  program
    .command('brief')
    .description('Write a country brief (structure of the BICC country reports): summary, Part I security sector with tables and charts, Part II ratings per criterion with rules, evidence and changes.')
    .argument('<country>', 'name (English or German) or ISO code')
    .option('--lang <de|en>', 'language; several as de,en', 'de')
    .option('--format <html|md|pdf>', 'output format; several as html,pdf', 'html')
    .option('--out <file>', 'output file (default: stdout for html/md, brief-<CC>-<lang>.pdf for pdf)')
    .option('--out-dir <dir>', 'write brief-<CC>-<lang>.<ext> for every language and format into this folder')
    .option('--as-of <date>', 'assessment and data as of YYYY-MM-DD (default: today)')
    .option('--methodology <file>', 'methodology file (default: methodology/bicc-plus.json)')
    .option('--no-topics', 'do not search documents for the Part I topics')
    .addHelpText(
      'after',
      `
PDF output needs Chromium (/usr/bin/chromium, or $ARMSBRIEF_CHROMIUM).

Examples:
  armsbrief brief Kasachstan --lang de > kz-de.html
  armsbrief brief KZ --lang en --format pdf --out kz-en.pdf
  armsbrief brief KZ --lang de,en --format html,pdf --out-dir briefs/`,
    )
    .action(async (countryArg: string, opts: Opts, cmd: Command) => {
      // Rendering (charts, PDF) is loaded on use, so other commands start without its memory.
      const [{ buildBrief, checkFormat, checkLang }, { launchChromium }, { resolveCountryArg }] = await Promise.all([
        import('../../services/build-brief.js'), import('../../render/brief-pdf.js'), import('../../services/assess-country.js'),
      ]);
      const langs = listOf(opts.lang, 'de', (s) => checkLang(s));
      const formats = listOf(opts.format, 'html', (s) => checkFormat(s));
      const many = langs.length * formats.length > 1;
      if (opts.out && opts.outDir) throw usageError('Give --out or --out-dir, not both.');
      if (many && opts.out) throw usageError('Several languages or formats need --out-dir <dir>, not --out.', 'armsbrief brief KZ --lang de,en --format html,pdf --out-dir briefs/');
      if (many && !opts.outDir) throw usageError('Several languages or formats need --out-dir <dir>.');
      const country = resolveCountryArg(countryArg);
      if (opts.outDir) fs.mkdirSync(opts.outDir, { recursive: true });
      const now = new Date();
      let browser: Browser | undefined;
      try {
        await withApp(cmd, async (app) => {
          for (const format of formats) {
            if (format === 'pdf' && !browser) browser = await launchChromium();
            for (const lang of langs) {
              const brief = await buildBrief(app.db, country, {
                lang, format, asOf: opts.asOf, now, methodologyFile: opts.methodology, browser, topics: opts.topics,
              });
              const target = opts.outDir
                ? path.join(opts.outDir, defaultFileName(brief.country, lang, format))
                : opts.out ?? (format === 'pdf' ? defaultFileName(brief.country, lang, format) : null);
              if (target === null) {
                process.stdout.write(brief.content);
              } else {
                writeOutputFile(target, brief.content);
                process.stderr.write(`wrote ${target} (${brief.country}, ${lang}, ${format}, as of ${brief.asOf})\n`);
              }
            }
          }
        });
      } finally {
        if (browser) await browser.close();
      }
    });
}
