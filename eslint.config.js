// ESLint (flat config): TypeScript checks that need no type information (fast: the whole tree in
// a few seconds) and the layer directions of docs/ as an import-boundary rule. `npm run lint`;
// `npm test` runs it first. The layer table is explained in the README's architecture section.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/** Layers: a folder of src/ each (the interfaces one per adapter), and the composition root. */
export const LAYERS = [
  ['core', 'src/core'],
  ['extract', 'src/extract'],
  ['ingest', 'src/ingest'],
  ['data', 'src/data'],
  ['assess', 'src/assess'],
  ['render', 'src/render'],
  ['store', 'src/store'],
  ['services', 'src/services'],
  ['queue', 'src/queue'],
  ['cli', 'src/interfaces/cli'],
  ['http', 'src/interfaces/http'],
  ['web', 'src/interfaces/web'],
];

/**
 * What each layer may import (values and types). Arrows point down only, so no cycle is possible:
 * the pure layers (extract, ingest, data, assess, render) read core and, where the code needs a
 * sibling's pure function, the one below them (extract's date and table parsers, assess's results);
 * store speaks SQL and knows only core; services combine the layers; the queue is an adapter on
 * top of services (it calls them, never the reverse); interfaces call services and the queue,
 * and format with render and assess.
 */
export const ALLOWED = {
  core: [],
  extract: [],
  assess: [],
  ingest: ['extract'],
  data: ['extract'],
  render: ['assess'],
  store: [],
  services: ['ingest', 'extract', 'data', 'store', 'assess', 'render'],
  app: ['store'],
  queue: ['services', 'store', 'ingest'],
  // Pages render what a loader in http/ got from services; they use services' constants, never call them for data.
  web: ['assess', 'render', 'services'],
  http: ['app', 'services', 'queue', 'assess', 'render', 'web'],
  cli: ['app', 'services', 'queue', 'assess', 'render', 'http', 'web'],
};

/** Type-only imports (`import type`) that run no code: adapters name the shapes lower layers return. */
const TYPES_FROM_BELOW = {
  // The store persists extraction results (`store/prepared-document.ts`), so it names their types.
  store: ['extract'],
  web: ['services', 'store', 'extract', 'ingest', 'data', 'queue'],
  http: ['store', 'extract', 'ingest', 'data'],
  cli: ['store', 'extract', 'ingest', 'data'],
};

const policies = Object.entries(ALLOWED).map(([from, to]) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: [from, 'core', ...to] } } } },
}));
for (const [from, to] of Object.entries(TYPES_FROM_BELOW)) {
  policies.push({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } }, dependency: { kind: 'type' } } });
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/node_modules/**', 'armsbrief-data/**', 'out/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', structuredClone: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', fetch: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly' } },
    rules: {
      // The code base's own habits, kept: `_`-prefixed parameters are deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Sanitisers match control characters on purpose (NUL, C0 controls in untrusted text).
      'no-control-regex': 'off',
      // Style the tree already follows throughout, so nothing is reformatted (a formatter would
      // touch every file and every parallel branch): semicolons, final newline, no trailing spaces.
      semi: ['error', 'always'],
      'eol-last': ['error', 'always'],
      'no-trailing-spaces': 'error',
    },
  },
  {
    // Tests cast freely to reach into results and build malformed input on purpose.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The layer rule: source files of src/ (tests beside a module may combine layers to set up a case).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        ...LAYERS.map(([type, dir]) => ({ type, pattern: dir, partialMatch: false })),
        // Last: what no layer folder claims, i.e. the composition root src/app.ts.
        { type: 'app', pattern: 'src', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
      // Every file of src/ belongs to a layer, and every relative import resolves to one.
      'boundaries/no-unknown-files': 'error',
      'boundaries/no-unknown-dependencies': 'error',
    },
  },
);
