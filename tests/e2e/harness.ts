/**
 * Drives the freshly built extension in real Chromium (Debian's, or CHROME_PATH) with
 * playwright-core, against pages served on 127.0.0.1. Test tools cannot download browsers
 * on this kind of machine, so a missing Chromium is a clear failure, never a skip. (The
 * scenarios shared with Firefox, in `core/`, drive both browsers through `browsers/`.)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { chromiumPath } from './browsers/paths';

export { chromiumPath } from './browsers/paths';
export { serveFixtures, STRICT_CSP, type Served } from './fixture-server';

const root = resolve(import.meta.dirname, '../..');
export const extensionDir = join(root, '.output/chrome-mv3');
export const artifactsDir = join(root, 'test-results');

/**
 * Flags for Chromium on this kind of machine: no sandbox as root, no GPU, and none of the
 * background connections a closed network refuses.
 */
export const HEADLESS_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
] as const;

/** Loads the built extension, and only it. */
export function extensionFlags(dir = extensionDir): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /**
   * Clicks the toolbar button on the tab showing `page`, as a reader does (which grants the
   * extension `activeTab` there), then opens the popup again in a tab of its own, bound to
   * that tab, where the test can read it.
   */
  openPopup(page: Page): Promise<Page>;
  /** Clicks the toolbar button on the tab showing `page`, and closes the popup it opens. */
  clickAction(page: Page): Promise<void>;
  close(): Promise<void>;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'kent-stats-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    // `Extensions.triggerAction` (the toolbar click) is only offered with this flag.
    args: [...extensionFlags(), ...HEADLESS_FLAGS, '--enable-unsafe-extension-debugging'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The background's onInstalled work can race the first page load in a fresh profile.
  await worker.evaluate(() => new Promise((ok) => setTimeout(ok, 100)));
  const clickAction = async (page: Page): Promise<void> => {
    await page.bringToFront();
    const cdp = await context.browser()!.newBrowserCDPSession();
    try {
      const targets = async () =>
        (
          (await cdp.send('Target.getTargets', { filter: [{}] })) as {
            targetInfos: Array<{
              targetId: string;
              type: string;
              url: string;
              embedderData?: { tabActive?: boolean };
            }>;
          }
        ).targetInfos;
      const popupUrl = `chrome-extension://${extensionId}/popup.html`;
      const tab = (await targets()).find(
        (t) => t.type === 'tab' && t.url === page.url() && t.embedderData?.tabActive,
      );
      if (!tab) throw new Error(`no active tab shows ${page.url()}`);
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      // The real popup has done its work once it asked the page; close it, so the page's
      // tab is the active one again.
      let opened: { targetId: string } | undefined;
      for (let i = 0; i < 50 && !opened; i++) {
        await new Promise((ok) => setTimeout(ok, 50));
        opened = (await targets()).find((t) => t.type === 'page' && t.url === popupUrl);
      }
      if (!opened) throw new Error('the toolbar button opened no popup');
      await new Promise((ok) => setTimeout(ok, 300));
      await cdp.send('Target.closeTarget', { targetId: opened.targetId });
    } finally {
      await cdp.detach();
    }
  };
  return {
    context,
    worker,
    extensionId,
    clickAction,
    async openPopup(page) {
      await clickAction(page);
      // Without the "tabs" permission, tabs cannot be found by URL: find the page as the
      // active tab, the way the real popup does.
      await page.bringToFront();
      const tabId = await worker.evaluate(async () => {
        // Runs in the service worker, where `chrome` is the extension API.
        const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? -1;
      });
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects page errors and console errors, so a test can assert the page was not broken. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
