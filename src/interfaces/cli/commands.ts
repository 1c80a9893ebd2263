/** Every CLI command module. A module exports `register(program)`; add one line per new command. */
import type { Command } from 'commander';
import * as ingest from './ingest.js';
import * as search from './search.js';
import * as documents from './documents.js';
import * as assess from './assess.js';
import * as data from './data.js';
import * as serve from './serve.js';
import * as worker from './worker.js';
import * as jobs from './jobs.js';
import * as extract from './extract.js';
import * as brief from './brief.js';
import * as compare from './compare.js';

export const commands: Array<(program: Command) => void> = [ingest.register, search.register, documents.register, assess.register, data.register, worker.register, jobs.register, serve.register, extract.register, brief.register, compare.register];
