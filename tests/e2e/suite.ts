/**
 * One browser with the extension and one fixture server per test file: started before the
 * file's tests, closed after them.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  artifactsDir,
  launchWithExtension,
  serveFixtures,
  watchErrors,
  type ExtensionBrowser,
  type Served,
} from './harness';
import { watchScripts } from './ui';

export interface ExtensionSuite {
  readonly browser: ExtensionBrowser;
  readonly server: Served;
  /** Opens a fixture page (a path on the fixture server) in a new tab, collecting its errors. */
  open(path: string): Promise<{ page: Page; errors: string[] }>;
  /** The same, also listing every script the page evaluates (the extension's included). */
  openWatchingScripts(path: string): Promise<{ page: Page; errors: string[]; scripts: string[] }>;
}

export function useExtensionSuite(): ExtensionSuite {
  let browser: ExtensionBrowser | undefined;
  let server: Served | undefined;
  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    server = await serveFixtures();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = () => {
    if (!browser || !server) throw new Error('The extension suite has not started yet.');
    return { browser, server };
  };
  return {
    get browser() {
      return ready().browser;
    },
    get server() {
      return ready().server;
    },
    async open(path) {
      const { browser: b, server: s } = ready();
      const page = await b.context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${s.origin}${path}`);
      return { page, errors };
    },
    async openWatchingScripts(path) {
      const { browser: b, server: s } = ready();
      const page = await b.context.newPage();
      const errors = watchErrors(page);
      const scripts = await watchScripts(page);
      await page.goto(`${s.origin}${path}`);
      return { page, errors, scripts };
    },
  };
}
