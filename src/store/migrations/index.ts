/** Every schema migration, in order. Add a file NNN-name.ts and one line here; never edit an applied one. */
import type { Migration } from './migration.js';
import m001 from './001-documents.js';
import m003 from './003-extractions.js';

// 002 (indicators) is added by the indicators work; ids must stay unique and ascending.
export const migrations: Migration[] = [m001, m003].sort((a, b) => a.id - b.id);
