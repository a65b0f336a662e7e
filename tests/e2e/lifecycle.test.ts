/**
 * The extension updated or turned off under an open page: Chromium leaves the old content
 * script running, cut off from the extension, and tells it nothing. It must notice, and take
 * every mark, its UI and its listeners off the page. In a file of its own: the test reloads
 * the extension, which ends the browser's session with it.
 */
import { describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { waitForHighlights } from './highlights';
import { useExtensionSuite } from './suite';
import { totalMarks } from './ui';
import { waitForUiElement } from './browsers/ui-root';

const suite = useExtensionSuite();

describe('when the extension goes away under an open page', () => {
  it('takes every mark and its UI off the page, and leaves the page working', async () => {
    const { page, errors } = await suite.open('/e2e/plain-article.html');
    await waitForHighlights(page, 6);
    await waitForUiElement(page, '.ksc-toggle');
    const paragraphs = await page.locator('p').count();
    // And a page the loader turned away, which has not touched the extension's API yet.
    const other = await suite.open('/e2e/national-column.html');
    await other.page.waitForTimeout(500);

    // What an update does to the running extension.
    await suite.browser.worker
      .evaluate(() => {
        (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.reload();
      })
      .catch(() => undefined);

    await expect.poll(() => totalMarks(page), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('kent-stats-check').count(), { timeout: 15_000 }).toBe(0);
    // The page itself is untouched, and still answers its reader.
    expect(await page.locator('p').count()).toBe(paragraphs);
    expect(await page.evaluate(() => document.title.length > 0)).toBe(true);
    expect(errors).toEqual([]);

    // The reader right-clicks the other page, which would start its loader listening: it
    // finds the extension gone and stops, without a word in the console.
    await other.page.bringToFront();
    await other.page.locator('#quote').click({ button: 'right' });
    await other.page.waitForTimeout(300);
    expect(other.errors).toEqual([]);
  });
});
