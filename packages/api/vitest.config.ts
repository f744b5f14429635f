import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources, in test files (ssr) and in the
// global setup (vitest's own environment) alike.
const conditions = ['@prevention/source'];

export default defineConfig({
  ssr: { resolve: { conditions } },
  environments: { __vitest__: { resolve: { conditions } } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
