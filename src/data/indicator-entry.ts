/** The shape of a catalogue entry and its constructor, shared by the catalogue files. */
export interface IndicatorInfo {
  id: string;
  /** Dataset (importer id) or 'brief' for values taken from ingested country briefs only. */
  dataset: string;
  unit: string;
  /** number: `value` holds it; code: `value_text` holds one of `codes`. */
  kind: 'number' | 'code';
  codes?: string[];
  name: { de: string; en: string };
  description: { de: string; en: string };
  /**
   * What a missing country-year means when the dataset was imported: e.g. UCDP lists conflicts only,
   * so absence means "no conflict recorded". Undefined: absence means no data.
   */
  absentMeans?: string;
}

export function entry(
  id: string, dataset: string, unit: string, nameEn: string, nameDe: string, descEn: string, descDe: string,
  extra: Partial<IndicatorInfo> = {},
): IndicatorInfo {
  return { id, dataset, unit, kind: 'number', name: { en: nameEn, de: nameDe }, description: { en: descEn, de: descDe }, ...extra };
}
