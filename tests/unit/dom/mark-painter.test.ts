// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Claim } from '@/utils/engine';
import { ClaimIndex } from '@/utils/dom/claim-index';
import { WRAPPER_TAG } from '@/utils/dom/highlight';
import { MarkPainter } from '@/utils/dom/mark-painter';

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
    const claims = new ClaimIndex();
    const painter = new MarkPainter({
      doc: document,
      claims,
      showUnverified: false,
      strongMarks: false,
    });
    // More claims than are ever registered at once: the painter opens its window.
    for (let i = 0; i < 2_100; i++) {
      const { p, claim, range } = paragraph('match');
      painter.add(claims.add(claim, range, p), { sentinels: [p] });
    }
    painter.flush(true);
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
