// Flat config. The layering rules below are the project's architecture, enforced:
// the core, simulator and shared code must run under plain Node (no Electron), and the
// renderer may only reach the shared contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronBan = [
  {
    name: 'electron',
    message: 'Platform-free code must not import electron; take a port instead.',
  },
  {
    name: 'electron-store',
    message: 'electron-store imports electron; use the SettingsStore port instead.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'docs/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['electron/core/**', 'electron/simulator/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronBan,
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'Imports point down only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronBan,
            { name: 'axios', message: 'shared code is also bundled into the renderer.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'shared code is also bundled into the renderer.' },
            {
              group: ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'shared depends on nothing.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronBan,
            { name: 'axios', message: 'The renderer talks only to window.api.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs sandboxed.' },
            {
              group: [
                '**/electron/core/**',
                '**/electron/main/**',
                '**/electron/preload/**',
                '**/electron/simulator/**',
              ],
              message: 'The renderer talks only to window.api and the shared contract.',
            },
          ],
        },
      ],
    },
  },
);
