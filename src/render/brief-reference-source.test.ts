/** A value read from a bundled reference list is cited in the brief with the list's as-of date and address. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBriefModel } from './brief-model.js';
import { renderBriefMarkdown } from './brief-markdown.js';
import { richInput } from './test-fixtures.js';
import { referenceSourceFile } from '../core/reference-source.js';

test('brief: a rule value from a reference list reads "reference list, as of …" / "Referenzliste, Stand …" with its address', async () => {
  const input = richInput();
  const fired = input.assessment.criteria.flatMap((c) => c.rulesFired).find((f) => f.values.length > 0);
  assert.ok(fired, 'the fixture has a fired rule that read values');
  const url = 'https://www.nti.org/education-center/treaties-and-regimes/wassenaar-arrangement/';
  fired.values[0] = { ...fired.values[0], source: `reference: ${referenceSourceFile({ file: 'wassenaar.csv', asOf: '2026-12-01', url })}` };
  const model = buildBriefModel(input);
  const en = await renderBriefMarkdown(model, 'en');
  const de = await renderBriefMarkdown(model, 'de');
  assert.ok(en.includes(`reference list, as of 2026-12-01, ${url}`), 'English wording');
  assert.ok(de.includes(`Referenzliste, Stand 2026-12-01, ${url}`), 'German wording');
});
