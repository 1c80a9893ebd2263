/** Use case: extraction on a text that is not stored (`armsbrief extract`). Pure; no store is opened. */
export { extractDocument } from '../extract/pipeline.js';
export type { Extraction } from '../extract/pipeline.js';
