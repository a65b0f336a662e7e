/** Reading the extension's named highlights from the page, as tools outside the project do. */
import type { Page } from 'playwright-core';

export type HighlightTexts = Record<'match' | 'mismatch' | 'not-held' | 'unverified', string[]>;

/**
 * Page-side code: a function giving a live Range over a mark's words, or null when its
 * offsets no longer fit its text (the browser then draws nothing). Marks are fixed ranges
 * (StaticRange), which can be neither read nor measured themselves.
 */
const RANGE_OF_MARK = `((s) => {
  try {
    const r = new Range();
    r.setStart(s.startContainer, s.startOffset);
    r.setEnd(s.endContainer, s.endOffset);
    return r;
  } catch {
    return null;
  }
})`;

/**
 * Page-side code, as a string either browser driver evaluates: the text of every mark, by
 * verdict, whitespace folded, sorted.
 */
export const MARK_TEXTS_SCRIPT = `(() => {
  const read = (name) =>
    [...(CSS.highlights.get(name) ?? [])]
      .map((s) => (${RANGE_OF_MARK}(s)?.toString() ?? '').replace(/\\s+/g, ' ').trim())
      .sort((a, b) => a.localeCompare(b));
  return {
    match: read('kent-stats-match'),
    mismatch: read('kent-stats-mismatch'),
    'not-held': read('kent-stats-not-held'),
    unverified: read('kent-stats-unverified'),
  };
})()`;

/**
 * Page-side code, as a string either browser driver evaluates: each mark whose words are not a
 * whole number with its words (a digit right before or after it, or none in it), with the
 * text around it.
 */
export const MISPLACED_MARKS_SCRIPT = `(() =>
  ['kent-stats-match', 'kent-stats-mismatch', 'kent-stats-not-held', 'kent-stats-unverified']
    .flatMap((n) => [...(CSS.highlights.get(n) ?? [])])
    // A live range over text the page replaced collapses: it draws nothing.
    .filter((s) => !s.collapsed && s.startContainer.isConnected && s.endContainer.isConnected)
    .flatMap((s) => {
      const r = ${RANGE_OF_MARK}(s);
      if (!r) return [];
      const text = r.toString();
      const node = s.startContainer;
      const before = node.nodeType === 3 ? node.data.slice(0, s.startOffset) : '';
      const end = s.endContainer;
      const after = end.nodeType === 3 ? end.data.slice(s.endOffset) : '';
      const whole = /\\d/.test(text) && !/\\d$/.test(before) && !/^\\d/.test(after);
      return whole ? [] : [before.slice(-20) + '[' + text + ']' + after.slice(0, 20)];
    }))()`;

export async function highlightedTexts(page: Page): Promise<HighlightTexts> {
  return (await page.evaluate(MARK_TEXTS_SCRIPT)) as HighlightTexts;
}

/** Waits until the extension has marked at least `min` claims in all. */
export async function waitForHighlights(page: Page, min = 1): Promise<void> {
  await page.waitForFunction(
    (n) =>
      ['kent-stats-match', 'kent-stats-mismatch', 'kent-stats-not-held', 'kent-stats-unverified']
        .map((name) => CSS.highlights.get(name)?.size ?? 0)
        .reduce((a, b) => a + b, 0) >= n,
    min,
    { timeout: 15_000 },
  );
}

/** Boxes of a mark in viewport pixels: its first line's, and the whole mark's. */
export interface MarkBox {
  first: { left: number; top: number; width: number; height: number };
  whole: { top: number; bottom: number };
  viewportHeight: number;
}

/**
 * Page-side code, as a string either browser driver evaluates (Playwright's or Puppeteer's
 * page): the boxes of the first mark among the highlights `names` whose text includes
 * `number`, scrolled to the middle of the view first when `scroll`; null when there is none.
 */
export function markBoxScript(names: readonly string[], number: string, scroll: boolean): string {
  return `(() => {
    const range = ${JSON.stringify(names)}
      .flatMap((n) => [...(CSS.highlights.get(n) ?? [])])
      .map(${RANGE_OF_MARK})
      .find((r) => r?.toString().includes(${JSON.stringify(number)}));
    if (!range) return null;
    if (${scroll}) range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const first = range.getClientRects()[0];
    const whole = range.getBoundingClientRect();
    return {
      first: { left: first.left, top: first.top, width: first.width, height: first.height },
      whole: { top: whole.top, bottom: whole.bottom },
      viewportHeight: innerHeight,
    };
  })()`;
}

/** The centre of a mark's first line. */
export function centreOf(box: MarkBox): { x: number; y: number } {
  return { x: box.first.left + box.first.width / 2, y: box.first.top + box.first.height / 2 };
}
