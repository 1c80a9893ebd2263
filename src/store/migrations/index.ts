/** Every schema migration, in order. Add a file NNN-name.ts and one line here; never edit an applied one. */
import type { Migration } from './migration.js';
import m001 from './001-documents.js';
import m002 from './002-indicators.js';
import m003 from './003-extractions.js';
import m004 from './004-assessments.js';
import m005 from './005-inline-tags.js';
import m006 from './006-value-dates.js';
import m007 from './007-passage-about.js';
import m008 from './008-evidence-tags.js';

// Ids must stay unique and ascending.
export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008].sort((a, b) => a.id - b.id);
