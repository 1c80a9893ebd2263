/**
 * Regional and income-group aggregates that datasets mix in with countries. They are skipped on
 * purpose (and counted in the import report), never reported as unresolved names.
 */

/** World Bank aggregate codes (the WB country metadata that flags them is not shipped with the data). */
const WB_AGGREGATE_CODES = new Set(
  ('AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC LMC LMY ' +
    'LTE MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD').split(' '),
);

const AGGREGATE_NAMES = new Set(
  [
    'world', 'africa', 'north africa', 'sub-saharan africa', 'americas', 'central america and the caribbean',
    'central america and caribbean', 'north america', 'south america', 'asia & oceania', 'asia and oceania',
    'oceania', 'south asia', 'east asia', 'south east asia', 'south-east asia', 'central asia', 'europe',
    'eastern europe', 'western europe', 'central europe', 'middle east', 'arab states', 'east asia and the pacific',
    'europe and central asia', 'latin america and the caribbean', 'very high human development',
    'high human development', 'medium human development', 'low human development', 'developing countries',
    'oecd', 'small island developing states', 'least developed countries', 'high income', 'low income',
    'middle income', 'upper middle income', 'lower middle income', 'low & middle income', 'euro area',
    'european union', 'arab world', 'small states', 'other small states', 'not classified',
    'fragile and conflict affected situations', 'asia', 'asia-pacific', 'eurasia',
  ].map((s) => s.toLowerCase()),
);

/** Patterns for the WB's long aggregate names ("East Asia & Pacific (excluding high income)", "IDA total"). */
const AGGREGATE_PATTERNS = [
  /\(excluding high income\)$/i,
  /\(IDA & IBRD( countries)?\)$/i,
  /^IDA |^IBRD |^IDA$/i,
  /demographic dividend$/i,
  /^Heavily indebted poor countries/i,
  /^Least developed countries/i,
  /^Middle East, North Africa, Afghanistan & Pakistan/i,
  /^Africa (Eastern and Southern|Western and Central)$/i,
  /small states$/i,
  /^OECD members$/i,
];

/** Aggregate codes read from a WB country metadata file in this process (see wb-meta.ts). */
const registeredCodes = new Set<string>();

/** Adds codes a metadata file marks as aggregates; returns those the built-in list did not know. */
export function registerAggregateCodes(codes: readonly string[]): string[] {
  const unknown = codes.map((c) => c.trim().toUpperCase()).filter((c) => c && !WB_AGGREGATE_CODES.has(c));
  for (const c of unknown) registeredCodes.add(c);
  return unknown;
}

/** True when the built-in WB list knows the code as an aggregate. */
export function isKnownWbAggregate(code: string): boolean {
  return WB_AGGREGATE_CODES.has(code.trim().toUpperCase());
}

export interface AggregateHint {
  /** ISO3-like code given by the file. */
  code?: string | null;
}

/** True when a row is a regional or income-group aggregate rather than a country or entity. */
export function isAggregate(name: string, hint: AggregateHint = {}): boolean {
  const code = hint.code?.trim().toUpperCase();
  if (code) {
    if (code.startsWith('ZZ')) return true; // UNDP: ZZA.VHHD … ZZK.WORLD
    if (WB_AGGREGATE_CODES.has(code) || registeredCodes.has(code)) return true;
  }
  const n = name.trim().toLowerCase();
  if (AGGREGATE_NAMES.has(n)) return true;
  return AGGREGATE_PATTERNS.some((p) => p.test(name.trim()));
}
