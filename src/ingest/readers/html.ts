/**
 * HTML → text. Readability (Firefox's reader view) is used when it finds an article, dropping
 * navigation; otherwise the plain text of the whole page minus its chrome. Fragments (`<p>…</p>`,
 * `<article>`, `<html>` without a body, text without tags) are read as the body of a page, so any
 * HTML that parses keeps its text. linkedom gives a light DOM; text is taken from text nodes only,
 * so scripts, styles and event-handler attributes never reach the store; block elements become
 * paragraph breaks. Nesting deeper than LIMITS.htmlDepth is refused before any recursive code runs.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { AppError } from '../../core/errors.js';
import { LIMITS } from '../limits.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE']);
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'TABLE', 'TR',
  'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'ADDRESS', 'HR',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

type Doc = ReturnType<typeof parseHTML>['document'];

/** A full document for any input: as written when it has <html> with a <body>, else wrapped as a body. */
function parsePage(html: string): { document: Doc; complete: boolean } {
  const { document } = parseHTML(html);
  const root = document.documentElement as unknown as DomNode | null;
  if (root?.nodeName.toUpperCase() === 'HTML' && document.querySelector('body')) return { document, complete: true };
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const inner = html.replace(/<!doctype[^>]*>|<head\b[\s\S]*?<\/head\s*>|<\/?(?:html|head|body)\b[^>]*>/gi, '');
  const wrapped = parseHTML(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${inner}</body></html>`).document;
  return { document: wrapped, complete: false };
}

export function htmlToText(html: string, name = 'HTML'): { title: string | null; text: string } {
  const { document, complete } = parsePage(html);
  const depth = maxDepth(document.documentElement as unknown as DomNode);
  if (depth > LIMITS.htmlDepth) {
    throw new AppError('too_deep', `${name}: elements nested ${depth} levels deep, more than the limit of ${LIMITS.htmlDepth}.`);
  }
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
  let article: { title?: string | null; content?: string | null } | null = null;
  if (complete) {
    try {
      article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
    } catch {
      article = null;
    }
  }
  let text = '';
  if (article?.content) text = domText(parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as DomNode, false);
  if (text.replace(/\s/g, '').length < 100) {
    // No article (short pages, fragments): the text of the whole page minus its chrome.
    // Readability changed the document it read, so this reads a fresh one.
    const fresh = complete ? parsePage(html).document : document;
    text = domText(fresh.documentElement as unknown as DomNode, true);
    article = null;
  }
  return { title: article?.title?.trim() || title, text };
}

function maxDepth(root: DomNode | null): number {
  if (!root) return 0;
  let max = 0;
  const stack: Array<[DomNode, number]> = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > LIMITS.htmlDepth) return max;
    for (let i = 0; i < node.childNodes.length; i++) if (node.childNodes[i].nodeType === 1) stack.push([node.childNodes[i], d + 1]);
  }
  return max;
}

function domText(root: DomNode, skipChrome: boolean): string {
  const out: string[] = [];
  // Iterative walk (an explicit stack, closing markers for blocks) so no input can exhaust the call stack.
  const stack: Array<DomNode | string> = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const node = item;
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || (skipChrome && CHROME.has(name))) continue;
    if (name === 'BR') {
      out.push('\n');
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      out.push('\n\n');
      stack.push('\n\n');
    }
    if (name === 'TD' || name === 'TH') out.push('\t');
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
  }
  return out
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
