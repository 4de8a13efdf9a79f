// Lint rules that keep the architecture honest: renderer and shared never import Electron or
// Node; shared and electron never import React, Dexie or MUI.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream'];

/** Bans whole packages by exact name (so './electron' stays allowed) plus `node:*`. */
function banned(names, message) {
  return [
    'error',
    {
      paths: names.map((name) => ({ name, message })),
      patterns: [{ group: ['node:*', ...names.map((n) => `${n}/*`)], message }],
    },
  ];
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
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
    rules: {
      'no-restricted-imports': banned(['electron', ...nodeBuiltins], 'The renderer reaches the OS only through platform/.'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': banned(
        ['electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'dexie-export-import', '@mui/material', ...nodeBuiltins],
        'shared/ is pure: no UI, database, Electron or Node imports.',
      ),
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass `now` in: shared/ has no clock.' }],
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
