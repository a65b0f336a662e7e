/**
 * The extension as a reader meets it, in Chromium and in Firefox: it marks the figures of a
 * local news article by verdict, and leaves a page with no Kent content exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { eachBrowser } from './each-browser';
import {
  badgeOf,
  markTexts,
  misplacedMarks,
  pageStatus,
  VERDICTS,
  waitForMarks,
  type Verdict,
} from './page-helpers';

const fixtures = join(import.meta.dirname, '../../fixtures');

/** A golden page with not-held and unverified claims, and what its author expects. */
const NOT_HELD_PAGE = 'pages/35-kcc-prosecutions-notheld';
const expected = JSON.parse(
  readFileSync(join(fixtures, `${NOT_HELD_PAGE}.expected.json`), 'utf8'),
) as { claims: Array<{ number: string; verdict: Verdict }> };

eachBrowser('marks in the page', (b) => {
  it('marks the demo article’s figures by verdict, and nothing that is not a claim', async () => {
    const { page, errors } = await b.session.open(b.url('/e2e/plain-article.html'));
    await waitForMarks(page, 6);
    const marks = await markTexts(page);
    expect(marks.match).toEqual(
      expect.arrayContaining(['more than 100', 'four in ten', '27.6', '12.6', '4,548']),
    );
    expect(marks.mismatch).toEqual(['1,790']);
    // Essex's figure, the phone number, the postcode and the dates are not claims.
    expect(Object.values(marks).flat().join(' | ')).not.toMatch(/95|0808|ME14|2023|9 October/);
    // The checker's timing marks are its own (issue 13, detect.html): none reaches the page's
    // performance timeline, where any page script could read them. (Their order is checked
    // in Chromium, in the content script's world: tests/e2e/hostile.test.ts.)
    const pageMarks = await page.evaluate(
      () =>
        performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kent-stats')).length,
    );
    expect(pageMarks).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks figures credited to a body that does not hold them, and unverified ones', async () => {
    const { page, errors } = await b.session.open(b.url(`/${NOT_HELD_PAGE}.html`));
    await waitForMarks(page, expected.claims.length);
    const marks = await markTexts(page);
    for (const verdict of VERDICTS) {
      const want = expected.claims.filter((c) => c.verdict === verdict).map((c) => c.number);
      expect(marks[verdict], `${verdict} marks`).toHaveLength(want.length);
      for (const number of want)
        expect(marks[verdict].some((text) => text.includes(number))).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never leaves a mark on other words while a page rewrites a marked figure without pause', async () => {
    // Once marked, the page rewrites a marked sentence's number on every task (one digit long
    // and three by turns), for as long as the test runs. (A page busy from its first moment
    // leaves the checker no idle time: its first marks come seconds later.)
    const { page, errors } = await b.session.open(
      b.url('/e2e/live-figure.html?after=2000&ms=120000'),
    );
    await waitForMarks(page, 3);
    /** How many times the page has rewritten the sentence, as its ticker says. */
    const rewrites = () =>
      page.evaluate(() =>
        Number(/\d+/.exec(document.getElementById('ticker')!.textContent!)?.[0] ?? 0),
      );
    await expect.poll(rewrites, { timeout: 15_000 }).toBeGreaterThan(0);
    // Until the checker has seen the page change that text once (its next look, 50 ms on),
    // the mark read while the page was quiet keeps its offsets: not sampled here.
    await new Promise((done) => setTimeout(done, 500));
    const first = await rewrites();
    const misplaced: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      // Each mark covers a whole number: a digit on either side of it, or none inside it,
      // means the mark stayed where words the page has since changed used to be.
      misplaced.push(...(await misplacedMarks(page)).map((m) => `${i}: ${m}`));
      await new Promise((done) => setTimeout(done, 150));
    }
    // The page was still rewriting the sentence all along.
    expect(await rewrites()).toBeGreaterThan(first);
    expect(misplaced).toEqual([]);
    // The marks of the sentences the page leaves alone stay.
    expect((await markTexts(page)).match).toEqual(['12.6', '27.6']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves a page with no Kent content exactly as it was, and gives it no badge', async () => {
    const { page, errors } = await b.session.open(b.url('/e2e/no-kent.html'), () => {
      const w = window as unknown as { __mutations: number; __messages: number };
      w.__mutations = 0;
      w.__messages = 0;
      // Anything the extension posts to the page would tell the page's scripts it is here.
      addEventListener('message', () => (w.__messages += 1));
      // From the end of parsing on: every later change to the DOM is counted.
      document.addEventListener('DOMContentLoaded', () =>
        new MutationObserver((records) => (w.__mutations += records.length)).observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        }),
      );
    });
    const tabId = await b.session.tabIdOf(page);
    // The loader answers only once asked to listen: a right-click (for "Check this
    // statistic") does that. Until it has run its test at the page's idle moment, nothing
    // answers; then it says the page is not worth checking.
    await expect
      .poll(
        async () => {
          await page.mouse.click(20, 20, { button: 'right' });
          await page.keyboard.press('Escape');
          return pageStatus(b.session, tabId);
        },
        { timeout: 15_000 },
      )
      .toMatchObject({ relevant: false, claims: [] });
    const left = await page.evaluate(() => ({
      mutations: (window as unknown as { __mutations: number }).__mutations,
      messages: (window as unknown as { __messages: number }).__messages,
      marks: [...CSS.highlights.keys()].filter((name) => name.startsWith('kent-stats')).length,
      ui: document.querySelectorAll('kent-stats-check, kent-stats-mark').length,
      sheets: document.adoptedStyleSheets.length,
      timings: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kent-stats'))
        .length,
    }));
    expect(left).toEqual({ mutations: 0, messages: 0, marks: 0, ui: 0, sheets: 0, timings: 0 });
    expect((await badgeOf(b.session, tabId)).text).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
