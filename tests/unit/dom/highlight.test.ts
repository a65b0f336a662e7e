// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHighlighter, STRONG_ATTRIBUTE, WRAPPER_TAG } from '@/utils/dom/highlight';

function rangeOver(root: Node, text: string): Range {
  // Finds `text` across the root's text nodes and returns a range over it.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const full = nodes.map((n) => n.data).join('');
  const at = full.indexOf(text);
  const locate = (offset: number, end: boolean) => {
    let seen = 0;
    for (const node of nodes) {
      if (offset < seen + node.length || (end && offset === seen + node.length))
        return { node, offset: offset - seen };
      seen += node.length;
    }
    throw new Error('offset out of range');
  };
  const start = locate(at, false);
  const stop = locate(at + text.length, true);
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(stop.node, stop.offset);
  return range;
}

describe('wrapper highlights (browsers without the Highlight API)', () => {
  it('wraps a figure split across inline elements and unwraps it to the same page', () => {
    document.body.innerHTML =
      '<p id="p">Thanet: <strong>27.6</strong> per <a href="#">1,000</a> people.</p>';
    const p = document.getElementById('p')!;
    const before = p.outerHTML;
    const highlighter = createHighlighter(document);
    expect(highlighter.native).toBe(false);
    highlighter.add(rangeOver(p, '27.6 per 1,000'), 'mismatch');
    const marks = [...p.querySelectorAll(WRAPPER_TAG)];
    expect(marks.map((m) => m.textContent).join('')).toBe('27.6 per 1,000');
    expect(marks.every((m) => m.getAttribute('data-verdict') === 'mismatch')).toBe(true);
    // The page's own elements are still there, in place.
    expect(p.querySelector('strong')?.textContent).toBe('27.6');
    expect(p.querySelector('a')?.textContent).toBe('1,000');
    highlighter.clear();
    expect(p.outerHTML).toBe(before);
  });

  it('shows the stronger style on every mark, old and new, and takes it away again', () => {
    document.body.innerHTML = '<p id="p">Thanet: 27.6 per 1,000 and Swale: 401 people.</p>';
    const p = document.getElementById('p')!;
    const highlighter = createHighlighter(document);
    highlighter.add(rangeOver(p, '27.6'), 'match');
    highlighter.setStrong(true);
    highlighter.add(rangeOver(p, '401'), 'mismatch');
    const strong = () =>
      [...p.querySelectorAll(WRAPPER_TAG)].map((m) => m.hasAttribute(STRONG_ATTRIBUTE));
    expect(strong()).toEqual([true, true]);
    highlighter.setStrong(false);
    expect(strong()).toEqual([false, false]);
    highlighter.clear();
  });

  it('takes off the marks of one verdict at once, leaving the others and the page’s text', () => {
    document.body.innerHTML = '<p id="p">Thanet: 27.6 per 1,000 and Swale: 401 people.</p>';
    const p = document.getElementById('p')!;
    const text = p.textContent;
    const highlighter = createHighlighter(document);
    highlighter.add(rangeOver(p, '27.6'), 'unverified');
    highlighter.add(rangeOver(p, '401'), 'mismatch');
    highlighter.empty('unverified');
    const marks = [...p.querySelectorAll(WRAPPER_TAG)];
    expect(marks.map((m) => [m.textContent, m.getAttribute('data-verdict')])).toEqual([
      ['401', 'mismatch'],
    ]);
    highlighter.empty();
    expect(p.querySelectorAll(WRAPPER_TAG)).toHaveLength(0);
    expect(p.textContent).toBe(text);
    expect(p.childNodes).toHaveLength(1);
  });
});

// Issue 13: a page that registered `kent-stats-match` first had its own highlight reused, so
// the ranges it added to it showed as "agrees".
describe('native highlights (a fake registry: happy-dom has none)', () => {
  it('never paints into a highlight the page registered under its names, nor removes a newer one', () => {
    class FakeHighlight extends Set<Range> {}
    const registry = new Map<string, FakeHighlight>();
    const fakeDoc = {
      defaultView: { CSS: { highlights: registry }, Highlight: FakeHighlight },
    } as unknown as Document;
    const pages = new FakeHighlight();
    registry.set('kent-stats-match', pages);
    document.body.innerHTML = '<p id="p">Kent recorded 100 crimes.</p>';
    const highlighter = createHighlighter(fakeDoc);
    expect(highlighter.native).toBe(true);
    const range = rangeOver(document.getElementById('p')!, '100');
    highlighter.add(range, 'match');
    expect(pages.size).toBe(0);
    const own = registry.get('kent-stats-match')!;
    expect(own).not.toBe(pages);
    expect([...own]).toEqual([range]);
    // A newer copy of the checker took the name: clearing leaves its registration alone.
    const newer = createHighlighter(fakeDoc);
    highlighter.clear();
    expect(registry.get('kent-stats-match')).toBeDefined();
    newer.clear();
    expect(registry.has('kent-stats-match')).toBe(false);
  });
});
