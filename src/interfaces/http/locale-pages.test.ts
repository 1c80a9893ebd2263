/**
 * One locale formatter on every page (core/locale.ts): a German page never writes a number the
 * English way next to German ones (the country page once printed `0.837` and `0,837` on one
 * screen; the comparison's reasons and a document's criterion scores printed English decimals).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { seededStore } from '../../../test/helpers/stores.js';
import { listDocuments } from '../../store/documents.js';
import { createServer } from './server.js';

const store = seededStore({ before, after }, { datasets: ['ti_cpi', 'undp_hdi', 'wgi', 'pts'], reference: false });

/**
 * The text of the page's own making: no scripts, styles, tags or attribute values (data-sort holds raw
 * numbers), and no document text (a document's own words are quoted as written).
 */
function visibleText(html: string): string {
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<div class="doctext"[\s\S]*?<\/div>/, ' ').replace(/<[^>]*>/g, ' ').replace(/&nbsp;|&#160;/g, ' ');
}

// English decimals: a leading zero, or one, two or four+ digits after the point (three are German thousands).
const ENGLISH_DECIMAL = /(?<![\d.,])-?(?:0\.\d+|\d+\.\d{1,2}|\d+\.\d{4,})(?![\d.,])/g;
const GERMAN_DECIMAL = /(?<![\d.,])-?(?:0,\d+|\d+,\d{1,2}|\d+,\d{4,})(?![\d.,])/g;

test('German pages write every number the German way, English pages the English way', async () => {
  const db = store.db;
  const server = createServer({ db, close: () => db.close() }, {});
  const kzBrief = (await listDocuments(db, { country: 'KZ', limit: 5 })).documents[0];
  assert.ok(kzBrief, 'a seed document about Kazakhstan');
  const pages = ['/countries/KZ', `/documents/${kzBrief.id}`, '/compare?external=bicc-2013&asOf=2014-06-30&criterion=2', '/data'];
  let germanDecimals = 0;
  for (const page of pages) {
    for (const lang of ['de', 'en'] as const) {
      const r = await server.hono.request(`${page}${page.includes('?') ? '&' : '?'}lang=${lang}`);
      assert.equal(r.status, 200, page);
      const text = visibleText(await r.text());
      // Dates, versions and ids ("2.0.0", "v25.1", "Q15.3") are not numbers of the page.
      const numbers = (re: RegExp) => [...text.replace(/\b[vVQ]?\d+(\.\d+){2,}\b|\b[vQ]\d+\.\d+\b/g, ' ').matchAll(re)].map((m) => m[0]);
      if (lang === 'de') {
        assert.deepEqual(numbers(ENGLISH_DECIMAL), [], `${page} (de)`);
        germanDecimals += numbers(GERMAN_DECIMAL).length;
        // Pages that quote documents carry their German text; the others are all ours.
      } else if (!/countries|documents/.test(page)) assert.deepEqual(numbers(GERMAN_DECIMAL), [], `${page} (en)`);
    }
  }
  assert.ok(germanDecimals > 10, `${germanDecimals} German decimals seen`);
});
