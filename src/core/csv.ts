/**
 * The one CSV writer (RFC 4180, via csv-stringify) for the CLI, the API and the web pages. Text cells a
 * spreadsheet would run as a formula (= + - @, tab, CR first) are defused with a leading apostrophe;
 * numbers stay numbers.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

export interface Table {
  columns: string[];
  rows: CsvCell[][];
}

export function defuseFormula(v: CsvCell): CsvCell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function toCsv(t: Table): string {
  return stringify([t.columns, ...t.rows.map((r) => r.map(defuseFormula))], {
    record_delimiter: '\r\n',
    cast: { boolean: (b) => String(b) },
  });
}
