/**
 * The layer rule of eslint.config.js catches what it is meant to: each case lints one import as if
 * it were written in a file of that layer (the imported modules are real, so the resolver sees them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, { filePath: file });
  return result.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

const cases: Array<{ file: string; code: string; allowed: boolean; why: string }> = [
  { file: 'src/store/probe.ts', code: "import type { PreparedDocument } from '../services/prepare-document.js';", allowed: false, why: 'store never imports services' },
  { file: 'src/services/probe.ts', code: "import { openBoss } from '../queue/boss.js';", allowed: false, why: 'services never import the queue' },
  { file: 'src/extract/probe.ts', code: "import { openDb } from '../store/db.js';", allowed: false, why: 'extraction is pure' },
  { file: 'src/assess/probe.ts', code: "import { renderBriefHtml } from '../render/brief-html.js';", allowed: false, why: 'assess is pure and below render' },
  { file: 'src/core/probe.ts', code: "import { extractDocument } from '../extract/pipeline.js';", allowed: false, why: 'core imports nothing' },
  { file: 'src/interfaces/cli/probe.ts', code: "import { listDocuments } from '../../store/documents.js';", allowed: false, why: 'adapters call services, not the store' },
  { file: 'src/interfaces/web/probe.ts', code: "import { openApp } from '../../app.js';", allowed: false, why: 'pages render, they open nothing' },
  { file: 'src/interfaces/cli/probe.ts', code: "import type { DocumentSummary } from '../../store/documents.js';", allowed: true, why: 'adapters may name lower layers\' types' },
  { file: 'src/queue/probe.ts', code: "import { prepareDocument } from '../services/prepare-document.js';", allowed: true, why: 'the queue calls services' },
  { file: 'src/services/probe.ts', code: "import { listDocuments } from '../store/documents.js';", allowed: true, why: 'services combine layers' },
  { file: 'src/interfaces/http/probe.ts', code: "import { search } from '../../services/search.js';", allowed: true, why: 'adapters call services' },
];

for (const c of cases) {
  test(`${c.file}: ${c.code} is ${c.allowed ? 'allowed' : 'an error'} (${c.why})`, async () => {
    const errors = await layerErrors(c.file, c.code);
    if (c.allowed) assert.deepEqual(errors, []);
    else assert.equal(errors.length, 1, `expected one layer error, got ${JSON.stringify(errors)}`);
  });
}
