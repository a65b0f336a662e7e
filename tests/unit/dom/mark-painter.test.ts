// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '@/utils/engine';
import { ClaimIndex } from '@/utils/dom/claim-index';
import { WRAPPER_TAG } from '@/utils/dom/highlight';
import { MarkPainter } from '@/utils/dom/mark-painter';
import { installHighlightApi } from './browser-stand-ins';

/**
 * An IntersectionObserver the test drives: it reports only elements it was asked to observe,
 * as a browser's does, so a paragraph the painter never watched can never come near.
 */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element): void {
    this.observed.add(el);
  }
  unobserve(el: Element): void {
    this.observed.delete(el);
  }
  disconnect(): void {
    this.observed.clear();
  }
  /** The reader scrolled `el` near the viewport. */
  bringNear(el: Element): void {
    if (this.observed.has(el))
      this.callback([{ target: el, isIntersecting: true } as IntersectionObserverEntry]);
  }
}

const realObserver = window.IntersectionObserver;
afterEach(() => {
  window.IntersectionObserver = realObserver;
  document.body.replaceChildren();
});

/** A paragraph holding one figure, and its claim with `verdict`. */
function paragraph(verdict: Claim['verdict']): { p: HTMLElement; claim: Claim; range: Range } {
  const p = document.createElement('p');
  p.textContent = 'Kent Police recorded 100 crimes a day.';
  document.body.append(p);
  const range = document.createRange();
  range.setStart(p.firstChild!, 21);
  range.setEnd(p.firstChild!, 24);
  return { p, claim: { verdict } as Claim, range };
}

describe('MarkPainter on a long page (the mark window)', () => {
  it('watches a paragraph whose claims are all hidden, so showing unverified claims marks it when the reader reaches it', () => {
    window.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
    // More claims than are ever registered at once: the painter opens its window.
    const { claims, painter } = paintedPage(2_100);
    expect(FakeObserver.last).not.toBeNull();

    // Read after the window opened: a paragraph with only an unverified figure, hidden.
    const hidden = paragraph('unverified');
    painter.add(claims.add(hidden.claim, hidden.range, hidden.p), { sentinels: [hidden.p] });
    painter.flush(true);

    painter.setShowUnverified(true);
    FakeObserver.last!.bringNear(hidden.p);
    const mark = hidden.p.querySelector(WRAPPER_TAG);
    expect(mark?.textContent).toBe('100');
    expect(mark?.getAttribute('data-verdict')).toBe('unverified');
  });
});

/**
 * The Highlight API, with Highlights that count the work of taking ranges out as Firefox's
 * does: one range out costs as much as the ranges the highlight holds (taken out one by one,
 * 1,800 marks made a task of 300 ms there), all of them at once as much as one pass.
 */
function installFirefoxLikeHighlights(): ReturnType<typeof installHighlightApi> & {
  work: { done: number };
} {
  const api = installHighlightApi();
  const work = { done: 0 };
  Object.defineProperty(window, 'Highlight', {
    value: class extends Set<AbstractRange> {
      priority = 0;
      override delete(range: AbstractRange): boolean {
        work.done += this.size;
        return super.delete(range);
      }
      override clear(): void {
        work.done += this.size;
        super.clear();
      }
    },
    configurable: true,
  });
  return { ...api, work };
}

/** A painter holding `count` claims in paragraphs of their own, all drawn; `first` is the first's. */
function paintedPage(count: number, verdict: Claim['verdict'] = 'match') {
  const claims = new ClaimIndex();
  const painter = new MarkPainter({
    doc: document,
    claims,
    showUnverified: verdict === 'unverified',
    strongMarks: false,
  });
  const add = (n: number) => {
    for (let i = 0; i < n; i++) {
      const { p, claim, range } = paragraph(verdict);
      painter.add(claims.add(claim, range, p), { sentinels: [p] });
    }
  };
  add(count);
  painter.flush(true);
  const first = claims.all[0]!;
  return { claims, painter, add, first: { p: first.root, range: first.range } };
}

describe('MarkPainter taking many marks off at once', () => {
  let highlights: ReturnType<typeof installFirefoxLikeHighlights>;
  beforeEach(() => {
    highlights = installFirefoxLikeHighlights();
  });
  afterEach(() => highlights.restore());

  it('opens its window in work that grows with the marks shown, and draws a paragraph again when it comes near', () => {
    window.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
    const { registry, work } = highlights;
    const { painter, first, add } = paintedPage(1_500);
    const shown = registry.get('kent-stats-match')!;
    expect(shown.size).toBe(1_500);
    // More claims than are ever registered at once: the window opens, and every mark
    // goes until the paragraphs near the viewport are reported.
    add(600);
    work.done = 0;
    painter.flush(true);
    expect(FakeObserver.last).not.toBeNull();
    expect(shown.size).toBe(0);
    expect(work.done).toBeLessThanOrEqual(2 * 1_500);
    // The highlight is still the page's registered one: a paragraph that comes near is
    // drawn in it again.
    FakeObserver.last!.bringNear(first.p);
    expect([...registry.get('kent-stats-match')!]).toEqual([first.range]);
  });

  it('clears for a new look at the page in work that grows with the marks shown, and draws the new look’s marks', () => {
    const { registry, work } = highlights;
    const { claims, painter } = paintedPage(1_500);
    work.done = 0;
    painter.clear();
    claims.clear();
    expect(registry.get('kent-stats-match')!.size).toBe(0);
    expect(work.done).toBeLessThanOrEqual(2 * 1_500);
    const again = paragraph('mismatch');
    painter.add(claims.add(again.claim, again.range, again.p), { sentinels: [again.p] });
    painter.flush(true);
    expect([...registry.get('kent-stats-mismatch')!]).toEqual([again.range]);
  });

  it('hides the unverified marks shown in work that grows with their number, and shows them again', () => {
    const { registry, work } = highlights;
    const { painter } = paintedPage(1_500, 'unverified');
    const shown = registry.get('kent-stats-unverified')!;
    expect(shown.size).toBe(1_500);
    work.done = 0;
    painter.setShowUnverified(false);
    expect(shown.size).toBe(0);
    expect(work.done).toBeLessThanOrEqual(2 * 1_500);
    painter.setShowUnverified(true);
    expect(registry.get('kent-stats-unverified')!.size).toBe(1_500);
  });
});
