/**
 * HTML → main text. Readability (Firefox's reader view) picks the article and drops navigation;
 * linkedom gives it a light DOM. Text is taken from text nodes only, so scripts, styles and
 * event-handler attributes never reach the store; block elements become paragraph breaks.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD']);
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

export function htmlToText(html: string): { title: string | null; text: string } {
  const { document } = parseHTML(html);
  const title = (document.querySelector('title')?.textContent ?? '').trim() || null;
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  let text = '';
  if (article?.content) text = domText(parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as DomNode, false);
  if (text.replace(/\s/g, '').length < 100) {
    // Readability found no article (short pages, fragments): take the whole body minus page chrome.
    const body = parseHTML(html).document.body as unknown as DomNode | null;
    text = body ? domText(body, true) : '';
  }
  return { title: article?.title?.trim() || title, text };
}

function domText(root: DomNode, skipChrome: boolean): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || (skipChrome && CHROME.has(name))) return;
    if (name === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) out.push('\n\n');
    if (name === 'TD' || name === 'TH') out.push('\t');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
