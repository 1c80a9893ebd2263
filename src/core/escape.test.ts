import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, htmlToText } from './escape.js';

test('one HTML escaper (hono\'s): every markup character, and back for our own fragments', () => {
  const hostile = `<script>alert("x")</script> & <img src=x onerror='1'>`;
  const e = escapeHtml(hostile);
  assert.equal(e, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;1&#39;&gt;');
  assert.doesNotMatch(e, /[<>"']/);
  assert.equal(htmlToText(`<b>${e}</b>`), hostile);
  assert.equal(escapeHtml('plain'), 'plain');
});
