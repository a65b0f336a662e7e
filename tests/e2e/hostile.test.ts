/**
 * Hostile pages (issue 13): a page's own scripts must not be able to stop or steer the
 * checker. The pages are the reproductions of `../shared/adversarial/`, kept here so CI has them.
 */
import { describe, expect, it } from 'vitest';
import { waitForHighlights } from './highlights';
import { useExtensionSuite } from './suite';
import { totalMarks } from './ui';

const suite = useExtensionSuite();

describe('on a hostile page', () => {
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
            .filter((r) => r instanceof Range && document.body.contains(r.startContainer))
            .map((r) => r.toString()),
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
