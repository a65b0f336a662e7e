/**
 * The toolbar button, in Chromium and in Firefox: its badge tells what a tab's page holds
 * without being opened, and its popup lists the page's claims.
 */
import { expect, it } from 'vitest';
import { dataset } from '@/data';
import { DIFFERS_COLOR, NEUTRAL_COLOR } from '@/utils/badge';
import { eachBrowser } from './each-browser';
import { badgeOf, waitForMarks } from './page-helpers';

/** `#RRGGBB` as the RGBA array the browsers give back. */
const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

eachBrowser('the toolbar button', (b) => {
  it('lists the page’s claims in the popup for its tab, worst news first', async () => {
    const { page } = await b.session.open(b.url('/e2e/plain-article.html'));
    await waitForMarks(page, 6);
    const tabId = await b.session.tabIdOf(page);
    const { page: popup, errors } = await b.session.openExtensionPage(`popup.html?tab=${tabId}`);
    const read = (selector: string) =>
      popup.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''));
    await expect
      .poll(() => read('.claims__group h3'))
      .toEqual([expect.stringContaining('Differ (1)'), expect.stringMatching(/Agree \(\d+\)/)]);
    const mismatch = (await read('.claims__group--mismatch')).join(' ');
    expect(mismatch).toContain('1,790');
    expect(mismatch).toContain('1,709');
    await expect.poll(async () => (await read('.sources li')).length).toBe(dataset.sources.length);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('says plainly when the popup’s page is one the extension cannot run on', async () => {
    const { page: popup, errors } = await b.session.openExtensionPage('popup.html?tab=999999');
    await popup.waitForFunction(() =>
      document.querySelector('.popup__notice')?.textContent?.includes('can’t run on this page'),
    );
    expect(errors).toEqual([]);
    await popup.close();
  });

  it('counts the figures that differ on the badge, in their colour, and says so in its title', async () => {
    const { page } = await b.session.open(b.url('/e2e/plain-article.html'));
    await waitForMarks(page, 6);
    const tabId = await b.session.tabIdOf(page);
    await expect.poll(async () => (await badgeOf(b.session, tabId)).text).toBe('1');
    const badge = await badgeOf(b.session, tabId);
    expect(badge.color).toEqual(rgba(DIFFERS_COLOR));
    expect(badge.title).toMatch(
      /^Kent Stats Check, on this page: 1 figure differs, \d+ figures agree\.$/,
    );

    // The reader follows a link to a page with nothing to check: the badge goes.
    await page.goto(b.url('/e2e/no-kent.html'));
    await expect.poll(async () => (await badgeOf(b.session, tabId)).text).toBe('');
    expect((await badgeOf(b.session, tabId)).title).toBe('Kent Stats Check');
    await page.close();
  });

  it('shows a neutral count when every figure agrees, on that tab only', async () => {
    const { page: agreeing } = await b.session.open(b.url('/e2e/split-elements.html'));
    await waitForMarks(agreeing, 6);
    const { page: other } = await b.session.open(b.url('/e2e/no-kent.html'));
    const agreeingTab = await b.session.tabIdOf(agreeing);
    const otherTab = await b.session.tabIdOf(other);
    await expect.poll(async () => (await badgeOf(b.session, agreeingTab)).text).toBe('6');
    const badge = await badgeOf(b.session, agreeingTab);
    expect(badge.color).toEqual(rgba(NEUTRAL_COLOR));
    expect(badge.title).toBe('Kent Stats Check, on this page: 6 figures agree.');
    expect((await badgeOf(b.session, otherTab)).text).toBe('');
    await other.close();
    await agreeing.close();
  });
});
