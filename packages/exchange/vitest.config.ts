import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['@prevention/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // These tests parse thousands of generated rows (under a second each alone), while CI runs
    // every package's suite at once on two cores: 5 s was exceeded there. The limit catches
    // hangs; speed is the benchmarks' business.
    testTimeout: 30_000,
  },
});
