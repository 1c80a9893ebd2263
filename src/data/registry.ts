/** Every dataset importer, and recognition of a file's dataset by its name and shape. */
import { freedomHouseAll, freedomHouseHistory } from './freedom-house.js';
import { gsdb } from './gsdb.js';
import { pts } from './pts.js';
import { referenceLists } from './reference-lists.js';
import { sipriMilex } from './sipri-milex.js';
import { sipriTrade } from './sipri-trade.js';
import { tiCpi } from './ti-cpi.js';
import { ucdpAcd } from './ucdp-acd.js';
import { undpHdi } from './undp-hdi.js';
import { wbWdi } from './wb-wdi.js';
import { untcTreaties } from './untc-treaties.js';
import { wgi } from './wgi.js';
import { powellThyne } from './powell-thyne.js';
import { clineCoups } from './cline-coups.js';
import { ucdpOrgvio } from './ucdp-orgvio.js';
import { bti } from './bti.js';
import { wbMeta } from './wb-meta.js';
import type { DatasetImporter } from './types.js';

export const IMPORTERS: DatasetImporter[] = [
  // Reference lists first: they are recognised by their first line alone, never by a name another importer might claim.
  referenceLists, sipriMilex, sipriTrade, pts, freedomHouseAll, freedomHouseHistory, ucdpAcd, gsdb, tiCpi, undpHdi, wbWdi,
  untcTreaties, wgi, powellThyne, clineCoups, ucdpOrgvio, bti, wbMeta,
];

export function importerById(id: string): DatasetImporter | undefined {
  return IMPORTERS.find((i) => i.id === id);
}

/** Source ids in the order readers should prefer them when two files give the same country-year. */
export function sourcePriority(): string[] {
  return [...IMPORTERS].sort((a, b) => (a.priority ?? 5) - (b.priority ?? 5)).map((i) => i.id);
}
