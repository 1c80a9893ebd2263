import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, openTestDb, sharedPath } from '../../test/helpers/stores.js';
import { ingestDocuments } from './ingest-documents.js';
import { getDocument, listDocuments } from '../store/documents.js';
import { findCountryMentions } from '../extract/mentions.js';
import { documentMentions } from './document-mentions.js';

for (const engine of engines()) {
  test(`${engine}: a document page reads the mentions ingest stored, the same the finder gives`, async (t) => {
    const db = await openTestDb(t, engine);
    await ingestDocuments(db, [sharedPath('corpus', 'seeds')]);
    const { documents } = await listDocuments(db, { limit: 10 });
    assert.ok(documents.length >= 5);
    for (const summary of documents) {
      const doc = (await getDocument(db, summary.id))!;
      const stored = (doc.extraction as { mentions: Array<{ spans?: unknown }> }).mentions;
      assert.ok(stored.every((m) => Array.isArray(m.spans)), `${doc.id}: offsets stored`);
      const found = findCountryMentions(doc.text, doc.lang).map(({ code, start, end }) => ({ code, start, end }));
      assert.deepEqual(documentMentions(doc), found, doc.id);
    }
    // A document stored before offsets were kept is read the way ingest read it.
    const doc = (await getDocument(db, documents[0].id))!;
    const old = { ...doc, extraction: { mentions: [{ code: 'KZ', count: 3 }] } };
    assert.deepEqual(documentMentions(old), documentMentions(doc));
  });
}
