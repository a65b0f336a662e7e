/**
 * Firefox (Debian's firefox-esr, or FIREFOX_PATH) over WebDriver BiDi, which puppeteer-core
 * speaks to Firefox's own remote agent: no geckodriver, no browser download. The extension is
 * installed as a temporary add-on (no signing), under a moz-extension UUID fixed in advance
 * so its pages can be opened.
 */
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { consoleErrors } from './firefox-console';
import { firefoxPath } from './paths';
import { startNetworkTrap } from './network-trap';
import { VIEWPORT, watchErrors, type ExtensionApi, type ExtensionSession } from './session';

const root = resolve(import.meta.dirname, '../../..');
export const firefoxExtensionDir = join(root, '.output/firefox-mv2');

/** The gecko id in wxt.config.ts, and the UUID its pages get here. */
const GECKO_ID = 'kent-stats-check@example.org';
const UUID = '6d1ea4c0-5b0e-4c4f-9a37-4b6b1c0c0a16';

/** The page's browsing context, which puppeteer keeps internal (see `openExtensionPage`). */
interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> };
}

export async function launchFirefox(): Promise<ExtensionSession> {
  const trap = await startNetworkTrap();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: VIEWPORT,
    // Release builds ignore puppeteer's dummy Remote Settings server (and call Mozilla's)
    // unless this is set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    // Lets a test open the extension's own pages in a tab.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // The console of every part of the extension, on Firefox's standard output.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      // Every request for another host goes to the trap; loopback is never proxied.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': trap.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': trap.port,
      'network.proxy.allow_hijacking_localhost': false,
      // Firefox's own connections, which a closed network refuses anyway.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'browser.safebrowsing.downloads.remote.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'extensions.blocklist.enabled': false,
      'dom.push.connection.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  let output = '';
  const proc = browser.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => (output += chunk));
  }
  let probe: Page | null = null;

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // `page.goto` to a moz-extension URL waits for an event Firefox's remote agent never
    // sends for it (it loads, then times out); the browsing context's own navigate works.
    await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(
      `moz-extension://${UUID}/${path}`,
      'complete',
    );
    return { page, errors };
  };

  const session: ExtensionSession = {
    name: 'firefox',
    browser,
    extensionOrigin: `moz-extension://${UUID}`,
    injectsIntoOpenPages: true,
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
      await browser.uninstallExtension(GECKO_ID);
      probe = null;
    },
    async install() {
      await browser.installExtension(firefoxExtensionDir);
    },
    get extensionErrors() {
      return consoleErrors(output);
    },
    get offMachineRequests() {
      return trap.caught;
    },
    async close() {
      await browser.close();
      await trap.close();
    },
  };
  await session.install();
  return session;
}
