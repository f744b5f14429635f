import { defineConfig } from 'vitest/config';

export default defineConfig({
  ssr: { resolve: { conditions: ['@prevention/source'] } },
  test: {
    include: ['test/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    // The browser files' servers start on copies of snapshots prepared once per run.
    globalSetup: ['./e2e/server-snapshots-setup.ts'],
    // Browser tests run while the rest of the suite shares the machine's two cores: the axe
    // checks alone took 23 s in CI. The limits catch hangs; speed is the benchmarks' business.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // `expect.poll` waits for what the page shows next; its default second is shorter than a
    // React render takes in Chromium while the suite's other packages hold both cores.
    expect: { poll: { timeout: 15_000 } },
  },
});
