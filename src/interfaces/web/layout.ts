/** The page shell: header with navigation and language switch, main content, footer. */
import { html, href, type SafeHtml } from './html.js';
import type { Lang, Translate } from './i18n/index.js';

export interface View {
  lang: Lang;
  t: Translate;
  /** Path and query of this request (for the language switch and JSON/CSV links). */
  url: URL;
  authed: boolean;
  /** A token is configured, so logging in can enable writes. */
  writable: boolean;
  csrf: string;
}

/** The same URL with some query parameters replaced (undefined removes one). */
export function withQuery(url: URL, params: Record<string, string | number | undefined>): string {
  const u = new URL(url.pathname + url.search, 'http://x');
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return u.pathname + u.search;
}

/** Link to the JSON twin of the current page. */
export function jsonTwin(url: URL): string {
  const u = new URL(url.pathname + url.search, 'http://x');
  u.pathname = u.pathname === '/' ? '/api/countries' : `/api${u.pathname}`;
  return u.pathname + u.search;
}

/** Download link for one table of the current page as CSV. */
export function csvLink(url: URL, table?: string): string {
  const u = new URL(jsonTwin(url), 'http://x');
  u.searchParams.set('format', 'csv');
  if (table) u.searchParams.set('table', table);
  u.searchParams.delete('lang');
  return u.pathname + u.search;
}

export function csvDownload(view: View, table?: string): SafeHtml {
  return html`<p class="downloads"><a href="${csvLink(view.url, table)}" download>${view.t('downloadCsv')}</a></p>`;
}

export function layout(view: View, title: string, body: SafeHtml, opts: { jsonLink?: boolean } = {}): SafeHtml {
  const { t, lang } = view;
  const other: Lang = lang === 'de' ? 'en' : 'de';
  const nav: Array<[string, string]> = [
    ['/', t('navOverview')],
    ['/search', t('navSearch')],
    ['/documents', t('navDocuments')],
    ['/methodology', t('navMethodology')],
    ['/data', t('navData')],
    ['/compare', t('navCompare')],
    ['/upload', t('navUpload')],
  ];
  const current = view.url.pathname;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · armsbrief</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${t('skipToContent')}</a>
<header class="site">
  <a class="brand" href="/">armsbrief</a>
  <nav aria-label="main"><ul>${nav.map(
    ([p, label]) => html`<li><a href="${p}"${current === p ? html` aria-current="page"` : ''}>${label}</a></li>`,
  )}</ul></nav>
  <div class="tools">
    <a id="lang-switch" href="${withQuery(view.url, { lang: other })}" hreflang="${other}" lang="${other}">${t('switchTo')}</a>
    ${view.authed
      ? html`<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${view.csrf}"><button type="submit">${t('navLogout')}</button></form>`
      : view.writable
        ? html`<a href="${href('/login', { next: current })}">${t('navLogin')}</a>`
        : ''}
  </div>
</header>
<main id="main">
${body}
</main>
<footer class="site">
  ${t('tagline')} ·
  ${opts.jsonLink === false ? '' : html`<a href="${jsonTwin(view.url)}" id="json-twin">${t('jsonTwin')}</a> ·`}
  <a href="/api/openapi.json">${t('apiDocs')}</a>
</footer>
</body>
</html>`;
}
