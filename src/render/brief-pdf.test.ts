import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../core/errors.js';
import { checkChromium, chromiumPath, matchOutline, renderBriefPdf, tocEntries } from './brief-pdf.js';

test('a missing Chromium is a clear error naming the piece and the fix', async () => {
  await assert.rejects(
    () => renderBriefPdf('<html></html>', { lang: 'de', executablePath: '/nonexistent/chromium' }),
    (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'chromium_missing');
      assert.match(err.message, /Chromium/);
      assert.match(err.message, /\/nonexistent\/chromium/);
      assert.match(err.hint ?? '', /apt-get install chromium/);
      return true;
    },
  );
  assert.throws(() => checkChromium('/etc'), /Chromium/);
});

test('Chromium path: explicit, then ARMSBRIEF_CHROMIUM, then /usr/bin/chromium', () => {
  assert.equal(chromiumPath('/x', { ARMSBRIEF_CHROMIUM: '/y' }), '/x');
  assert.equal(chromiumPath(undefined, { ARMSBRIEF_CHROMIUM: '/y' }), '/y');
  assert.equal(chromiumPath(undefined, {}), '/usr/bin/chromium');
});

test('contents entries are read from the brief and matched to PDF bookmarks in order', () => {
  const html = `<nav class="toc"><h2>Inhalt</h2><ol><li><div class="toc-line"><a href="#sec-a">Zusammen&amp;fassung</a><span class="toc-page" data-for="sec-a"></span></div></li>
    <li><div class="toc-line"><a href="#sec-b">Teil II: Informationen zu den Kriterien des Gemeinsamen Standpunkts</a></div></li>
    <li><div class="toc-line"><a href="#sec-c">Zusammen&amp;fassung</a></div></li></ol></nav><h2>Zusammen&amp;fassung</h2>`;
  const entries = tocEntries(html);
  assert.deepEqual(entries.map((e) => e.title), ['Zusammen&fassung', 'Teil II: Informationen zu den Kriterien des Gemeinsamen Standpunkts', 'Zusammen&fassung']);
  const pages = matchOutline(entries, [
    { title: 'Kasachstan', page: 1 },
    { title: 'Inhalt', page: 2 },
    { title: 'Zusammen&fassung', page: 3 },
    { title: 'Teil II: Informationen zu den Kriterien des GemeinsamenStandpunkts', page: 10 },
    { title: 'Zusammen&fassung', page: 12 },
  ]);
  assert.deepEqual([...pages], [['sec-a', 3], ['sec-b', 10], ['sec-c', 12]]);
});
