/**
 * PDF of a brief through headless Chromium (playwright-core driving the system's Chromium; no
 * browser is ever downloaded): A4, print CSS, page numbers in the footer. A clear error names the
 * missing piece when Chromium is not installed.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../core/errors.js';
import type { Lang } from '../core/locale.js';
import { t } from './localize.js';
import { escapeHtml, htmlToText } from '../core/escape.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium binary: explicit path, else $ARMSBRIEF_CHROMIUM, else /usr/bin/chromium. */
export function chromiumPath(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.ARMSBRIEF_CHROMIUM || DEFAULT_CHROMIUM;
}

export function checkChromium(executablePath: string): void {
  let ok = false;
  try {
    fs.accessSync(executablePath, fs.constants.X_OK);
    ok = fs.statSync(executablePath).isFile();
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new AppError('chromium_missing', `PDF output needs headless Chromium, but it was not found at ${executablePath}.`, {
      hint: 'apt-get install chromium (or set ARMSBRIEF_CHROMIUM to the Chromium binary); HTML and Markdown briefs work without it.',
      status: 503,
    });
  }
}

export async function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  checkChromium(executablePath);
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (err) {
    throw new AppError('chromium_failed', `Chromium at ${executablePath} could not be started: ${(err as Error).message.split('\n')[0]}`, {
      hint: 'Check that the Chromium binary runs (chromium --version).',
      status: 503,
      cause: err,
    });
  }
}

function footerTemplate(lang: Lang): string {
  // Chromium fills the spans with the page number and page count.
  const label = escapeHtml(t(lang, 'pdf.footer', { page: '\u0000P', total: '\u0000T' }))
    .replace('\u0000P', '<span class="pageNumber"></span>')
    .replace('\u0000T', '<span class="totalPages"></span>');
  return `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; color: #555; width: 100%; text-align: center; padding: 0 16mm;">${label}</div>`;
}

export interface PdfOptions {
  lang: Lang;
  /** Reuse a running browser (benchmarks, batches); otherwise one is started and closed. */
  browser?: Browser;
  executablePath?: string;
  /** Fill in the page numbers of the table of contents (a second print pass; default true). */
  tocPageNumbers?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Table of contents page numbers (pure helpers)
// ---------------------------------------------------------------------------------------------

export interface TocEntry {
  id: string;
  title: string;
}

/** The entries of the brief's table of contents, in order. */
export function tocEntries(html: string): TocEntry[] {
  const nav = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [...nav.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({ id: m[1], title: htmlToText(m[2]).replace(/\s+/g, ' ').trim() }));
}

/** Headings compared without any whitespace: PDF outlines sometimes lose a space at a line break. */
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, '');

export interface OutlineItem {
  title: string;
  /** 1-based page. */
  page: number;
}

/**
 * Page of each contents entry, from the PDF's outline (Chromium writes one bookmark per heading):
 * entries and bookmarks are matched in document order by title.
 */
export function matchOutline(entries: TocEntry[], outline: OutlineItem[]): Map<string, number> {
  const out = new Map<string, number>();
  let cursor = 0;
  for (const e of entries) {
    const want = squash(e.title);
    for (let i = cursor; i < outline.length; i++) {
      if (squash(outline[i].title) === want) {
        out.set(e.id, outline[i].page);
        cursor = i + 1;
        break;
      }
    }
  }
  return out;
}

/** The bookmarks of a PDF, flattened in document order, with their pages. */
export async function pdfOutline(pdf: Buffer): Promise<OutlineItem[]> {
  const { getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    type Node = { title: string; dest: unknown; items?: Node[] };
    const flat: Node[] = [];
    const walk = (items: Node[] | null | undefined) => {
      for (const i of items ?? []) {
        flat.push(i);
        walk(i.items);
      }
    };
    walk((await doc.getOutline()) as Node[] | null);
    const out: OutlineItem[] = [];
    for (const i of flat) {
      const dest = (typeof i.dest === 'string' ? await doc.getDestination(i.dest) : i.dest) as unknown[] | null;
      if (!dest || !dest[0] || typeof dest[0] !== 'object') continue;
      out.push({ title: i.title, page: (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1 });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

function pdfOptions(lang: Lang) {
  return {
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate: footerTemplate(lang),
    margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    outline: true,
    tagged: true,
  } as const;
}

/**
 * Prints a brief's HTML to an A4 PDF with page numbers. The table of contents gets each section's
 * page from the bookmarks of a first print; the page column has a fixed width, so the second print
 * breaks pages exactly like the first.
 */
export async function renderBriefPdf(html: string, opts: PdfOptions): Promise<Buffer> {
  const browser = opts.browser ?? (await launchChromium(chromiumPath(opts.executablePath)));
  try {
    // Scripts off: the brief has none, and document text must never run.
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      // The brief is self-contained: nothing to fetch from the network.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const first = Buffer.from(await page.pdf(pdfOptions(opts.lang)));
      if (opts.tocPageNumbers === false) return first;
      const entries = tocEntries(html);
      const pages = entries.length ? matchOutline(entries, await pdfOutline(first)) : new Map<string, number>();
      if (pages.size === 0) return first;
      await page.evaluate((list: Array<[string, number]>) => {
        // Runs in the page (this project compiles without the DOM typings).
        type El = { getAttribute(name: string): string | null; textContent: string | null };
        const doc = (globalThis as unknown as { document: { querySelectorAll(sel: string): ArrayLike<El> } }).document;
        const byId = new Map(list);
        for (const el of Array.from(doc.querySelectorAll('.toc-page'))) {
          const n = byId.get(el.getAttribute('data-for') ?? '');
          if (n !== undefined) el.textContent = String(n);
        }
      }, [...pages]);
      return Buffer.from(await page.pdf(pdfOptions(opts.lang)));
    } finally {
      await context.close();
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
}
