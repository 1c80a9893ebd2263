/**
 * XLSX reading through ExcelJS.
 *
 * Why ExcelJS and not SheetJS: the `xlsx` package on the npm registry is frozen at 0.18.5, which has
 * published security advisories (prototype pollution, ReDoS) for untrusted workbooks; fixed SheetJS
 * builds are only distributed outside npm. ExcelJS is maintained on npm, reads formula results and
 * rich text correctly, and loads the largest workbook here (SIPRI, 870 KB, ten sheets) in under a
 * second on this machine, well inside the import budget.
 */
import ExcelJS from 'exceljs';
import { AppError, errorMessage } from '../core/errors.js';

export type CellValue = string | number | boolean | null;

export interface SheetRows {
  name: string;
  /** rows[r - 1][c - 1] is the cell at 1-based row r, column c. */
  rows: CellValue[][];
}

/** Loads all sheets as plain values: formulas give their cached result, rich text its plain text. */
export async function readWorkbook(file: string, bytes: Buffer): Promise<SheetRows[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError('data_bad_xlsx', `${file}: not a readable XLSX workbook (${errorMessage(err)})`, {
      hint: 'The file may be truncated or damaged; download it again.',
    });
  }
  const sheets: SheetRows[] = [];
  for (const ws of wb.worksheets) {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const values = row.values as unknown[];
      const out: CellValue[] = [];
      for (let c = 1; c < values.length; c++) out.push(plain(values[c]));
      rows[r - 1] = out;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    sheets.push({ name: ws.name, rows });
  }
  return sheets;
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return plain(o.result);
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((t) => t.text).join('');
    if ('text' in o) return plain(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

export function cellText(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}
