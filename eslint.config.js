// Lint rules that keep the architecture honest (docs/architecture.md, "Layers"):
// - renderer and shared never import Electron or Node; shared and electron never import React,
//   Dexie or MUI; shared uses no browser globals (it is also type-checked without DOM/Node libs);
// - features and components never hold the database: they call repository functions with the
//   desk context (useDesk) and never import db/database, db/write or dexie, nor read the clock
//   or make ids themselves (the desk's clock and newId, so tests can fix them);
// - React hooks follow the rules, and every useLiveQuery lists its dependencies; live reads come
//   from app/liveQuerier only (Dexie's own would miss the tables read after a first await).
// tests/unit/architecture/lintBoundaries.test.ts lints committed fixtures to prove each ban bites.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream'];

/** Bans whole packages by exact name (so './electron' stays allowed) plus `node:*`. */
function banned(names, message, extraPatterns = []) {
  return [
    'error',
    {
      paths: names.map((name) => ({ name, message })),
      patterns: [{ group: ['node:*', ...names.map((n) => `${n}/*`)], message }, ...extraPatterns],
    },
  ];
}

const NO_CLOCK_IN_UI = 'Ask the desk clock: useDesk().clock.now() / today().';
const LIVE_READS = 'Live reads come from app/liveQuerier (they watch every table a multi-step read touches).';
const LIVE_READ_BANS = [
  { group: ['dexie-react-hooks'], message: LIVE_READS },
  { group: ['dexie'], importNames: ['liveQuery'], message: LIVE_READS },
];
const NO_DB_IN_UI = 'Features and components reach the data through repository functions and useDesk(), never the database.';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'shared/reports/generated/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'release/**',
      'reports/**',
      'tests/typecheck-fixtures/**',
      // Runs on the v10 build (commit 09cfa02), not this one: tests/db/seedV10/README.md.
      'tests/db/seedV10/make.v10.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': banned(
        ['electron', ...nodeBuiltins],
        'The renderer reaches the OS only through platform/.',
        LIVE_READ_BANS,
      ),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '(useLiveQuery)' }],
    },
  },
  {
    // The one place the renderer's live reads wrap Dexie's.
    files: ['renderer/src/app/liveQuerier.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': banned(['electron', 'dexie', ...nodeBuiltins], NO_DB_IN_UI, [
        { group: ['**/db/database', '**/db/write'], message: NO_DB_IN_UI },
        { group: ['**/app/clock'], importNames: ['systemClock', 'randomId'], message: NO_CLOCK_IN_UI },
        ...LIVE_READ_BANS,
      ]),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: NO_CLOCK_IN_UI },
        { object: 'crypto', property: 'randomUUID', message: 'New ids come from the desk: useDesk().newId().' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: NO_CLOCK_IN_UI },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': banned(
        ['electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', '@mui/material', ...nodeBuiltins],
        'shared/ is pure: no UI, database, Electron or Node imports.',
      ),
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass `now` in: shared/ has no clock.' }],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'process'].map((name) => ({
          name,
          message: 'shared/ is pure: no browser or Node globals (pass what it needs in).',
        })),
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', '@mui/material'].map((name) => ({
            name,
            message: 'Main owns OS services only.',
          })),
        },
      ],
    },
  },
);
