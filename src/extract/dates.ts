/**
 * Document date detection. Returns an ISO partial date: YYYY, YYYY-MM or YYYY-MM-DD.
 * (The extraction issue extends this module with datelines and dates inside passages.)
 */

const GERMAN_MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8,
  september: 9, oktober: 10, november: 11, dezember: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

export function isValidPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  if (month < 1 || month > 12) return false;
  if (m[3]) {
    const day = Number(m[3]);
    const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    if (day < 1 || day > last) return false;
  }
  return true;
}

/** The document's own date, from a leading ` date YYYY-MM[-DD] ` header or a publication line. */
export function extractDocumentDate(text: string): string | null {
  const head = text.slice(0, 400);
  const header = /^\s*date\s+(\d{4}(?:-\d{2}){0,2})\b/.exec(head);
  if (header && isValidPartialDate(header[1])) return header[1];
  const pub = /ERSCHEINUNGSDATUM\s*:?\s*([A-Za-zÄÖÜäöü]+)\s+(\d{4})/i.exec(text);
  if (pub) {
    const month = GERMAN_MONTHS[pub[1].toLowerCase()];
    if (month) return `${pub[2]}-${pad(month)}`;
  }
  return null;
}

/** First and last calendar day covered by a partial date, for range filters. */
export function partialDateRange(d: string): { from: string; to: string } {
  const [y, m, day] = d.split('-').map(Number);
  if (day) return { from: d, to: d };
  if (m) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
