/** Every schema migration, in order. Add a file NNN-name.ts and one line here; never edit an applied one. */
import type { Migration } from './migration.js';
import m001 from './001-documents.js';

export const migrations: Migration[] = [m001];
