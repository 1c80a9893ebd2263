/**
 * SIPRI Arms Transfers Database, trade register export: 11 preamble lines, a header on line 12, one
 * row per deal × delivery year, and a stray `;` at the end of every line (stripped before parsing).
 * Output: the deal rows themselves, and TIV sums per recipient-year (`sipri.tiv.imports`), per
 * recipient-year and supplier (`sipri.tiv.imports_by_supplier`) and per supplier-year
 * (`sipri.tiv.exports`). Non-state recipients ("Hezbollah (Lebanon)*", "NATO**") stay as they are.
 */
import { decodeDatasetText, parseCsv, readNumber, requireColumns } from './read.js';
import { roundSafe } from './sipri-milex.js';
import type { DatasetImporter, ParsedFile, RawValue } from './types.js';

const REQUIRED = [
  'SIPRI AT Database ID', 'Supplier', 'Recipient', 'Designation', 'Description', 'Armament category', 'Order date',
  'Order date is estimate', 'Numbers delivered', 'Numbers delivered is estimate', 'Delivery year',
  'Delivery year is estimate', 'Status', 'TIV deal unit', 'TIV delivery values', 'Local production',
] as const;

export const sipriTrade: DatasetImporter = {
  id: 'sipri-trade',
  title: 'SIPRI Arms Transfers Database (trade register)',
  publisher: 'Stockholm International Peace Research Institute (SIPRI)',
  detect: (p) => !p.isZip && (/SIPRI AT Database ID|Transfers of major conventional arms/.test(p.head.toString('utf8')) || /trade_register/i.test(p.name)),
  parse: async (file, bytes) => parseSipriTrade(file, bytes),
};

export function parseSipriTrade(file: string, bytes: Buffer): ParsedFile {
  const decoded = decodeDatasetText(file, bytes, 'utf-8');
  const out: ParsedFile = { values: [], deals: [], issues: [...decoded.issues], noDataCells: 0 };
  // Line numbers stay true because only the trailing ";" of each line is removed.
  const text = decoded.text.replace(/;(\r?\n|$)/g, '$1');
  const lines = text.split(/\r?\n/);
  const headerLine = lines.findIndex((l) => l.startsWith('SIPRI AT Database ID'));
  if (headerLine < 0) {
    out.issues.push({ level: 'error', file, row: 12, message: 'header "SIPRI AT Database ID, Supplier, Recipient, …" not found; the file was not imported' });
    return out;
  }
  const records = parseCsv(text, { fromLine: headerLine + 1 });
  const { index, error } = requireColumns(file, records[0].cells, REQUIRED, { row: records[0].line });
  if (error) return { ...out, issues: [...out.issues, error] };
  const sums = new Map<string, RawValue>();
  const addSum = (indicatorId: string, name: string, partner: string | null, year: number, tiv: number, row: number) => {
    const key = `${indicatorId}|${name}|${partner ?? ''}|${year}`;
    const seen = sums.get(key);
    if (seen) {
      seen.value = (seen.value ?? 0) + tiv;
      return;
    }
    sums.set(key, { indicatorId, name, partner, year, value: tiv, valueText: null, row });
  };
  const seenIds = new Set<string>();
  for (const rec of records.slice(1)) {
    const get = (c: (typeof REQUIRED)[number]) => (rec.cells[index.get(c)!] ?? '').trim();
    const yes = (c: (typeof REQUIRED)[number]) => get(c) === 'Yes';
    const num = (c: (typeof REQUIRED)[number]) => {
      const n = readNumber(get(c));
      return n.kind === 'number' ? n.value : null;
    };
    const deliveryYear = num('Delivery year');
    const supplier = get('Supplier');
    const recipient = get('Recipient');
    if (!supplier || !recipient || deliveryYear === null || !Number.isInteger(deliveryYear)) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: 'deal row without supplier, recipient or delivery year; skipped' });
      continue;
    }
    const dealKey = `${get('SIPRI AT Database ID')}|${deliveryYear}`;
    if (seenIds.has(dealKey)) {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `duplicate row for deal ${get('SIPRI AT Database ID')} delivery year ${deliveryYear}; skipped` });
      continue;
    }
    seenIds.add(dealKey);
    const tivRaw = readNumber(get('TIV delivery values'));
    if (tivRaw.kind === 'invalid') {
      out.issues.push({ level: 'warning', file, row: rec.line, message: `non-numeric TIV ${JSON.stringify(tivRaw.raw)}; deal kept without TIV` });
    }
    const tiv = tivRaw.kind === 'number' ? tivRaw.value : null;
    out.deals!.push({
      sipriId: get('SIPRI AT Database ID'),
      supplier,
      recipient,
      designation: get('Designation'),
      description: get('Description'),
      category: get('Armament category'),
      orderYear: num('Order date'),
      orderYearEstimated: yes('Order date is estimate'),
      numberDelivered: num('Numbers delivered'),
      numberDeliveredEstimated: yes('Numbers delivered is estimate'),
      deliveryYear,
      deliveryYearEstimated: yes('Delivery year is estimate'),
      status: get('Status'),
      tivDealUnit: num('TIV deal unit'),
      tivDelivered: tiv,
      localProduction: yes('Local production'),
      row: rec.line,
    });
    // An empty TIV means no delivery identified; "0" means between 0 and 0.5 and counts.
    if (tiv === null) {
      out.noDataCells++;
      continue;
    }
    addSum('sipri.tiv.imports', recipient, null, deliveryYear, tiv, rec.line);
    addSum('sipri.tiv.imports_by_supplier', recipient, supplier, deliveryYear, tiv, rec.line);
    addSum('sipri.tiv.exports', supplier, null, deliveryYear, tiv, rec.line);
  }
  out.values = [...sums.values()].map((v) => ({ ...v, value: roundSafe(v.value ?? 0), note: 'sum of trade-register rows; row = first row' }));
  return out;
}
