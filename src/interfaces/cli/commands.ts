/** Every CLI command module. A module exports `register(program)`; add one line per new command. */
import type { Command } from 'commander';
import * as ingest from './ingest.js';
import * as search from './search.js';
import * as documents from './documents.js';

export const commands: Array<(program: Command) => void> = [ingest.register, search.register, documents.register];
