// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blocksBefore, iterateRuns, MAX_RUN_ELEMENTS } from '@/utils/dom/chunk';

/** Every run of the page at once (the checker takes them one idle slice at a time). */
const chunkRuns = (root: Element, max: number, isOwn: (el: Element) => boolean) =>
  [...iterateRuns(root, max, isOwn)].filter((run): run is Element[] => run !== null);

const chunkRoots = (root: Element, max: number, isOwn: (el: Element) => boolean) =>
  chunkRuns(root, max, isOwn).flat();
const textBefore = (root: Element, count: number, maxChars?: number) =>
  blocksBefore(root, count, maxChars).map((b) => b.text);

describe('chunkRoots', () => {
  it('descends into large containers and keeps small blocks whole', () => {
    const article = document.createElement('article');
    for (let i = 0; i < 4; i++) {
      const p = document.createElement('p');
      p.textContent = `Paragraph ${i} `.repeat(20);
      article.append(p);
    }
    document.body.replaceChildren(article);
    const roots = chunkRoots(document.body, 300, () => false);
    expect(roots.map((r) => r.tagName)).toEqual(['P', 'P', 'P', 'P']);
  });

  it('never splits inline-only content or content with its own text between children', () => {
    const p = document.createElement('p');
    p.append(
      'Kent Police logged ',
      Object.assign(document.createElement('strong'), { textContent: '27.6' }),
      ' per 1,000 '.repeat(50),
    );
    const div = document.createElement('div');
    div.append('loose text ', document.createElement('p'), 'x'.repeat(500));
    document.body.replaceChildren(p, div);
    const roots = chunkRoots(document.body, 100, () => false);
    expect(roots).toEqual([p, div]);
  });

  it('leaves out scripts, styles and the extension’s own UI', () => {
    const script = document.createElement('script');
    script.textContent = 'var x = 1;'.repeat(100);
    const ui = document.createElement('div');
    ui.setAttribute('data-kent-stats-ui', '');
    ui.textContent = '12 figures checked'.repeat(20);
    const p = document.createElement('p');
    p.textContent = 'Kent';
    document.body.replaceChildren(script, ui, p);
    expect(chunkRoots(document.body, 50, (el) => el.hasAttribute('data-kent-stats-ui'))).toEqual([
      p,
    ]);
  });
});

describe('chunkRuns', () => {
  it('groups neighbouring small blocks into runs of about the chunk size', () => {
    const article = document.createElement('article');
    for (let i = 0; i < 10; i++) {
      const p = document.createElement('p');
      p.textContent = 'x'.repeat(40);
      article.append(p);
    }
    document.body.replaceChildren(article);
    const runs = chunkRuns(document.body, 100, () => false);
    expect(runs.map((r) => r.length)).toEqual([2, 2, 2, 2, 2]);
    expect(runs.flat()).toEqual([...article.children]);
  });

  it('cuts a run of many tiny blocks by their number, so no run costs a long task', () => {
    const article = document.createElement('article');
    for (let i = 0; i < MAX_RUN_ELEMENTS * 2 + 5; i++) {
      const p = document.createElement('p');
      p.textContent = 'x';
      article.append(p);
    }
    document.body.replaceChildren(article);
    // 405 characters: more than a run holds, so the container is descended into.
    const runs = chunkRuns(document.body, 300, () => false);
    expect(runs.map((r) => r.length)).toEqual([MAX_RUN_ELEMENTS, MAX_RUN_ELEMENTS, 5]);
    expect(runs.flat()).toEqual([...article.children]);
  });
});

describe('textBefore', () => {
  it('gives the nearest preceding blocks in reading order, across parents', () => {
    document.body.innerHTML =
      '<h1>Domestic abuse in Kent</h1><section><p>First.</p><p>Second.</p></section><section><p id="t">Target.</p></section>';
    const target = document.getElementById('t')!;
    expect(textBefore(target, 1)).toEqual(['Second.']);
    expect(textBefore(target, 3)).toEqual(['Domestic abuse in Kent', 'First.', 'Second.']);
    expect(textBefore(document.querySelector('h1')!, 2)).toEqual([]);
  });

  it('skips scripts and cuts long blocks to their end', () => {
    document.body.innerHTML = `<p>${'x'.repeat(50)}Kent.</p><script>var a = 1;</script><p id="t">Target.</p>`;
    expect(textBefore(document.getElementById('t')!, 3, 10)).toEqual(['xxxxxKent.']);
  });
});
