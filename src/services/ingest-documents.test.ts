import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { engines, openTestDb, tempDir } from '../../test/helpers/stores.js';
import { ingestDocuments } from './ingest-documents.js';
import { evidenceFor } from '../store/evidence.js';
import { searchPassages } from '../store/search.js';

for (const engine of engines()) {
  test(`[${engine}] ingest: other languages are extracted and searched with their stemmer; an unsupported one is stored and reported`, async (t) => {
    const db = await openTestDb(t, engine);
    const dir = tempDir();
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'fr.txt'), "Le Conseil de sécurité a prolongé l'embargo sur les armes visant la Libye. Selon les experts, des cargaisons d'armes ont été livrées en violation de l'embargo.");
    fs.writeFileSync(path.join(dir, 'ru.txt'), 'Россия продолжает вторжение на Украину: российские войска обстреляли Харьков, артиллерия бьёт по жилым кварталам, войска наступают.');
    fs.writeFileSync(path.join(dir, 'sv.txt'), 'Regeringen har beslutat att skicka mer ammunition och fler soldater till gränsen, skriver tidningen i dag.');
    const report = await ingestDocuments(db, [dir]);
    assert.equal(report.new, 3);
    assert.deepEqual(report.warnings.map((w) => path.basename(w.source)), ['sv.txt']);
    assert.match(report.warnings[0].reason, /"sv" is not supported for extraction/);
    assert.ok((await evidenceFor(db, { asOf: '2030-01-01', countries: ['LY'] })).some((e) => e.criteria.some((c) => c.criterion === 1)), 'French criterion 1 about Libya');
    assert.ok((await evidenceFor(db, { asOf: '2030-01-01', countries: ['RU'] })).some((e) => e.criteria.some((c) => c.criterion === 4)), 'Russian criterion 4 about Russia');
    assert.equal((await searchPassages(db, { query: 'войска' })).total, 1, 'Russian stemming');
    assert.equal((await searchPassages(db, { query: 'soldater' })).total, 1, 'simple configuration');
  });
}
