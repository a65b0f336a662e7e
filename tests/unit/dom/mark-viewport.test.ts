// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TrackedClaim } from '@/utils/dom/claim-index';
import type { Highlighter, HighlightVerdict } from '@/utils/dom/highlight';
import { ViewportMarks } from '@/utils/dom/mark-viewport';

/**
 * One paragraph of 20,000 claims, a line each, 20 px apart (the 5 MB text node of issue 13):
 * its marks are registered by position, never all together.
 */
function bigParagraph(lines: number) {
  let scrollY = 0;
  const measured = { count: 0 };
  const root = document.createElement('p');
  root.getBoundingClientRect = () => ({ top: -scrollY, bottom: lines * 20 - scrollY }) as DOMRect;
  document.body.replaceChildren(root);
  const claims: TrackedClaim[] = Array.from({ length: lines }, (_, i) => ({
    id: `claim-${i}`,
    root,
    claim: { verdict: i % 7 === 0 ? 'mismatch' : 'match' } as TrackedClaim['claim'],
    range: {
      getBoundingClientRect: () => {
        measured.count++;
        const top = i * 20 - scrollY;
        return { top, bottom: top + 18 } as DOMRect;
      },
    } as unknown as Range,
  }));
  const registered = new Map<AbstractRange, HighlightVerdict>();
  const highlighter = {
    add: (range: AbstractRange, verdict: HighlightVerdict) => registered.set(range, verdict),
    remove: (range: AbstractRange) => registered.delete(range),
  } as unknown as Highlighter;
  const frames: FrameRequestCallback[] = [];
  const win = Object.assign(Object.create(window) as Window, {
    innerHeight: 800,
    requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb),
    cancelAnimationFrame: () => {},
    addEventListener: window.addEventListener.bind(window),
  });
  const marks = new ViewportMarks({
    win,
    highlighter: () => highlighter,
    isShown: () => true,
    claimsOf: () => claims,
  });
  const frame = () => frames.splice(0).forEach((cb) => cb(0));
  return {
    root,
    claims,
    marks,
    registered,
    measured,
    frame,
    scrollTo(y: number) {
      scrollY = y;
      window.dispatchEvent(new Event('scroll'));
    },
  };
}

describe('ViewportMarks', () => {
  it('registers only the marks within a screen of the viewport, measuring a few claims', () => {
    const page = bigParagraph(20_000);
    page.marks.show(page.root);
    expect(page.registered.size).toBe(0); // nothing until the next frame
    page.frame();
    // A screen above (none: at the top), the screen and one below: lines 0 to 80.
    expect(page.registered.size).toBe(81);
    expect(page.registered.has(page.claims[0]!.range)).toBe(true);
    expect(page.registered.has(page.claims[81]!.range)).toBe(false);
    expect(page.registered.get(page.claims[7]!.range)).toBe('mismatch');
    // A binary search: dozens of measurements, not one per claim.
    expect(page.measured.count).toBeLessThan(30);
  });

  it('leaves the marks alone while the reader scrolls within half a screen of where they were put', () => {
    const page = bigParagraph(20_000);
    page.marks.show(page.root);
    page.frame();
    const before = new Set(page.registered.keys());
    page.measured.count = 0;
    page.scrollTo(300);
    page.frame();
    // Every change to the marks repaints the whole paragraph: none, and nothing measured.
    expect(new Set(page.registered.keys())).toEqual(before);
    expect(page.measured.count).toBe(0);
    page.scrollTo(500); // past half a screen: the marks move with the reader
    page.frame();
    expect(page.registered.has(page.claims[100]!.range)).toBe(true);
  });

  it('follows the reader’s scrolling a frame later, and lets every mark go when hidden', () => {
    const page = bigParagraph(20_000);
    page.marks.show(page.root);
    page.frame();
    page.scrollTo(200_000); // line 10,000 at the top of the viewport
    page.frame();
    expect(page.registered.has(page.claims[0]!.range)).toBe(false);
    expect(page.registered.has(page.claims[10_000]!.range)).toBe(true);
    expect(page.registered.has(page.claims[9_961]!.range)).toBe(true); // 780 px above
    expect(page.registered.has(page.claims[9_950]!.range)).toBe(false);
    expect(page.registered.size).toBe(121);
    page.marks.hide(page.root);
    expect(page.registered.size).toBe(0);
    page.scrollTo(0);
    page.frame();
    expect(page.registered.size).toBe(0);
  });
});
