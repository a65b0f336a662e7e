import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Two projects: `unit` (engine, data, DOM layer under happy-dom, storage with fakeBrowser)
 * and `e2e` (the built extension in real Chromium). `npm test` runs both; e2e runs after a
 * build, one file at a time, because each file starts its own browser.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Some unit tests start Node processes (the CLI through tsx, 2–3 s each on a busy
          // 2-core machine): vitest's 5 s default failed them there without any fault.
          testTimeout: 30_000,
          // WxtVitest's setup (the fake `browser`/`chrome` globals) is not inherited by projects.
          setupFiles: ['virtual:wxt-setup'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // `expect.poll` waits for a browser to get somewhere (a badge, a list, a mark): its
          // 1 s default failed on a loaded 2-core machine with nothing wrong. A wait, not a
          // timed assertion: it passes as soon as the state is reached.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
