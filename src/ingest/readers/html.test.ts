import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText } from './html.js';

test('fragments and pages without a body keep their text', () => {
  for (const html of [
    '<p>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.</p>',
    '<article>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.</article>',
    '<body>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.</body>',
    '<html>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.</html>',
    '<!DOCTYPE html>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.',
    'Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.',
    '<html><head><title>T</title></head>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.</html>',
  ]) assert.equal(htmlToText(html).text, 'Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.', html);
  assert.equal(htmlToText('<!DOCTYPE html>').text, '');
  assert.equal(htmlToText('<head><title>Ein Titel</title></head><p>Text über Katar.</p>').title, 'Ein Titel');
});

test('an article page uses Readability and drops the navigation', () => {
  const para = 'Die Bundesregierung genehmigte im Jahr 2023 Rüstungsexporte im Wert von mehreren Milliarden Euro, vor allem an Staaten außerhalb von EU und NATO. ';
  const page = `<!DOCTYPE html><html><head><title>Exporte</title></head><body><nav><a href="/">Startseite</a> Menü Navigation</nav>
    <article><h1>Rüstungsexporte 2023</h1><p>${para.repeat(4)}</p><p>${para.repeat(3)}</p></article><footer>Impressum</footer></body></html>`;
  const r = htmlToText(page);
  assert.match(r.text, /Rüstungsexporte im Wert/);
  assert.doesNotMatch(r.text, /Startseite|Impressum/);
});

test('scripts, styles and handlers never reach the text', () => {
  const r = htmlToText('<p onclick="steal()">Text über Katar.</p><script>alert(1)</script><style>p{}</style>');
  assert.equal(r.text, 'Text über Katar.');
});

test('nesting beyond the limit is refused before any recursive code runs', () => {
  const deep = '<div>'.repeat(5000) + 'Text' + '</div>'.repeat(5000);
  assert.throws(() => htmlToText(deep, 'deep.html'), /deep\.html: elements nested 1001 levels deep, more than the limit of 1000/);
  const ok = '<div>'.repeat(500) + 'Text über Katar.' + '</div>'.repeat(500);
  assert.equal(htmlToText(ok).text, 'Text über Katar.');
});
