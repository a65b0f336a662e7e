/**
 * The toolbar popup and "Check this statistic", as a reader uses them: the page's claims by
 * verdict (one opens its card in the page), the check form, pause and resume on a site, the
 * context menu's check of selected text, and the popup's accessibility in light and dark.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { artifactsDir } from './harness';
import { clickInUi, uiElement, uiFocusedClass, waitForUiElement } from './browsers/ui-root';
import { useExtensionSuite } from './suite';
import { highlightedTexts, markBoxScript, waitForHighlights, type MarkBox } from './highlights';
import {
  axeViolations,
  checkSelection,
  isChecker,
  markCounts,
  openOptions,
  tabIdOf,
  totalMarks,
} from './ui';

const suite = useExtensionSuite();
const open = suite.open;

/** Is the mark whose text includes `number` inside the viewport? */
async function markInView(page: Page, number: string): Promise<boolean> {
  const box = (await page.evaluate(
    markBoxScript(['kent-stats-match', 'kent-stats-mismatch'], number, false),
  )) as MarkBox | null;
  return box !== null && box.whole.top >= 0 && box.whole.bottom <= box.viewportHeight;
}

describe('the toolbar popup', () => {
  it('lists each claim under its verdict with the official figure and source, and opens it in the page', async () => {
    const { page, errors } = await open('/e2e/long-article.html');
    await waitForHighlights(page, 4);
    const popup = await suite.browser.openPopup(page);
    const mismatch = popup.locator('.claims__group--mismatch');
    const match = popup.locator('.claims__group--match');
    await expect.poll(() => mismatch.locator('h3').textContent()).toContain('Differ (1)');
    expect(await match.locator('h3').textContent()).toContain('Agree (3)');
    // One line per claim: the page's figure, the official figure, the source.
    const line = (await mismatch.locator('.claim').textContent()) ?? '';
    expect(line).toMatch(/1,790\s*· official: 1,709\s*· Kent County Council/);
    expect(line).not.toContain('per 1,000');
    expect(await match.locator('.claim').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/more than 100\s*· official: over 100 a day\s*· Kent County Council/),
        expect.stringMatching(
          /27\.6\s*· official: 27\.6 per 1,000 population\s*· Kent County Council/,
        ),
        expect.stringMatching(/4,548\s*· official: 4,548\s*·/),
      ]),
    );
    // The mismatch is far down the page, out of sight until the reader asks for it.
    expect(await markInView(page, '1,790')).toBe(false);
    await mismatch.getByRole('button', { name: '1,790', exact: true }).click();
    await page.bringToFront();
    await waitForUiElement(page, '.ksc-card');
    const card = (await uiElement(page, '.ksc-card'))!;
    // Shown: a box of its own on the screen.
    expect(card.box.width * card.box.height).toBeGreaterThan(0);
    const text = card.text;
    expect(text).toContain('Differs from the official figure');
    expect(text).toContain('1,709');
    expect(await markInView(page, '1,790')).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('checks a typed statistic against the official figures as the reader types', async () => {
    const { page } = await open('/e2e/plain-article.html');
    const popup = await suite.browser.openPopup(page);
    const input = popup.getByRole('searchbox', { name: 'A sentence or number to check' });
    const results = popup.locator('.check-results .result');
    const first = results.first();

    await input.pressSequentially('over 100 domestic abuse crimes a day', { delay: 15 });
    await expect.poll(() => first.locator('.result__verdict').textContent()).toContain('Agrees');
    const official = (await first.locator('.result__official').textContent()) ?? '';
    expect(official).toContain('over 100 a day');
    expect(official).toContain('Kent');
    expect(official).toContain('2021/22');
    expect(official).toContain('Views wanted on new five year plan to tackle domestic abuse');

    // Each keystroke checks again: the half-typed "Thanet 4,54" agrees with nothing, the full
    // figure with Thanet's calls, and one more wrong digit with nothing again.
    await input.fill('');
    await expect.poll(() => results.count()).toBe(0);
    await input.pressSequentially('Thanet 4,54', { delay: 15 });
    await expect
      .poll(() => popup.locator('.check-form').textContent())
      .toContain('No official figure is close to that.');
    await input.pressSequentially('8', { delay: 15 });
    await expect.poll(() => results.count()).toBe(1);
    expect(await first.locator('.result__verdict').textContent()).toContain('Agrees');
    expect(await first.locator('.result__reason').textContent()).toContain(
      "Kent Police's figure for Thanet (2017-2021): 4,548",
    );
    expect(await first.locator('.result__official').textContent()).toMatch(/4,548 · Thanet/);

    // A wrong number with no measure named cannot be called wrong (claim rules: never a
    // mismatch without a record for the measure), and it must not be called right.
    await input.fill('');
    await input.pressSequentially('Thanet 5,548', { delay: 15 });
    await expect
      .poll(() => popup.locator('.check-form').textContent())
      .toContain('No official figure is close to that.');
    expect(await popup.locator('.result--match').count()).toBe(0);
    // Naming the measure makes it checkable: it differs from Thanet's 4,548.
    await input.pressSequentially(' domestic abuse calls', { delay: 15 });
    await expect.poll(() => first.getAttribute('class')).toContain('result--mismatch');
    expect(await first.locator('.result__verdict').textContent()).toContain('Differs');
    expect(await first.locator('.result__reason').textContent()).toContain(
      'is 4,548; you typed 5,548',
    );
    expect(await popup.locator('.result--match').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('says there is nothing to check on a page the loader left alone, which listened only once asked', async () => {
    const { page, errors, scripts } = await suite.openWatchingScripts('/e2e/national-column.html');
    await page.waitForTimeout(1000);
    // The loader turned the page away without touching the extension's APIs: nothing in the
    // page answers a message yet.
    const tabId = await tabIdOf(suite.browser, page);
    const unanswered = await suite.browser.worker.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      return api.tabs.sendMessage(id, { type: 'get-page-status', payload: null }).then(
        () => 'answered',
        (error: unknown) => String(error),
      );
    }, tabId);
    expect(unanswered).toContain('Receiving end does not exist');

    // The reader clicks the toolbar button: the popup wakes the loader and gets its answer.
    const popup = await suite.browser.openPopup(page);
    await expect
      .poll(() => popup.locator('.popup__notice').textContent())
      .toContain('Nothing to check');
    expect(scripts.filter(isChecker)).toEqual([]);
    expect(await totalMarks(page)).toBe(0);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('pauses on a site at once and remembers it; resuming brings the marks back', async () => {
    const { page } = await open('/e2e/plain-article.html');
    await waitForHighlights(page, 6);
    await waitForUiElement(page, '.ksc-toggle');
    const popup = await suite.browser.openPopup(page);
    await popup.getByRole('button', { name: 'Pause on 127.0.0.1' }).click();
    await expect.poll(() => totalMarks(page)).toBe(0);
    await waitForUiElement(page, '.ksc-toggle', 'detached');
    expect(await page.locator('kent-stats-check').count()).toBe(0);
    await popup.getByRole('button', { name: 'Resume on 127.0.0.1' }).waitFor();
    expect(await popup.locator('.pause').textContent()).toContain('nothing is checked');

    // Remembered: a reload stays unmarked, and the options page lists the site.
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await totalMarks(page)).toBe(0);
    expect(await page.locator('kent-stats-check').count()).toBe(0);
    const options = await openOptions(suite.browser);
    await expect
      .poll(() => options.locator('.sites li').allTextContents())
      .toEqual([expect.stringContaining('127.0.0.1')]);
    await options.close();

    await popup.reload();
    await popup.getByRole('button', { name: 'Resume on 127.0.0.1' }).click();
    await waitForHighlights(page, 6);
    expect((await highlightedTexts(page)).mismatch).toEqual(['1,790']);
    await waitForUiElement(page, '.ksc-toggle');
    await popup.getByRole('button', { name: 'Pause on 127.0.0.1' }).waitFor();
    await expect.poll(() => popup.locator('.claims__group--mismatch').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('has no accessibility violations, in light and in dark', async () => {
    const { page } = await open('/e2e/plain-article.html');
    await waitForHighlights(page, 6);
    const popup = await suite.browser.openPopup(page);
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.locator('.claims__group--mismatch').waitFor();
    await popup.getByRole('searchbox').fill('Sevenoaks 1,790 domestic abuse calls');
    await popup.locator('.result--mismatch').first().waitFor();
    // Readable text: not the 75% Chrome gives extension pages by default.
    expect(
      await popup.evaluate(() => getComputedStyle(document.querySelector('.claim')!).fontSize),
    ).toBe('14px');
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup), `axe, ${colorScheme}`).toEqual([]);
      await popup.screenshot({
        path: join(artifactsDir, `popup-${colorScheme}.png`),
        fullPage: true,
      });
    }
    await popup.close();
    await page.close();
  });
});

describe('“Check this statistic” on selected text', () => {
  it('checks words the extension did not mark, in a card at the selection', async () => {
    const { page, errors } = await open('/e2e/long-article.html');
    await waitForHighlights(page, 4);
    // The reader's comment is not marked by the extension on its own.
    const marked = await page.evaluate(() => {
      const comment = document.getElementById('comment')!;
      return ['kent-stats-match', 'kent-stats-mismatch', 'kent-stats-unverified']
        .flatMap((n) => [...(CSS.highlights.get(n) ?? [])])
        .some((s) => {
          const r = new Range();
          r.setStart(s.startContainer, s.startOffset);
          r.setEnd(s.endContainer, s.endOffset);
          return r.intersectsNode(comment);
        });
    });
    expect(marked).toBe(false);
    const before = await markCounts(page);

    expect(await checkSelection(suite.browser, page, '#comment', '1,709 for Sevenoaks')).toBe(true);
    await waitForUiElement(page, '.ksc-card');
    const card = (await uiElement(page, '.ksc-card'))!;
    const text = card.text;
    expect(text).toContain('Agrees with the official figure');
    expect(text).toContain('1,709');
    expect(text).toContain('Sevenoaks');
    expect(text).toContain('Kent County Council');
    // The card stands beside the selection, not somewhere else on the page.
    const selection = await page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left };
    });
    const { box } = card;
    const gap = Math.min(
      Math.abs(box.y - selection.bottom),
      Math.abs(box.y + box.height - selection.top),
    );
    expect(gap).toBeLessThan(24);
    expect(Math.abs(box.x - selection.left)).toBeLessThan(400);
    // Checking a selection adds no mark of its own.
    expect(await markCounts(page)).toEqual(before);
    // Focus moved to the card, and Escape closes it.
    await expect.poll(() => uiFocusedClass(page)).toBe('ksc-card');
    await page.screenshot({ path: join(artifactsDir, 'check-selection.png') });
    await page.keyboard.press('Escape');
    await waitForUiElement(page, '.ksc-card', 'detached');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks a selection on a page it had left alone, loading the checker only then', async () => {
    const { page, errors, scripts } = await suite.openWatchingScripts('/e2e/national-column.html');
    // The column names no Kent place: nothing is marked and the checker is not loaded.
    await page.waitForTimeout(1000);
    expect(await totalMarks(page)).toBe(0);
    expect(scripts.filter(isChecker)).toEqual([]);

    expect(
      await checkSelection(
        suite.browser,
        page,
        '#quote',
        'more than 100 domestic abuse crimes a day',
      ),
    ).toBe(true);
    await waitForUiElement(page, '.ksc-card');
    const card = (await uiElement(page, '.ksc-card'))!;
    const text = card.text;
    expect(text).toContain('Agrees with the official figure');
    expect(text).toContain('Kent Police');
    expect(scripts.filter(isChecker)).toHaveLength(1);
    // Checking a selection still marks nothing on the page.
    expect(await totalMarks(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  // The second page holds 800 figures in one text node: only the text around the selection
  // is read there.
  it.each([
    ['in an article', '/e2e/long-article.html', '#calls', 4],
    ['inside a paragraph too big to read at once', '/e2e/data-dump.html', '#dump', 800],
  ] as const)(
    'says a selected wrong figure differs, citing the official one, %s',
    async (_where, url, selector, marks) => {
      const { page } = await open(url);
      await waitForHighlights(page, marks);
      expect(await checkSelection(suite.browser, page, selector, 'Sevenoaks averaged 1,790')).toBe(
        true,
      );
      await waitForUiElement(page, '.ksc-card');
      const text = (await uiElement(page, '.ksc-card'))!.text;
      expect(text).toContain('Differs from the official figure');
      expect(text).toContain('1,790');
      expect(text).toContain('1,709');
      await page.close();
    },
  );

  it('has an accessible card', async () => {
    const { page } = await open('/e2e/long-article.html');
    await waitForHighlights(page, 4);
    await checkSelection(suite.browser, page, '#calls', 'Sevenoaks averaged 1,790');
    await waitForUiElement(page, '.ksc-card');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(
        await axeViolations(page, [['kent-stats-check', '.ksc-card']]),
        `axe on the card, ${colorScheme}`,
      ).toEqual([]);
    }
    // The "N figures checked" control and its list too.
    await clickInUi(page, '.ksc-toggle');
    await waitForUiElement(page, '.ksc-list');
    expect(await axeViolations(page, [['kent-stats-check', '.ksc-dock']])).toEqual([]);
    await page.close();
  });
});
