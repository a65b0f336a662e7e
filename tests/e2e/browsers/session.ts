/**
 * One browser with the built extension, driven by puppeteer-core: Chromium over the DevTools
 * protocol, Firefox over WebDriver BiDi (no geckodriver needed). The scenarios in `core/` are
 * written once against this interface and run in both; what differs between the browsers
 * stays in `chromium.ts` and `firefox.ts`.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { browser } from 'wxt/browser';

export type BrowserName = 'chromium' | 'firefox';

/**
 * The extension's API in one of its pages: the global `browser` in Firefox, `chrome` in
 * Chromium. Functions given to `inExtension` find it with
 * `(globalThis.browser ?? globalThis.chrome)`.
 */
export type ExtensionApi = typeof browser;
/**
 * Both, unless `E2E_BROWSERS` names one (`E2E_BROWSERS=firefox`), for a quicker look at one
 * browser while working on it; `npm test` always runs both.
 */
export const BROWSERS: readonly BrowserName[] = (['chromium', 'firefox'] as const).filter(
  (name) => !process.env.E2E_BROWSERS || process.env.E2E_BROWSERS.split(',').includes(name),
);

/** Store screenshots' size, and every test page's: what both stores ask for. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

export interface OpenedPage {
  page: Page;
  /** The page's uncaught errors and console errors, as they come. */
  errors: string[];
}

export interface ExtensionSession {
  readonly name: BrowserName;
  readonly browser: Browser;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string;
  /**
   * Whether the browser starts a newly installed extension's content scripts in pages that
   * are already open (Firefox does; Chromium waits for the next load).
   */
  readonly injectsIntoOpenPages: boolean;
  /** Opens `url` in a new tab and waits for it to load. `beforeLoad` runs in it first. */
  open(url: string, beforeLoad?: () => void): Promise<OpenedPage>;
  /** Opens one of the extension's pages (`popup.html?tab=…`, `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<OpenedPage>;
  /**
   * Runs `fn` in an extension page, where the extension's API is the global `browser`
   * (Firefox) or `chrome` (Chromium). `fn` is sent to the browser as source: it must stand
   * alone.
   */
  inExtension<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
  /** The browser's id for the tab showing `page`, found as the active tab, as the popup does. */
  tabIdOf(page: Page): Promise<number>;
  /** Removes the extension, as a reader does from the add-ons page; its open pages close. */
  uninstall(): Promise<void>;
  /** Installs the built extension again (an update, or a reinstall after `uninstall`). */
  install(): Promise<void>;
  /** Errors the extension's own code reported: its background, its pages, its content scripts. */
  readonly extensionErrors: readonly string[];
  /** Requests that tried to leave the machine, from any page or from the extension. */
  readonly offMachineRequests: readonly string[];
  close(): Promise<void>;
}

/** Collects a page's uncaught errors and console errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
