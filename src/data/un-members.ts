/**
 * The UN member states as a universe for reference lists defined by their exceptions ("every UN
 * member state except …"), from the world-countries package (mledoze/countries) already used for
 * land borders.
 */
import { createRequire } from 'node:module';

interface WorldCountry {
  cca2: string;
  cca3: string;
  unMember: boolean;
  name: { common: string };
}

const require = createRequire(import.meta.url);

export const WORLD_COUNTRIES_VERSION: string = require('world-countries/package.json').version;

const ALL = require('world-countries/countries.json') as WorldCountry[];

/** world-countries 5.x marks the Holy See as a member; the UN lists it as an observer state (193 members). */
const NOT_UN_MEMBERS = new Set(['VA']);

export interface UniverseState {
  iso2: string;
  iso3: string;
  name: string;
}

export const UN_MEMBERS: readonly UniverseState[] = ALL
  .filter((c) => c.unMember && !NOT_UN_MEMBERS.has(c.cca2))
  .map((c) => ({ iso2: c.cca2, iso3: c.cca3, name: c.name.common }))
  .sort((a, b) => a.iso3.localeCompare(b.iso3));


export const UN_MEMBERS_PROVENANCE = `UN member states (world-countries ${WORLD_COUNTRIES_VERSION}, unMember, Holy See excluded: ${UN_MEMBERS.length} states)`;
