import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeHttpUrl, safeRedirectPath } from './urls.js';

test('safeHttpUrl keeps http(s) and refuses every other scheme and disguise', () => {
  assert.equal(safeHttpUrl('https://www.sipri.org/x?a=1'), 'https://www.sipri.org/x?a=1');
  assert.equal(safeHttpUrl(' HTTP://Example.org '), 'http://example.org/');
  for (const bad of [
    'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>',
    'vbscript:x', 'file:///etc/passwd', '//evil.example', '/relative', 'http://', 'https://exa mple.org', 'http:\u0000//x.org', '', null, 42,
  ]) assert.equal(safeHttpUrl(bad), null, String(bad));
});

test('safeRedirectPath allows same-origin paths only', () => {
  assert.equal(safeRedirectPath('/upload'), '/upload');
  assert.equal(safeRedirectPath('/countries/KZ?lang=en#c2'), '/countries/KZ?lang=en#c2');
  for (const bad of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/%09/evil.example'.replace('%09', '\t'),
    'https://evil.example', 'evil.example', '\\\\evil', '/ok\u0000', '', undefined, ['/x']]) {
    assert.equal(safeRedirectPath(bad), '/', JSON.stringify(bad));
  }
});
