/** Thread entry of the prepare pool: raw documents in, prepared documents (or error messages) out. */
import { parentPort } from 'node:worker_threads';
import { prepareDocument } from '../services/prepare-document.js';
import type { RawDocument } from '../core/types.js';
import { errorMessage } from '../core/errors.js';

parentPort!.on('message', (msg: { id: number; docs: RawDocument[] }) => {
  const results = msg.docs.map((raw) => {
    try {
      return { ok: prepareDocument(raw) };
    } catch (err) {
      return { error: errorMessage(err) };
    }
  });
  parentPort!.postMessage({ id: msg.id, results });
});
