// @ts-check
/**
 * Lint config. Besides the usual correctness rules it enforces the process layers (see
 * shared GUIDE): the pure core in src/ (the CLI aside) may not import Electron, React, Dexie or
 * Node built-ins, and only src/pdf may touch pdf.js; the renderer may not import Electron or Node.
 * test/lint/layers.test.ts proves these rules fire.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const tsconfigRootDir = import.meta.dirname;

const NODE_BUILTINS = [...new Set(builtinModules.filter((name) => !name.startsWith('_')))].sort();

/**
 * @typedef {{ name: string; subpaths: boolean; message: string }} Forbidden
 */

/** @type {Forbidden[]} */
const ELECTRON = [
  { name: 'electron', subpaths: true, message: 'Electron belongs in electron/ (main and preload) only.' },
];
/** @type {Forbidden[]} */
const NODE = [
  ...NODE_BUILTINS.map((name) => ({
    name,
    subpaths: false,
    message: `Node built-in "${name}" is not available in every host; pass the capability in from the caller.`,
  })),
];
/** @type {Forbidden[]} */
const UI_AND_STORAGE = [
  { name: 'react', subpaths: true, message: 'The core is UI-free: React belongs in renderer/.' },
  { name: 'react-dom', subpaths: true, message: 'The core is UI-free: React belongs in renderer/.' },
  {
    name: 'dexie',
    subpaths: true,
    message: 'Storage (Dexie) belongs in renderer/db; the core only transforms records.',
  },
];
/** @type {Forbidden[]} */
const PDFJS = [
  {
    name: 'pdfjs-dist',
    subpaths: true,
    message: 'Only src/pdf talks to pdf.js; use the adapter types in src/pdf/pdfjs.',
  },
];

const NODE_PREFIX_MESSAGE =
  'Node built-ins (node:*) are not available in every host; pass the capability in.';

/** @param {string} text */
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '\\u002f');

/**
 * `no-restricted-imports` covers static imports and re-exports (the typescript-eslint version also
 * `import x = require()` and type-only imports); `no-restricted-syntax` adds `import()` and `require()`.
 * @param {Forbidden[]} forbidden
 * @returns {import('eslint').Linter.RulesRecord}
 */
function layerRules(forbidden) {
  const paths = forbidden.map(({ name, message }) => ({ name, message }));
  const patterns = [
    { group: ['node:*'], message: NODE_PREFIX_MESSAGE },
    ...forbidden
      .filter((entry) => entry.subpaths)
      .map(({ name, message }) => ({ group: [`${name}/*`], message })),
  ];
  const alternatives = forbidden
    .map(({ name, subpaths }) => escapeRegex(name) + (subpaths ? '(?:$|\\u002f)' : '$'))
    .concat(['node:']);
  const source = `^(?:${alternatives.join('|')})`;
  const dynamicMessage = 'This module is off-limits in this layer (see eslint.config.js, layer rules).';
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression > Literal.source[value=/${source}/]`, message: dynamicMessage },
      {
        selector: `CallExpression[callee.name='require'] > Literal.arguments[value=/${source}/]`,
        message: dynamicMessage,
      },
    ],
  };
}

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'node_modules/**',
      'fixtures/**/*.pdf',
      '.vite/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  // Type-aware rules for TypeScript; each file is checked with the tsconfig that owns it.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TS_FILES })),
  {
    files: TS_FILES,
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**', 'scripts/**', 'test/**', '*.config.ts', 'src/cli/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.object.name=/^(describe|it|test|bench)$/][callee.property.name=/^(only|skip)$/]',
          message: 'Do not commit .only or .skip.',
        },
      ],
    },
  },
  // ---- Layer rules -------------------------------------------------------------------------
  {
    files: ['src/**'],
    ignores: ['src/cli/**', 'src/pdf/**'],
    rules: layerRules([...ELECTRON, ...NODE, ...UI_AND_STORAGE, ...PDFJS]),
  },
  {
    files: ['src/pdf/**'],
    rules: layerRules([...ELECTRON, ...NODE, ...UI_AND_STORAGE]),
  },
  {
    files: ['renderer/**'],
    rules: layerRules([...ELECTRON, ...NODE]),
  },
);
