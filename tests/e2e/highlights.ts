/** Reading the extension's named highlights from the page, as tools outside the project do. */
import type { Page } from 'playwright-core';

export type HighlightTexts = Record<'match' | 'mismatch' | 'not-held' | 'unverified', string[]>;

export async function highlightedTexts(page: Page): Promise<HighlightTexts> {
  return page.evaluate(() => {
    const read = (name: string) =>
      [...(CSS.highlights.get(name) ?? [])]
        // Marks are fixed ranges (StaticRange): a Range over the same words reads them.
        .map((s) => {
          const r = new Range();
          r.setStart(s.startContainer, s.startOffset);
          r.setEnd(s.endContainer, s.endOffset);
          return r.toString().replace(/\s+/g, ' ').trim();
        })
        .sort((a, b) => a.localeCompare(b));
    return {
      match: read('kent-stats-match'),
      mismatch: read('kent-stats-mismatch'),
      'not-held': read('kent-stats-not-held'),
      unverified: read('kent-stats-unverified'),
    };
  });
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
