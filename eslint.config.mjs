import js from '@eslint/js'
import { importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', window: 'readonly', document: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A cycle makes the load order decide what a module sees; type-only cycles still tie two files together.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Layers (docs/architecture.md#layers): shared is pure; only shell and platform/ touch electron; renderer never imports main.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'typeorm', 'sqlite3', '**/main/**', '**/renderer/**'],
              message: 'src/shared is pure: no node, electron, database or app layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core runs in plain Node: put Electron code in src/main/platform.' }],
          patterns: [
            {
              group: ['**/platform/**', '**/renderer/**', '**/preload/**', '**/main/index', '**/main/ipc'],
              message: 'core never imports the shell: the shell hands core what it needs (see openCore options).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', 'electron', 'node:*'],
              message: 'the renderer talks to the core only through the api client.',
            },
          ],
        },
      ],
    },
  },
  {
    // One place for moving between screens and one for keyboard shortcuts, so a route guard or a new shortcut is one edit.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/app/navigate.ts', 'src/renderer/src/app/shortcuts.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression > MemberExpression.left[property.name='hash']",
          message: 'move between screens with navigate() from app/navigate.',
        },
        {
          selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.value='keydown']",
          message: 'register a keyboard shortcut with useShortcut() from app/shortcuts.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { setTimeout: 'readonly', URL: 'readonly' } },
  },
)
