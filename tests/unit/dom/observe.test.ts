// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { observePage } from '@/utils/dom/observe';

const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const isOwn = (node: Node) => {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return Boolean(el?.closest('[data-kent-stats-ui]'));
};

let stop = new AbortController();
afterEach(() => stop.abort());

describe('observePage', () => {
  it('hands over the paragraph around added content, outside the observer callback', async () => {
    stop = new AbortController();
    document.body.innerHTML = '<article id="a"></article>';
    const seen: Element[][] = [];
    observePage(document, {
      isOwn,
      onRoots: (r) => seen.push(r),
      onResume: () => {},
      signal: stop.signal,
      flushDelayMs: 5,
    });
    const p = document.createElement('p');
    p.innerHTML = 'More than <b>100</b> crimes a day';
    document.getElementById('a')!.append(p);
    expect(seen).toEqual([]); // nothing happens synchronously
    await wait(30);
    expect(seen).toEqual([[p]]);
  });

  it('hands over the block after one taken out, and the paragraph around text taken out', async () => {
    stop = new AbortController();
    document.body.innerHTML =
      '<main><p id="a">Kent: <b>100</b> crimes.</p><aside id="ad">Advert</aside><p id="b">More.</p></main>';
    const seen: Array<[string[], string[], string[]]> = [];
    const names = (els: Element[]) => els.map((r) => r.id || r.tagName);
    observePage(document, {
      isOwn,
      onRoots: (roots, removal) =>
        seen.push([names(roots), names(removal.from), names(removal.nodes)]),
      onResume: () => {},
      signal: stop.signal,
      flushDelayMs: 5,
    });
    document.getElementById('ad')!.remove();
    await wait(30);
    // The article's other text is as it was: not the whole <main> again.
    expect(seen).toEqual([[['b'], ['MAIN'], ['ad']]]);
    document.querySelector('b')!.remove();
    await wait(30);
    expect(seen[1]).toEqual([['a'], [], ['B']]);
    // A block taken out before a container: the container's first paragraph, not all of it.
    const clock = document.createElement('p');
    document.body.prepend(clock);
    await wait(30);
    clock.remove();
    await wait(30);
    expect(seen[3]).toEqual([['a'], ['BODY'], ['P']]);
  });

  it('ignores changes to the extension’s own UI', async () => {
    stop = new AbortController();
    document.body.innerHTML = '<div data-kent-stats-ui id="ui"></div>';
    const seen: Element[][] = [];
    observePage(document, {
      isOwn,
      onRoots: (r) => seen.push(r),
      onResume: () => {},
      signal: stop.signal,
      flushDelayMs: 5,
    });
    document.getElementById('ui')!.append(document.createElement('span'));
    const host = document.createElement('kent-stats-check');
    host.setAttribute('data-kent-stats-ui', '');
    document.body.append(host);
    await wait(30);
    expect(seen).toEqual([]);
  });

  it('backs off from a page that keeps rewriting itself, then resumes with a whole-page look', async () => {
    stop = new AbortController();
    document.body.innerHTML = '<p id="ticker">0</p>';
    let flushes = 0;
    let resumes = 0;
    const state = observePage(document, {
      isOwn,
      onRoots: () => flushes++,
      onResume: () => resumes++,
      signal: stop.signal,
      flushDelayMs: 1,
      windowMs: 1000,
      maxFlushesPerWindow: 3,
      backoffMs: 80,
    });
    const ticker = document.getElementById('ticker')!;
    for (let i = 0; i < 10; i++) {
      ticker.textContent = String(i);
      await wait(8);
    }
    expect(state.backingOff).toBe(true);
    expect(flushes).toBe(3);
    await wait(120);
    expect(state.backingOff).toBe(false);
    expect(resumes).toBe(1);
  });

  it('hands over the text nodes the page changes in place, and those of the batch that trips the breaker', async () => {
    stop = new AbortController();
    document.body.innerHTML = '<p id="live">Kent: 100 crimes a day.</p><p id="other">More.</p>';
    const live = document.getElementById('live')!.firstChild as Text;
    const edited: Node[][] = [];
    const backoffs: Node[][] = [];
    observePage(document, {
      isOwn,
      onRoots: (_roots, _removal, nodes) => edited.push(nodes),
      onBackoff: (nodes) => backoffs.push(nodes),
      onResume: () => {},
      signal: stop.signal,
      flushDelayMs: 1,
      windowMs: 1000,
      maxFlushesPerWindow: 2,
      backoffMs: 5000,
    });
    live.data = 'Kent: 101 crimes a day.';
    live.data = 'Kent: 102 crimes a day.';
    await wait(15);
    // The same node once per batch; a paragraph's new text node is no node changed in place.
    expect(edited).toEqual([[live]]);
    document.getElementById('other')!.textContent = 'Less.';
    await wait(15);
    expect(edited[1]).toEqual([]);
    live.data = 'Kent: 103 crimes a day.';
    await wait(15);
    // The third batch trips the breaker: nothing is read, but the node it changed is named.
    expect(edited).toHaveLength(2);
    expect(backoffs).toEqual([[live]]);
  });

  it('stops observing when its signal aborts', async () => {
    stop = new AbortController();
    document.body.innerHTML = '<p id="p">x</p>';
    let flushes = 0;
    observePage(document, {
      isOwn,
      onRoots: () => flushes++,
      onResume: () => {},
      signal: stop.signal,
      flushDelayMs: 1,
    });
    stop.abort();
    document.getElementById('p')!.textContent = 'y';
    await wait(20);
    expect(flushes).toBe(0);
  });
});
