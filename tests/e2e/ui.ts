/**
 * Helpers for the tests of the extension's own pages (popup, options) and of the reader's
 * actions that go through the background (the context menu): the tab id of a page, a
 * selection made the way a reader makes it, accessibility checks with axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import type { ExtensionBrowser } from './harness';
import { inUi, waitForUiElement } from './browsers/ui-root';
import { centreOf, markBoxScript, type MarkBox } from './highlights';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The three named marks and the unverified one, counted. */
export const MARK_NAMES = [
  'kent-stats-match',
  'kent-stats-mismatch',
  'kent-stats-not-held',
  'kent-stats-unverified',
] as const;

/** Size of each named highlight in the page (0 when the highlight is not registered). */
export function markCounts(page: Page): Promise<Record<(typeof MARK_NAMES)[number], number>> {
  return page.evaluate(
    (names) =>
      Object.fromEntries(names.map((n) => [n, CSS.highlights.get(n)?.size ?? 0])) as Record<
        (typeof names)[number],
        number
      >,
    MARK_NAMES,
  );
}

export async function totalMarks(page: Page): Promise<number> {
  return Object.values(await markCounts(page)).reduce((a, b) => a + b, 0);
}

/** The id the browser gives the tab showing `page` (found as the active tab, as the popup does). */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return ext.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

/**
 * "Check this statistic" as a reader does it: select `text` inside the element matching
 * `selector` with a Range, right-click the selection (the page gets its `contextmenu` event,
 * which is when a silent loader starts listening), then send the message the background sends
 * on a menu click, from the service worker.
 */
export async function checkSelection(
  ext: ExtensionBrowser,
  page: Page,
  selector: string,
  text: string,
): Promise<boolean> {
  const selected = await page.evaluate(
    ([sel, words]) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no element ${sel}`);
      el.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      }
      throw new Error(`no text “${words}” in ${sel}`);
    },
    [selector, text] as const,
  );
  const box = await page.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: 'right' });
  const tabId = await tabIdOf(ext, page);
  return ext.worker.evaluate(
    async ([id, selectionText]) => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      return (await api.tabs.sendMessage(id, {
        type: 'check-selection',
        payload: { text: selectionText },
      })) as boolean;
    },
    [tabId, selected] as const,
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules and best practices) in `page`, limited to
 * `include` when given: a list of selector paths, each an array that steps into shadow roots
 * (`['kent-stats-check', '.ksc-card']`). Evaluated through the DevTools protocol, so an
 * extension page's Content-Security-Policy does not stop it. Returns the violations, short.
 *
 * The extension's UI is in a closed shadow root, which axe (like any page script) cannot
 * enter: it walks `element.shadowRoot`. So the audit runs through the tests' route to the
 * root (`inUi`), which lends axe the root for the audit's length as the host's own
 * `shadowRoot` property, and takes it back after: axe then audits the UI's real DOM as it
 * audits an open root, colour contrast included.
 */
export async function axeViolations(page: Page, include?: string[][]): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return inUi(
    page,
    async (root, context) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{
              violations: Array<{
                id: string;
                impact: string | null;
                help: string;
                nodes: Array<{ target: unknown[]; failureSummary?: string }>;
              }>;
            }>;
          };
        }
      ).axe;
      const host = root?.host;
      if (host) Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
      try {
        const include = context?.map((path) =>
          path.length > 1 ? { fromShadowDom: path } : path[0],
        );
        const result = await axe.run(include ? { include } : document, {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
          },
          resultTypes: ['violations'],
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
        }));
      } finally {
        // Back to the prototype's getter, which gives a page script null for a closed root.
        if (host) delete (host as { shadowRoot?: unknown }).shadowRoot;
      }
    },
    include ?? null,
  );
}

/** Opens the options page in a tab of its own. */
export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.locator('#settings-heading').waitFor();
  return page;
}

/** Centre of the first mark of a verdict whose text includes `number`, in viewport pixels. */
export async function markCentre(
  page: Page,
  name: string,
  number: string,
): Promise<{ x: number; y: number }> {
  const box = (await page.evaluate(markBoxScript([name], number, true))) as MarkBox | null;
  if (!box) throw new Error(`no mark ${name} with ${number}`);
  return centreOf(box);
}

/** Clicks the first mark of a verdict whose text includes `number`, and waits for its card. */
export async function openCardAt(page: Page, name: string, number: string): Promise<void> {
  const point = await markCentre(page, name, number);
  await page.mouse.click(point.x, point.y);
  await waitForUiElement(page, '.ksc-card');
}

/**
 * Scripts the browser compiles in the page, in every world (the extension's included), so a
 * test can tell whether the checker was loaded there.
 */
export async function watchScripts(page: Page): Promise<string[]> {
  const urls: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Debugger.scriptParsed', (event) => urls.push(event.url));
  await cdp.send('Debugger.enable');
  return urls;
}

export const isChecker = (url: string) =>
  url.startsWith('chrome-extension://') && url.endsWith('/checker.js');
