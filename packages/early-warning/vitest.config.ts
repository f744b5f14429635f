import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['@prevention/source'] } },
  // Property tests share two cores with the whole suite in CI: the limit catches hangs only.
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
