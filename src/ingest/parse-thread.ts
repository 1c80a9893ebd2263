/**
 * Thread entry of the parser pool: bytes of an HTML, PDF or DOCX file in, text (or an error with
 * its code) out. Runs under resourceLimits, so a parser that runs away ends this thread only.
 */
import { parentPort } from 'node:worker_threads';
import { AppError, errorMessage } from '../core/errors.js';
import { parseDocumentBytes, type ParseRequest } from './parse-document.js';

parentPort!.on('message', async (msg: { id: number; req: ParseRequest }) => {
  try {
    const result = await parseDocumentBytes(msg.req);
    parentPort!.postMessage({ id: msg.id, ok: result });
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'unreadable';
    parentPort!.postMessage({ id: msg.id, error: { code, message: errorMessage(err) } });
  }
});
