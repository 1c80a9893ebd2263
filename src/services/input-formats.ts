/**
 * The input formats ingestion reads, for adapters' option checks and help texts. Its own module so
 * that a command's --help loads the reader table, not the extraction behind `ingestDocuments`.
 */
export { SUPPORTED_EXTENSIONS, type InputFormat } from '../ingest/read-inputs.js';
