/**
 * Golden files for extraction and rendering, German and English (test/golden/, helper in
 * test/helpers/golden.ts): the extract JSON of seed and dev texts, and the Markdown brief of
 * Kazakhstan (with its own BICC brief ingested) and Mongolia (datasets only) on a store built from the
 * seeds and ../shared/data at a fixed as-of day and clock — German numbers and dates (`1.145`,
 * `0,4 %`, `30. Juni 2025`) included. A mismatch writes `*.actual.*` beside the expected file;
 * `UPDATE_GOLDEN=1` rewrites them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../../src/extract/pipeline.js';
import { buildBrief } from '../../src/services/build-brief.js';
import { assertGolden, diffSummary } from '../helpers/golden.js';
import { seededStore, sharedPath } from '../helpers/stores.js';

const AS_OF = '2025-06-30';
const NOW = new Date('2025-07-01T09:00:00Z');

function devDoc(file: string, id: string): { id: string; text: string; lang?: string; date?: string; title?: string } {
  const line = fs.readFileSync(sharedPath('corpus', 'dev', file), 'utf8').split('\n').find((l) => l.includes(`"id": "${id}"`));
  assert.ok(line, `${id} in ${file}`);
  return JSON.parse(line);
}

/** The JSON `extract --json` prints (no passages), with a stable id. */
function extractJson(id: string, text: string, lang?: string, date?: string): string {
  const { passages: _p, ...x } = extractDocument({ id, text, lang: lang ?? null, date: date ?? null, title: null });
  return `${JSON.stringify(x, null, 2)}\n`;
}

describe('golden files: extraction', () => {
  for (const seed of ['000_1da458a6c479246b', '003_68e3ce5c2d8ec47f']) {
    test(`seed ${seed}`, () => {
      assertGolden(`extract/seed-${seed}.json`, extractJson(seed, fs.readFileSync(sharedPath('corpus', 'seeds', `${seed}.txt`), 'utf8')));
    });
  }
  for (const id of ['d-de-001', 'd-en-001']) {
    test(`dev ${id}`, () => {
      const d = devDoc('docs.jsonl', id);
      assertGolden(`extract/dev-${id}.json`, extractJson(d.id, d.text, d.lang, d.date));
    });
  }
});

describe('golden files: Markdown briefs in German and English', () => {
  const store = seededStore({ before, after });

  for (const country of ['KZ', 'MN']) {
    for (const lang of ['de', 'en'] as const) {
      test(`${country} (${lang})`, async () => {
        const b = await buildBrief(store.db, country, { lang, format: 'md', asOf: AS_OF, now: NOW });
        const md = String(b.content);
        // The locale formats the golden file pins, checked in words too.
        if (lang === 'de') assert.match(md, /30\. Juni 2025/);
        else assert.match(md, /30 June 2025/);
        assertGolden(`brief/${country}-${lang}.md`, md);
      });
    }
  }
});

test('a golden mismatch is summarised line by line', () => {
  const s = diffSummary('a\nb\nc\n', 'a\nB\nc\nd\n');
  assert.match(s, /^3 of 5 lines differ/);
  assert.match(s, /2- b\n {2}2\+ B/);
  assert.ok(!fs.existsSync(path.join('test', 'golden', 'none.actual.json')));
});
