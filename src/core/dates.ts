/** Date arithmetic on ISO strings for the assessment (pure; "now" and as-of are always passed in). */

const pad = (n: number) => String(n).padStart(2, '0');

export function isIsoDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

export function yearOf(isoDay: string): number {
  return Number(isoDay.slice(0, 4));
}

/** First and last day covered by an ISO partial date (YYYY, YYYY-MM, YYYY-MM-DD); null when unparseable. */
export function partialRange(d: string | null | undefined): { from: string; to: string } | null {
  const m = d ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d) : null;
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return { from: `${m[1]}-${m[2]}-${m[3]}`, to: `${m[1]}-${m[2]}-${m[3]}` };
  if (m[2]) {
    const last = new Date(Date.UTC(y, Number(m[2]), 0)).getUTCDate();
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(last)}` };
  }
  return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
}

/** The same calendar day `years` earlier (string arithmetic: comparisons stay lexicographic). */
export function yearsBefore(isoDay: string, years: number): string {
  return `${String(yearOf(isoDay) - years).padStart(4, '0')}${isoDay.slice(4)}`;
}

/** Whether a dated document lies in [asOf - withinYears, asOf] (a partial date counts if it overlaps). */
export function withinWindow(date: string | null, asOf: string, withinYears: number): boolean {
  const r = partialRange(date);
  if (!r) return false;
  return r.from <= asOf && r.to >= yearsBefore(asOf, withinYears);
}

/** Sort key for newest first; undated last. */
export function dateSortKey(date: string | null): string {
  return partialRange(date)?.to ?? '';
}
