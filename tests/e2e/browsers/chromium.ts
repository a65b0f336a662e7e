/**
 * Chromium (Debian's, or CHROME_PATH) over the DevTools protocol. The extension is installed
 * through the protocol (`Extensions.loadUnpacked`), which Chromium offers over a pipe with
 * `--enable-unsafe-extension-debugging`: the same call removes and reinstalls it.
 */
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { chromiumPath } from './paths';
import { startNetworkTrap } from './network-trap';
import { VIEWPORT, watchErrors, type ExtensionApi, type ExtensionSession } from './session';

const root = resolve(import.meta.dirname, '../../..');
export const chromeExtensionDir = join(root, '.output/chrome-mv3');

/**
 * No sandbox as root, no GPU, and none of the background connections a closed network
 * refuses (the network trap would catch them).
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-features=OptimizationHints,MediaRouter,DialMediaRouteProvider,NetworkTimeServiceQuerying',
];

/**
 * Chromium's own calls home, which no flag here turns off: it makes them with no extension
 * installed at all (measured with the trap below). Anything else caught is a failure.
 */
const CHROMIUM_OWN = /^(?:https?:\/\/)?(?:update\.googleapis\.com|accounts\.google\.com)[:/]/;

export async function launchChromium(): Promise<ExtensionSession> {
  const trap = await startNetworkTrap();
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    defaultViewport: VIEWPORT,
    args: [
      ...FLAGS,
      '--enable-unsafe-extension-debugging',
      // Loopback (the fixture server) bypasses the proxy; everything else is caught.
      `--proxy-server=http://127.0.0.1:${trap.port}`,
    ],
  });
  const extensionErrors: string[] = [];
  let id = '';
  let probe: Page | null = null;

  /** Console errors of the extension's service worker, each time it starts. */
  browser.on('targetcreated', (target) => {
    if (target.type() !== 'service_worker' || !target.url().startsWith('chrome-extension://'))
      return;
    void target.worker().then((worker) =>
      worker?.on('console', (m) => {
        if (m.type() === 'error') extensionErrors.push(`background: ${m.text()}`);
      }),
    );
  });

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    page.on('pageerror', (e) => extensionErrors.push(`${path}: ${String(e)}`));
    await page.goto(`chrome-extension://${id}/${path}`);
    return { page, errors };
  };

  const session: ExtensionSession = {
    name: 'chromium',
    browser,
    get extensionOrigin() {
      return `chrome-extension://${id}`;
    },
    injectsIntoOpenPages: false,
    async open(url, beforeLoad) {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      if (beforeLoad) await page.evaluateOnNewDocument(beforeLoad);
      await page.goto(url);
      return { page, errors };
    },
    openExtensionPage,
    async inExtension(fn, arg) {
      if (!probe || probe.isClosed()) {
        // A popup bound to a tab that does not exist: an extension page that does nothing.
        probe = (await openExtensionPage('popup.html?tab=999999')).page;
      }
      // Plain JSON in and out: puppeteer's handle types do not apply.
      return (await probe.evaluate(fn as (arg: unknown) => Promise<unknown>, arg)) as Awaited<
        ReturnType<typeof fn>
      >;
    },
    async tabIdOf(page) {
      await session.inExtension(async () => undefined, null);
      await page.bringToFront();
      return session.inExtension(async () => {
        const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
        const api = (g.browser ?? g.chrome)!;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? -1;
      }, null);
    },
    async uninstall() {
      await browser.uninstallExtension(id);
      probe = null;
    },
    async install() {
      id = await browser.installExtension(chromeExtensionDir);
    },
    extensionErrors,
    get offMachineRequests() {
      return trap.caught.filter((request) => !CHROMIUM_OWN.test(request));
    },
    async close() {
      await browser.close();
      await trap.close();
    },
  };
  await session.install();
  return session;
}
