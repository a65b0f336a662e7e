/**
 * The extension as a reader meets it: installed in Chromium, reading a local news article,
 * marking its figures, and listing them in the toolbar popup.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir } from './harness';
import { useExtensionSuite } from './suite';
import { highlightedTexts, waitForHighlights } from './highlights';

const suite = useExtensionSuite();
const openArticle = suite.open;

describe('the installed extension', () => {
  it('marks the article’s figures by verdict', async () => {
    const { page, errors } = await openArticle('/e2e/plain-article.html');
    await waitForHighlights(page);
    const marks = await highlightedTexts(page);
    expect(marks.match).toEqual(
      expect.arrayContaining(['more than 100', 'four in ten', '27.6', '12.6', '4,548']),
    );
    expect(marks.mismatch).toEqual(['1,790']);
    // Essex's figure, the phone number, the postcode and the dates are not claims.
    const all = Object.values(marks).flat().join(' | ');
    expect(all).not.toMatch(/95|0808|ME14|2023|9 October/);
    // Tools outside the project time the extension by its User Timing marks: the idle moment
    // it chose to check the page, the last drawing of marks, the page read through.
    const timings = await page.waitForFunction(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
      const [idle, drawn, checked] = [
        at('kent-stats-check:idle'),
        at('kent-stats-check:drawn'),
        at('kent-stats-check:checked'),
      ];
      return idle !== undefined && drawn !== undefined && checked !== undefined
        ? { idle, drawn, checked }
        : false;
    });
    const { idle, drawn, checked } = (await timings.jsonValue()) as Record<string, number>;
    expect(idle).toBeLessThanOrEqual(drawn!);
    expect(drawn).toBeLessThanOrEqual(checked!);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the page’s claims in the popup, worst news first', async () => {
    const { page } = await openArticle('/e2e/plain-article.html');
    await waitForHighlights(page);
    const popup = await suite.browser.openPopup(page);
    const groups = popup.locator('.claims__group h3');
    await expect
      .poll(() => groups.allTextContents())
      .toEqual([expect.stringContaining('Differ (1)'), expect.stringMatching(/Agree \(\d+\)/)]);
    await expect
      .poll(() => popup.locator('.claims__group--mismatch').textContent())
      .toContain('1,790');
    await expect
      .poll(() => popup.locator('.claims__group--mismatch').textContent())
      .toContain('1,709');
    await expect.poll(() => popup.locator('.sources li').count()).toBe(5);
    expect(await popup.locator('.sources').textContent()).toMatch(
      /Dataset edition \d+, \d+ \w+ \d{4}/,
    );
    await popup.screenshot({ path: join(artifactsDir, 'popup-plain-article.png') });
    await popup.close();
    await page.close();
  });

  it('says plainly when the popup’s page is one the extension cannot run on', async () => {
    const popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=999999`);
    await expect
      .poll(() => popup.locator('.popup__notice').textContent())
      .toContain('can’t run on this page');
    await popup.close();
  });
});
