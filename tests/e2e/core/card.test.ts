/**
 * The card, in Chromium and in Firefox: opened by a click or the pointer on a mark (in a
 * paragraph of hundreds too) or from the keyboard, beside the words, styled by its own
 * shadow root, announced as a dialog, closed by Escape, and out of the page's reach in a
 * closed shadow root.
 */
import { expect, it } from 'vitest';
import { HOVER_CLOSE_MS, HOVER_OPEN_MS } from '@/entrypoints/checker/hover-timing';
import { eachBrowser } from './each-browser';
import { clickInUi, focusInUi, uiFocusedClass, waitInUi } from '../browsers/ui-root';
import { centreOf, markBoxScript, type MarkBox } from '../highlights';
import { markCentre, uiState, waitForMarks, waitForUi } from './page-helpers';

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

eachBrowser('the card', (b) => {
  it('opens on a click, beside the words, with the official figure and its source', async () => {
    const { page, errors } = await b.session.open(b.url('/e2e/plain-article.html'));
    await waitForMarks(page, 6);
    const point = await markCentre(page, 'mismatch', '1,790');
    await page.mouse.click(point.x, point.y);
    await waitForUi(page, 'card');
    const { card, visibleHosts } = await uiState(page);
    expect(visibleHosts).toBe(1);
    expect(card!.role).toBe('dialog');
    expect(card!.text).toContain('Differs from the official figure');
    expect(card!.text).toContain('1,709');
    expect(card!.text).toContain('Kent County Council');
    // Beside the words, never over them, and inside the window.
    expect(point.y < card!.box.top || point.y > card!.box.bottom).toBe(true);
    expect(card!.box.left).toBeGreaterThanOrEqual(0);
    expect(card!.box.right).toBeLessThanOrEqual(page.viewport()!.width);
    // Its styles reach it inside the shadow root: an opaque card, not the page showing through.
    expect(card!.background).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    await page.keyboard.press('Escape');
    await waitForUi(page, 'no-card');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays where a click opened it: no scroll, and no other card over it', async () => {
    const { page, errors } = await b.session.open(b.url('/e2e/plain-article.html'));
    await page.setViewport({ width: page.viewport()!.width, height: 400 });
    await waitForMarks(page, 6);
    // The mark low in the window, as a reader finds one while reading down a page.
    const markBox = async () =>
      (await page.evaluate(markBoxScript(['kent-stats-mismatch'], '1,790', false))) as MarkBox;
    const top = (await markBox()).first.top;
    await page.evaluate(
      (y) => window.scrollTo({ top: y, behavior: 'instant' as ScrollBehavior }),
      (await page.evaluate(() => window.scrollY)) + top - 320,
    );
    const point = centreOf(await markBox());
    expect(point.y).toBeGreaterThan(300);
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.mouse.click(point.x, point.y);
    await waitForUi(page, 'card');
    // The words the reader clicked stay under their pointer.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    // Longer than the hover delay: the pointer resting on the words changes nothing.
    await wait(HOVER_OPEN_MS * 2);
    expect((await uiState(page)).card?.text).toContain('1,790');
    // Resting on other words that are marked, then leaving all marks, neither replaces nor
    // closes a card the reader opened on purpose (a card opened by hovering would go).
    const other = await markCentre(page, 'match', '27.6');
    await page.mouse.move(other.x, other.y, { steps: 4 });
    await wait(HOVER_OPEN_MS * 2);
    expect((await uiState(page)).card?.text).toContain('1,790');
    await page.mouse.move(2, other.y, { steps: 4 });
    await wait(HOVER_CLOSE_MS * 2);
    expect((await uiState(page)).card?.text).toContain('1,790');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens on the pointer over one figure of a paragraph of hundreds', async () => {
    // The pointer's claim is found by the caret's offset among the paragraph's 800 claims
    // (one text node), not by measuring each of them: on a 5 MB paragraph that froze the
    // page for 30 s a mouse move.
    const { page, errors } = await b.session.open(b.url('/e2e/data-dump.html'));
    await waitForMarks(page, 800);
    const point = await page.evaluate(() => {
      const mark = [...(CSS.highlights.get('kent-stats-mismatch') ?? [])][0]!;
      // Marks are fixed ranges (StaticRange): a Range over the same words measures them.
      const range = new Range();
      range.setStart(mark.startContainer, mark.startOffset);
      range.setEnd(mark.endContainer, mark.endOffset);
      const first = range.getClientRects()[0]!;
      window.scrollBy(0, first.top - innerHeight / 2);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await waitForUi(page, 'card');
    const { card } = await uiState(page);
    expect(card!.text).toContain('1,790');
    expect(card!.text).toContain('1,709');
    expect(card!.text).toContain('Sevenoaks');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a keyboard user reach the claims and open a card', async () => {
    const { page, errors } = await b.session.open(b.url('/e2e/plain-article.html'));
    await waitForMarks(page, 6);
    await waitForUi(page, 'toggle');
    expect((await uiState(page)).toggle).toMatch(/^\d+ figures checked$/);
    await focusInUi(page, '.ksc-toggle');
    await page.keyboard.press('Enter');
    // Worst news first: the mismatch leads the list.
    await waitInUi(
      page,
      (root) => root?.querySelector('.ksc-list__item')?.textContent?.includes('1,790') ?? false,
      null,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForUi(page, 'card');
    await expect.poll(async () => (await uiState(page)).card?.focused).toBe(true);
    expect((await uiState(page)).card!.text).toContain('1,709');
    await page.keyboard.press('Escape');
    await waitForUi(page, 'no-card');
    // Focus goes back to the control the reader came from.
    await expect.poll(() => uiFocusedClass(page)).toBe('ksc-toggle');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays open on a click inside it and closes on a click elsewhere on the page', async () => {
    const { page, errors } = await b.session.open(b.url('/e2e/plain-article.html'));
    await waitForMarks(page, 6);
    const point = await markCentre(page, 'mismatch', '1,790');
    await page.mouse.click(point.x, point.y);
    await waitForUi(page, 'card');
    // The page's listener sees this click at the host only; the card knows it for its own.
    await clickInUi(page, '.card__verdict');
    const card = (await uiState(page)).card;
    expect(card, 'the card after a click inside it').not.toBeNull();
    expect(card!.text).toContain('1,709');
    // A corner of the page with no mark and none of the UI.
    await page.mouse.click(4, 4);
    await waitForUi(page, 'no-card');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the open card out of the page’s reach: its scripts find no shadow root and none of its text', async () => {
    const { page, errors } = await b.session.open(b.url('/e2e/plain-article.html'), () => {
      // The page's own listener, from its first script: what its clicks tell it of the UI.
      const w = window as unknown as { __clickPaths: string[][] };
      w.__clickPaths = [];
      document.addEventListener('click', (e) =>
        w.__clickPaths.push(
          e.composedPath().map((n) => (n instanceof Element ? n.localName : (n as Node).nodeName)),
        ),
      );
    });
    await waitForMarks(page, 6);
    const point = await markCentre(page, 'mismatch', '1,790');
    await page.mouse.click(point.x, point.y);
    await waitForUi(page, 'card');
    // What the reader sees (the official figure the article does not print)...
    const shown = (await uiState(page)).card!.text;
    expect(shown).toContain('1,709');
    expect(shown).toContain('Differs from the official figure');
    // ...and a click of the reader's inside the card, which leaves it open.
    await clickInUi(page, '.card__verdict');
    await waitForUi(page, 'card');
    // Everything a page script can try from the page's own world.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('kent-stats-check')!;
      return {
        shadowRoot: host.shadowRoot === null ? 'null' : 'a root',
        text: [
          document.body.innerText,
          document.documentElement.outerHTML,
          document.documentElement.textContent ?? '',
          host.shadowRoot?.textContent ?? '',
          host.shadowRoot?.innerHTML ?? '',
          document.querySelector('.ksc-card')?.textContent ?? '',
          document.activeElement?.shadowRoot?.textContent ?? '',
        ].join('\n'),
        clickPaths: (window as unknown as { __clickPaths: string[][] }).__clickPaths,
      };
    });
    expect(seen.shadowRoot).toBe('null');
    expect(seen.text).not.toContain('1,709');
    expect(seen.text).not.toContain('Differs from the official figure');
    // The click inside the card reached the page's listener retargeted to the host: the path
    // it sees starts at the host, with nothing of the card's inside.
    expect(seen.clickPaths.at(-1)?.[0]).toBe('kent-stats-check');
    expect(seen.clickPaths.at(-1)?.slice(0, 2)).toEqual(['kent-stats-check', 'body']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
