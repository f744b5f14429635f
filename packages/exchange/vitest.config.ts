import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['@prevention/source'] } },
  test: { include: ['test/**/*.test.ts'] },
});
