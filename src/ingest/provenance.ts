/**
 * Who published a document and what kind of source it is, from explicit fields or its URL.
 * Corroboration in the assessment counts independent publishers and trusts official sources.
 */

export type SourceType = 'official' | 'research' | 'ngo' | 'news';

const OFFICIAL = [/\.gov(\.[a-z]{2})?$/, /(^|\.)bund\.de$/, /(^|\.)bundestag\.de$/, /(^|\.)europa\.eu$/, /(^|\.)un\.org$/, /(^|\.)osce\.org$/, /\.gc\.ca$/, /(^|\.)gov\.uk$/];
const RESEARCH = [/(^|\.)bicc\.de$/, /(^|\.)sipri\.org$/, /(^|\.)ruestungsexport\.info$/, /(^|\.)swp-berlin\.org$/, /(^|\.)iiss\.org$/, /(^|\.)crisisgroup\.org$/, /(^|\.)acleddata\.com$/];
const NGO = [/(^|\.)amnesty\.(org|de)$/, /(^|\.)hrw\.org$/, /(^|\.)transparency\.org$/, /(^|\.)freedomhouse\.org$/, /(^|\.)rsf\.org$/, /(^|\.)icrc\.org$/];

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Briefs carry their publisher in the text rather than a URL. */
const PUBLISHER_IN_TEXT: Array<[RegExp, string]> = [
  [/Bonn International Cent(?:re|er) for Conflict Studies|\bBICC\b/, 'BICC'],
];

export function inferPublisher(explicit: string | null | undefined, url: string | null | undefined, text: string): string | null {
  if (explicit) return explicit;
  const host = hostOf(url);
  if (host) return host;
  const head = text.length > 20_000 ? text.slice(0, 10_000) + text.slice(-10_000) : text;
  for (const [re, name] of PUBLISHER_IN_TEXT) if (re.test(head)) return name;
  return null;
}

export function inferSourceType(publisher: string | null, url: string | null | undefined): SourceType | null {
  const host = hostOf(url) ?? (publisher ?? '').toLowerCase();
  if (!host) return null;
  if (OFFICIAL.some((re) => re.test(host))) return 'official';
  if (RESEARCH.some((re) => re.test(host)) || host === 'bicc') return 'research';
  if (NGO.some((re) => re.test(host))) return 'ngo';
  return hostOf(url) ? 'news' : null;
}
