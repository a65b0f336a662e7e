/**
 * The extension removed and installed again under an open page, with a card open, in
 * Chromium and in Firefox. Chromium leaves the old content script running, cut off, and it
 * takes itself off the page; Firefox stops it without its teardown, so what it left must be
 * invisible on its own, and the new instance (which Firefox starts in the open page) must
 * replace it: one UI, marks not doubled.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { artifactsDir, eachBrowser } from './each-browser';
import { markCentre, markTotal, uiState, waitForMarks, waitForUi } from './page-helpers';

const ARTICLE = '/e2e/plain-article.html';

/** The page as a reader sees it at a scroll position. */
async function picture(page: Page, scrollY: number): Promise<Buffer> {
  await page.evaluate(async (y) => {
    window.scrollTo(0, y);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, scrollY);
  return Buffer.from(await page.screenshot());
}

eachBrowser('when the extension is removed and installed again', (b) => {
  it('leaves nothing visible once removed, and shows one UI once back', async () => {
    const { page, errors } = await b.session.open(b.url(ARTICLE));
    await waitForMarks(page, 6);
    const marks = await markTotal(page);
    const paragraphs = await page.$$eval('p', (ps) => ps.length);
    const point = await markCentre(page, 'mismatch', '1,790');
    await page.mouse.click(point.x, point.y);
    await waitForUi(page, 'card');
    const scrollY = await page.evaluate(() => window.scrollY);
    writeFileSync(
      join(artifactsDir, `lifecycle-${b.name}-1-card.png`),
      await picture(page, scrollY),
    );

    await b.session.uninstall();
    // The same article in a tab the extension never touched: what the reader should see.
    const { page: untouched } = await b.session.open(b.url(ARTICLE));
    const clean = await picture(untouched, scrollY);
    await untouched.close();
    await expect
      .poll(async () => (await picture(page, scrollY)).equals(clean), { timeout: 15_000 })
      .toBe(true);
    expect((await uiState(page)).visibleHosts).toBe(0);
    writeFileSync(join(artifactsDir, `lifecycle-${b.name}-2-removed.png`), clean);

    await b.session.install();
    // Firefox starts the new content script in the open page; Chromium on the next load.
    if (!b.session.injectsIntoOpenPages) await page.reload();
    // One UI, the new one: whatever the old instance left is gone, its card with it.
    await expect
      .poll(
        async () => {
          const { hosts, visibleHosts, card, toggle } = await uiState(page);
          return { hosts, visibleHosts, card, toggled: toggle !== null };
        },
        { timeout: 15_000 },
      )
      .toEqual({ hosts: 1, visibleHosts: 1, card: null, toggled: true });
    await waitForMarks(page, marks);
    // Polled, not read once: in Firefox the marks were once seen complete and then, a moment
    // later, gone while they were drawn again (1 run in 4 on a 2-core machine). What the
    // reader must get is every mark back, and only the new instance's.
    await expect.poll(() => markTotal(page), { timeout: 15_000 }).toBe(marks);
    writeFileSync(
      join(artifactsDir, `lifecycle-${b.name}-3-back.png`),
      await picture(page, scrollY),
    );
    // The page itself is untouched, and still works.
    expect(await page.$$eval('p', (ps) => ps.length)).toBe(paragraphs);
    expect(errors).toEqual([]);
    await page.close();
  });
});
