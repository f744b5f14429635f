// One lint configuration for the whole workspace. Besides the usual rules it enforces the
// dependency direction of DESIGN.md §4: core ← pillars ← composition (exchange, risk, assessment,
// planning) ← db ← api ← apps.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pillars = ['peace-security', 'development', 'human-rights'];
const composition = ['exchange', 'risk', 'assessment', 'planning', 'early-warning'];
const domain = ['core', ...pillars, ...composition];

/** What each workspace folder may import from `@prevention/*` (web gets `api` for types only). */
const layers = {
  'packages/core': [],
  ...Object.fromEntries(pillars.map((p) => [`packages/${p}`, ['core']])),
  ...Object.fromEntries(
    composition.map((p) => [`packages/${p}`, ['core', ...pillars, ...composition]]),
  ),
  'packages/db': [...domain],
  'packages/api': [...domain, 'db'],
  'apps/server': [...domain, 'db', 'api'],
  'apps/web': [...domain],
};
const allPackages = [...domain, 'db', 'api', 'server', 'web'];

/** Node built-ins and I/O libraries a pure, browser-safe domain package must not reach for. */
const ioModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'pg',
  'kysely',
  'fastify',
  '@electric-sql/*',
];

function restrictionsFor(folder, allowed, { pure }) {
  const self = folder.split('/')[1];
  const forbidden = allPackages.filter((p) => p !== self && !allowed.includes(p));
  const patterns = forbidden
    .filter((p) => !(folder === 'apps/web' && p === 'api'))
    .map((p) => ({
      group: [`@prevention/${p}`, `@prevention/${p}/*`],
      message: `${folder} may not depend on @prevention/${p} (DESIGN.md §4 dependency direction).`,
    }));
  if (folder === 'apps/web') {
    patterns.push({
      group: ['@prevention/api', '@prevention/api/*'],
      allowTypeImports: true,
      message:
        'apps/web takes only types from @prevention/api; runtime code comes from the domain packages.',
    });
  }
  if (pure) {
    patterns.push({
      group: ioModules,
      message: 'Domain packages are pure and browser-safe: no Node built-ins, database or network.',
    });
  }
  // Relative imports must not climb out of the package into a sibling.
  patterns.push({
    group: ['../../*/src/*', '../../../*/src/*', '../../packages/*', '../../apps/*'],
    message: 'Import a workspace package by its name, not by a relative path into its folder.',
  });
  return patterns;
}

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  ...Object.entries(layers).flatMap(([folder, allowed]) => {
    const self = folder.split('/')[1];
    const rule = (pure) => ({
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: restrictionsFor(folder, allowed, { pure }) },
      ],
    });
    if (!domain.includes(self))
      return [{ files: [`${folder}/**/*.{ts,tsx,js,mjs}`], rules: rule(false) }];
    return [
      { files: [`${folder}/**/*.{ts,tsx,js,mjs}`], rules: rule(true) },
      // A domain package's command-line entry, tests and benchmarks run in Node and may use it.
      {
        files: [
          `${folder}/src/cli/**`,
          `${folder}/test/**`,
          `${folder}/bench/**`,
          `${folder}/*.config.*`,
        ],
        rules: rule(false),
      },
    ];
  }),
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Migrations are frozen in time and typed against Kysely<any> on purpose.
    files: ['packages/db/src/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
