import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isContentsListing } from './passages.js';
import { extractDocument } from './pipeline.js';

const CONTENTS = 'Teil II: Informationen zu den Kriterien 22 Einhaltung internationaler Verpflichtungen 22 Achtung der Menschenrechte im Empfängerland 23 ' +
  'Innere Lage im Empfängerland 28 Erhaltung von Frieden und Stabilität 31 Bedrohung von Alliierten 34 Verhalten in der internationalen Gemeinschaft 35';

test('a table of contents is recognised: headings each followed by a rising page number', () => {
  assert.equal(isContentsListing(CONTENTS), true);
  assert.equal(isContentsListing('Part I: The security sector 4 German arms exports 4 Military spending 9 Armed forces 12 Police 14 Private security 15'), true);
});

test('prose, tables of years and figures are not tables of contents', () => {
  assert.equal(isContentsListing('Die Regierung kaufte 12 Panzer. Im Jahr darauf folgten 14 Hubschrauber. Dann 20 Boote. Danach 31 Flugzeuge. Zuletzt 40 Drohnen.'), false);
  assert.equal(isContentsListing('Militärausgaben 2020 2021 2022 2023 2024 in Millionen US-Dollar 2002 1989 1350 1164 1145 Anteil am BIP 0,9 0,8 0,5 0,4 0,4'), false);
  assert.equal(isContentsListing('Troops 300 Tanks 200 Aircraft 150 Ships 90 Drones 40 Helicopters 20'), false);
});

test('a table of contents gives no criterion evidence, though it names every criterion', () => {
  const text = `${CONTENTS}\n\nDie Regierung ließ Demonstrierende willkürlich verhaften und foltern; Menschenrechtsorganisationen berichten von Verschwundenen.`;
  const x = extractDocument({ text, lang: 'de' });
  assert.deepEqual(x.passages[0].criteria, []);
  assert.ok(x.passages[1].criteria.some((c) => c.criterion === 2));
});
