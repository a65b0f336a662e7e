/**
 * Hostile pages (issue 13): a page's own scripts must not be able to stop or steer the
 * checker. The pages are the reproductions of `../shared/adversarial/`, kept here so CI has them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { waitForHighlights } from './highlights';
import { watchErrors } from './harness';
import { checkedClaims, isolatedWorld, waitForTimingMarks } from './isolated-world';
import { useExtensionSuite } from './suite';
import { openCardAt, openOptions, totalMarks } from './ui';
import { inUi, uiElement } from './browsers/ui-root';

const suite = useExtensionSuite();

const EMAIL = 'reader@example.org';

/** Every report key in the extension's storage (one per stored report). */
function storedReports(): Promise<number> {
  return suite.browser.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const all = await api.storage.local.get(null);
    return Object.keys(all).filter((k) => k.startsWith('report:')).length;
  });
}

/**
 * The page's whole DOM as a page script can read it: the UI's shadow root is closed, so
 * `shadowRoot` gives the page nothing (were it open, the card's text would be here).
 */
function pageReadableDom(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document.documentElement.outerHTML +
      [...document.querySelectorAll('kent-stats-check')]
        .map((h) => h.shadowRoot?.innerHTML ?? '')
        .join(''),
  );
}

describe('on a hostile page', () => {
  it('cannot open the card, save a report, or read the reader’s e-mail or the extension’s id', async () => {
    const options = await openOptions(suite.browser);
    await options.getByRole('textbox', { name: 'Send correction requests to' }).fill(EMAIL);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.close();
    const reportsBefore = await storedReports();

    // `events=0`: the forged WXT events are the kill-switch test's; here, the card and reports.
    const { page, errors } = await suite.open('/e2e/hostile.html?n=2&events=0');
    await page.waitForFunction(
      () => (window as unknown as { __results: { done: boolean } }).__results.done,
      null,
      {
        timeout: 60_000,
      },
    );
    const results = (await page.evaluate(
      () => (window as unknown as { __results: unknown }).__results,
    )) as {
      syntheticClickOpened: boolean;
      cardRewritten?: string;
      reports: Array<{ saved?: boolean; error?: string }>;
      leakedExtensionId: string | null;
      leakedEmail: string | null;
    };
    // A synthetic click on a mark opens nothing (seen through the tests' route into the
    // root, since the page's script cannot look), so nothing can be rewritten or reported.
    expect(results.syntheticClickOpened).toBe(false);
    expect(await uiElement(page, '.ksc-card')).toBeNull();
    expect(results.cardRewritten).toBeUndefined();
    expect(results.reports.filter((r) => r.saved)).toEqual([]);
    expect(results.leakedExtensionId).toBeNull();
    expect(results.leakedEmail).toBeNull();
    expect(await storedReports()).toBe(reportsBefore);

    // The reader opens a card; a script then clicks its "Report a problem…" and presses
    // Escape: neither acts, so no report page opens and the card stays open. A page script
    // cannot reach the button at all; this one runs in the page's world with the root the
    // tests' route hands it, to show that even a script holding the root cannot act.
    await openCardAt(page, 'kent-stats-mismatch', '1,790');
    const pagesBefore = suite.browser.context.pages().length;
    expect(
      await inUi(
        page,
        (root) => {
          const button = root?.querySelector<HTMLElement>('.card__report');
          button?.click();
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
          return Boolean(button);
        },
        null,
      ),
    ).toBe(true);
    await page.waitForTimeout(1500);
    expect(suite.browser.context.pages().length).toBe(pagesBefore);
    expect((await uiElement(page, '.ksc-card'))?.count).toBe(1);
    // With the card open, the page finds the UI's host but no shadow root on it (closed),
    // so none of the card's words are in what it can read.
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('kent-stats-check');
        return host ? host.shadowRoot : 'no host';
      }),
    ).toBeNull();
    const dom = await pageReadableDom(page);
    expect(dom).not.toContain('Differs from the official figure');
    expect(dom).not.toContain(EMAIL);
    expect(dom).not.toContain(suite.browser.extensionId);
    expect(await storedReports()).toBe(reportsBefore);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a page no sign that it is installed: no start event, no timing marks', async () => {
    // detect.html has nothing to check: it listens for WXT's start event from its first
    // script, and lists the User Timing marks it can read.
    const { page: recipe, errors } = await suite.open('/e2e/detect.html');
    await expect.poll(() => recipe.locator('#out').textContent(), { timeout: 10_000 }).not.toBe('');
    const seen = JSON.parse((await recipe.locator('#out').textContent()) ?? '') as {
      detected: unknown[];
      marks: string[];
    };
    expect(seen).toEqual({ detected: [], marks: [] });
    await recipe.close();

    // A Kent story the checker reads through: the same listener, from before any script.
    const page = await suite.browser.context.newPage();
    const pageErrors = watchErrors(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __detected: string[] };
      w.__detected = [];
      document.addEventListener('kent-stats-check:content:wxt:content-script-started', (e) =>
        w.__detected.push(e.type),
      );
    });
    const world = await isolatedWorld(page);
    await page.goto(`${suite.server.origin}/e2e/plain-article.html`);
    // The checker did its work, as its own world records it...
    const marks = await waitForTimingMarks(world, (m) => checkedClaims(m) > 0);
    // The idle moment it chose to check the page, the last drawing of marks, the page read
    // through: benchmarks time the extension by these.
    const at = (name: string) => marks[`kent-stats-check:${name}`]?.startTime ?? NaN;
    expect(at('idle')).toBeLessThanOrEqual(at('drawn'));
    expect(at('drawn')).toBeLessThanOrEqual(at('checked'));
    await waitForHighlights(page, 1);
    // ...and the page saw none of it.
    const onPage = await page.evaluate(() => ({
      detected: (window as unknown as { __detected: string[] }).__detected,
      marks: performance.getEntriesByType('mark').map((m) => m.name),
    }));
    expect(onPage).toEqual({ detected: [], marks: [] });
    expect([...errors, ...pageErrors]).toEqual([]);
    await page.close();
  });

  it('keeps its marks and its UI when the page dispatches the "newer content script started" event', async () => {
    // `after` far off: the test dispatches the event itself, once the marks are there.
    const { page, errors } = await suite.open('/e2e/kill-switch.html?after=600000');
    await waitForHighlights(page, 2);
    await page.locator('kent-stats-check').waitFor({ state: 'attached' });
    const marks = await totalMarks(page);
    // The page's button runs its one line of main-world script.
    await page.locator('#kill').click();
    await page.waitForTimeout(1500);
    expect(await totalMarks(page)).toBe(marks);
    expect(await page.locator('kent-stats-check').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  // A Turbo-style site: the second page comes as a new <body> and a pushed address.
  it.each(['kent', 'recipe'])(
    'checks the next page of a single-page site that started on a %s page, with its UI on the new body',
    async (from) => {
      const { page, errors } = await suite.open(`/e2e/body-swap.html?from=${from}&after=2500`);
      await expect
        .poll(() => page.evaluate(() => location.pathname), { timeout: 10_000 })
        .toBe('/second-page');
      // Marks on the text of the body now shown, not on the one thrown away.
      const marksOnPage = () =>
        page.evaluate(() =>
          [...CSS.highlights.values()]
            .flatMap((h) => [...h])
            .filter((s) => document.body.contains(s.startContainer))
            .map((s) => {
              // Marks are fixed ranges (StaticRange): a Range over the same words reads them.
              const r = new Range();
              r.setStart(s.startContainer, s.startOffset);
              r.setEnd(s.endContainer, s.endOffset);
              return r.toString();
            }),
        );
      await expect.poll(marksOnPage, { timeout: 15_000 }).toContain('1,790');
      await expect
        .poll(() =>
          page.evaluate(
            () => document.querySelector('kent-stats-check')?.parentElement === document.body,
          ),
        )
        .toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
