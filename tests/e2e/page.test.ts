/**
 * The content script in someone else's page: marks follow the page, the card opens by mouse
 * and keyboard, strict CSP and self-rewriting pages are not broken, and pages without Kent
 * content are left exactly as they were.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir } from './harness';
import { checkedClaims, isolatedWorld, waitForTimingMarks } from './isolated-world';
import { useExtensionSuite } from './suite';
import { highlightedTexts, waitForHighlights, type HighlightTexts } from './highlights';
import { isChecker, markCentre, watchScripts } from './ui';
import {
  focusInUi,
  uiElement,
  uiFocusedClass,
  uiTexts,
  waitForUiElement,
} from './browsers/ui-root';

const suite = useExtensionSuite();
const open = suite.open;

/** Each expected number stands in exactly one mark of that verdict, and there are no others. */
function expectMarks(
  marks: HighlightTexts,
  expected: Partial<Record<keyof HighlightTexts, string[]>>,
) {
  for (const verdict of Object.keys(marks) as Array<keyof HighlightTexts>) {
    const want = expected[verdict] ?? [];
    expect(marks[verdict], `${verdict} marks`).toHaveLength(want.length);
    for (const number of want) {
      expect(
        marks[verdict].filter((text) => text.includes(number)),
        `${verdict} mark for ${number}`,
      ).toHaveLength(1);
    }
  }
}

