// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  claimRange,
  compareStarts,
  isDetached,
  isLive,
  liveRange,
  overlaps,
} from '@/utils/dom/claim-range';
import { installStaticRange } from './browser-stand-ins';

/**
 * A fixed range as browsers make it (happy-dom has no StaticRange): offsets that nothing
 * updates when the page changes.
 */
function fixed(node: Node, start: number, end: number): AbstractRange {
  return {
    startContainer: node,
    startOffset: start,
    endContainer: node,
    endOffset: end,
    collapsed: start === end,
  };
}

function paragraphs(...texts: string[]): Text[] {
  document.body.replaceChildren(
    ...texts.map((t) => Object.assign(document.createElement('p'), { textContent: t })),
  );
  return [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
}

describe('claim ranges', () => {
  it('are fixed where the browser has StaticRange and live where the wrapper marks need them', () => {
    const [text] = paragraphs('Kent Police recorded 1,790 calls.');
    const made: StaticRangeInit[] = [];
    const restore = installStaticRange(made);
    try {
      const start = { node: text!, offset: 21 };
      const end = { node: text!, offset: 26 };
      expect(isLive(claimRange(document, start, end, false))).toBe(false);
      expect(made).toHaveLength(1);
      // Wrapper marks split text nodes: only a live Range follows the split.
      const live = claimRange(document, start, end, true);
      expect(isLive(live) && live.toString()).toBe('1,790');
      expect(made).toHaveLength(1);
    } finally {
      restore();
    }
  });

  it('read the same words through a live Range, or none once the page shortened the text', () => {
    const [text] = paragraphs('Kent Police recorded 1,790 calls.');
    expect(liveRange(fixed(text!, 21, 26))?.toString()).toBe('1,790');
    text!.data = 'Kent Police';
    expect(liveRange(fixed(text!, 21, 26))).toBeNull();
  });

  it('count as detached when their node left the page or no longer holds their offsets', () => {
    const [a, b] = paragraphs('Kent Police recorded 1,790 calls.', 'Thanet: 27.6 per 1,000.');
    const first = fixed(a!, 21, 26);
    const second = fixed(b!, 8, 12);
    expect(isDetached(first)).toBe(false);
    expect(isDetached(second)).toBe(false);
    a!.data = 'Kent Police';
    expect(isDetached(first)).toBe(true);
    b!.parentElement!.remove();
    expect(isDetached(second)).toBe(true);
  });

  it('sort into page order and tell when they share words', () => {
    const [a, b] = paragraphs('Kent Police recorded 1,790 calls.', 'Thanet: 27.6 per 1,000.');
    const ranges = [fixed(b!, 8, 12), fixed(a!, 21, 26), fixed(a!, 0, 4)];
    expect(ranges.sort(compareStarts).map((r) => liveRange(r)!.toString())).toEqual([
      'Kent',
      '1,790',
      '27.6',
    ]);
    expect(overlaps(fixed(a!, 21, 26), fixed(a!, 25, 30))).toBe(true);
    expect(overlaps(fixed(a!, 21, 26), fixed(a!, 26, 30))).toBe(false);
    expect(overlaps(fixed(a!, 21, 26), fixed(b!, 0, 4))).toBe(false);
  });
});