describe('in the page', () => {
  it('marks figures split across inline elements', async () => {
    const { page, errors } = await open('/e2e/split-elements.html');
    await waitForHighlights(page, 6);
    expectMarks(await highlightedTexts(page), {
      match: ['27.6', '12.6', '4,000', '3.0', '401', '182'],
    });
    // The page's own elements are untouched.
    expect(await page.locator('article strong').allTextContents()).toEqual(['27.6', '401']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the card on click, beside the words, with the official figure and source', async () => {
    const { page } = await open('/e2e/plain-article.html');
    await waitForHighlights(page);
    const point = await markCentre(page, 'kent-stats-mismatch', '1,790');
    await page.mouse.click(point.x, point.y);
    await waitForUiElement(page, '.ksc-card');
    await expect.poll(async () => (await uiElement(page, '.ksc-card'))?.role).toBe('dialog');
    const card = (await uiElement(page, '.ksc-card'))!;
    const text = card.text;
    expect(text).toContain('Differs from the official figure');
    expect(text).toContain('1,709');
    expect(text).toContain('Kent County Council');
    expect(text).toContain('Isle of Thanet News');
    // Beside the words, never over them.
    const { box } = card;
    expect(point.y < box.y || point.y > box.y + box.height).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'card-click-mismatch.png') });
    await page.keyboard.press('Escape');
    await waitForUiElement(page, '.ksc-card', 'detached');
    await page.close();
  });

  it('opens the card on hover after a short delay', async () => {
    const { page } = await open('/e2e/plain-article.html');
    await waitForHighlights(page);
    const point = await markCentre(page, 'kent-stats-match', '27.6');
    await page.mouse.move(point.x, point.y);
    await waitForUiElement(page, '.ksc-card');
    expect((await uiElement(page, '.ksc-card'))!.text).toContain('27.6');
    await page.close();
  });

  it('lets a keyboard user reach every claim and open its card', async () => {
    const { page } = await open('/e2e/plain-article.html');
    await waitForHighlights(page);
    await waitForUiElement(page, '.ksc-toggle');
    expect((await uiElement(page, '.ksc-toggle'))!.text).toMatch(/^\d+ figures checked$/);
    await focusInUi(page, '.ksc-toggle');
    await page.keyboard.press('Enter');
    const items = () => uiTexts(page, '.ksc-list__item');
    await expect.poll(async () => (await items()).length).toBeGreaterThanOrEqual(5);
    // Worst news first: the mismatch leads the list.
    expect((await items())[0]).toContain('1,790');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForUiElement(page, '.ksc-card');
    await expect.poll(() => uiFocusedClass(page)).toBe('ksc-card');
    await page.screenshot({ path: join(artifactsDir, 'card-keyboard.png') });
    await page.keyboard.press('Escape');
    await waitForUiElement(page, '.ksc-card', 'detached');
    await page.close();
  });

  it('follows a page that re-renders its paragraphs every second, without breaking it', async () => {
    const { page, errors } = await open('/e2e/rerender.html');
    await waitForHighlights(page, 3);
    await page.waitForFunction(
      () => (window as unknown as { __renders(): number }).__renders() >= 4,
    );
    // The marks point at the text the page shows now, not at nodes it threw away.
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              ['kent-stats-match', 'kent-stats-mismatch', 'kent-stats-unverified']
                .flatMap((n) => [...(CSS.highlights.get(n) ?? [])])
                .filter((r) => r.startContainer.isConnected && !r.collapsed).length,
          ),
        { timeout: 5000 },
      )
      .toBe(3);
    expectMarks(await highlightedTexts(page), { match: ['100', '27.6', '1,709'] });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works under a strict Content-Security-Policy', async () => {
    const { page, errors } = await open('/csp/e2e/csp-article.html');
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    await waitForHighlights(page, 2);
    expectMarks(await highlightedTexts(page), { match: ['173'], mismatch: ['185'] });
    const point = await markCentre(page, 'kent-stats-mismatch', '185');
    await page.mouse.click(point.x, point.y);
    await waitForUiElement(page, '.ksc-card');
    const card = (await uiElement(page, '.ksc-card'))!;
    // The card's own styles applied (adopted style sheets are not blocked by CSP).
    expect(card.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(card.text).toContain('158');
    await page.screenshot({ path: join(artifactsDir, 'card-strict-csp.png') });
    expect(violations).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });

  it('checks stories appended as the reader scrolls', async () => {
    const { page } = await open('/e2e/infinite-scroll.html');
    await waitForHighlights(page, 1);
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(200);
    }
    await waitForHighlights(page, 3);
    expectMarks(await highlightedTexts(page), { match: ['27.6', '4,000', '20,615'] });
    await page.close();
  });

  it('draws only the marks near the reader on a page of thousands of claims, and follows the scroll', async () => {
    const { page, errors } = await open('/e2e/many-claims.html');
    // 800 sections of three claims: more than the extension registers at once. The checker's
    // count is read in its own world (the page cannot see it).
    const world = await isolatedWorld(page);
    const timing = await waitForTimingMarks(world, (m) => checkedClaims(m) >= 2400);
    expect(checkedClaims(timing)).toBe(2400);
    /** Where the registered marks are, in viewport heights from the top of the viewport. */
    const drawn = () =>
      page.evaluate(() => {
        const ranges = [
          'kent-stats-match',
          'kent-stats-mismatch',
          'kent-stats-not-held',
          'kent-stats-unverified',
        ].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
        const tops = ranges.map((s) => {
          // Marks are fixed ranges (StaticRange): a Range over the same words measures them.
          const r = new Range();
          r.setStart(s.startContainer, s.startOffset);
          r.setEnd(s.endContainer, s.endOffset);
          return r.getBoundingClientRect().top / innerHeight;
        });
        return {
          count: ranges.length,
          inView: tops.filter((t) => t >= 0 && t < 1).length,
          // A stretch near the viewport has all its marks registered, and a stretch (one
          // run of about 8,000 characters read together) can be several screens long.
          far: tops.filter((t) => t < -10 || t > 11).length,
        };
      });
    /** Paragraphs (each one claim) whose first line is in the viewport. */
    const claimsInView = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('section p')].filter((p) => {
            const r = p.getBoundingClientRect();
            return r.top >= 0 && r.top < innerHeight;
          }).length,
      );
    await expect.poll(async () => (await drawn()).inView).toBeGreaterThan(0);
    let marks = await drawn();
    expect(marks.count).toBeLessThan(600);
    expect(marks.far).toBe(0);
    // Every claim in view is marked: three a section.
    const inViewClaims = await claimsInView();
    expect(marks.inView).toBe(inViewClaims);

    // Jump to the middle of the page: the marks follow, and the ones left behind go.
    await page.evaluate(() => document.getElementById('section-400')!.scrollIntoView());
    await expect
      .poll(async () => {
        const now = await drawn();
        return now.far === 0 && now.inView > 0;
      })
      .toBe(true);
    marks = await drawn();
    const inViewNow = await claimsInView();
    expect(marks.inView).toBe(inViewNow);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves a page with no Kent content exactly as it was, without loading the checker', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(() => {
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
    const scripts = await watchScripts(page);
    await page.goto(`${suite.server.origin}/e2e/no-kent.html`);
    // Give the extension time to start and do its cheap test.
    await page.waitForTimeout(2500);
    const result = await page.evaluate(() => ({
      mutations: (window as unknown as { __mutations: number }).__mutations,
      messages: (window as unknown as { __messages: number }).__messages,
      marks: [
        'kent-stats-match',
        'kent-stats-mismatch',
        'kent-stats-not-held',
        'kent-stats-unverified',
      ]
        .map((n) => CSS.highlights.get(n)?.size ?? 0)
        .reduce((a, b) => a + b, 0),
      ui: document.querySelectorAll('kent-stats-check, kent-stats-mark').length,
      timings: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kent-stats'))
        .length,
    }));
    expect(result).toEqual({ mutations: 0, messages: 0, marks: 0, ui: 0, timings: 0 });
    // The loader ran (it is what answers the popup) but found nothing worth the checker.
    expect(scripts.some((url) => url.endsWith('/content-scripts/content.js'))).toBe(true);
    expect(scripts.filter(isChecker)).toEqual([]);
    await page.close();
  });

  it('checks a single-page app’s Kent story when it arrives, loading the checker only then', async () => {
    const { page, errors, scripts } = await suite.openWatchingScripts('/e2e/app-shell.html');
    // The first view is about garden centres: nothing is loaded for it.
    await page.waitForTimeout(1000);
    expect(scripts.filter(isChecker)).toEqual([]);
    await waitForHighlights(page, 2);
    expectMarks(await highlightedTexts(page), { match: ['27.6', '100'] });
    expect(scripts.filter(isChecker)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cannot be detected by a page probing for the checker’s file', async () => {
    const { page } = await open('/e2e/plain-article.html');
    await waitForHighlights(page, 1);
    const probe = `chrome-extension://${suite.browser.extensionId}/checker.js`;
    const reached = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return true;
      } catch {
        return false;
      }
    }, probe);
    expect(reached).toBe(false);
    await page.close();
  });
});
