// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '@/data';
import { createEngine, type Engine } from '@/utils/engine';
import type { TrackedClaim } from '@/utils/dom/claim-index';
import { isLive } from '@/utils/dom/claim-range';
import { installHighlightApi, installStaticRange } from './browser-stand-ins';
import { PageChecker } from '@/utils/dom/page-checker';
import { PageUiController } from '@/entrypoints/checker/page-ui-controller';

const engine = createEngine(dataset);
const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

const ARTICLE = `
  <h1>Domestic abuse in Kent</h1>
  <p>Kent Police recorded <b>more than 100</b> domestic abuse crimes a day in 2021/22.</p>
  <p>Thanet has a rate of 26.7 domestic abuse offences per 1,000 population, the highest in Kent, according to Kent County Council figures.</p>
  <p>Call 0800 917 9948 for help.</p>`;

function start(options: { engine?: Engine; showUnverified?: boolean } = {}) {
  const stop = new AbortController();
  const seen: TrackedClaim[][] = [];
  let ui: PageUiController | null = null;
  const checker = new PageChecker({
    doc: document,
    engine: options.engine ?? engine,
    signal: stop.signal,
    showUnverified: options.showUnverified ?? true,
    onChange: (claims) => {
      seen.push([...claims]);
      ui?.update(checker.visibleClaims);
    },
  });
  ui = new PageUiController(document, checker, stop.signal);
  checker.start();
  return { stop, checker, seen };
}

/** The engine, and the length of the text it was given at each reading. */
function countingEngine(): { counting: Engine; read: number[] } {
  const read: number[] = [];
  const counting: Engine = {
    ...engine,
    analyseBlocks: (blocks, ctx) => {
      read.push(blocks.join('\n').length);
      return engine.analyseBlocks(blocks, ctx);
    },
  };
  return { counting, read };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the content script in a page (happy-dom, wrapper marks)', () => {
  it('marks the claims and adds its UI, then leaves the page exactly as it was when invalidated', async () => {
    document.body.innerHTML = ARTICLE;
    const original = document.body.innerHTML;
    const { stop, checker } = start();
    await vi.waitFor(() => expect(checker.claims).toHaveLength(2), { timeout: 3000 });
    const marks = [...document.querySelectorAll('kent-stats-mark')];
    expect(
      marks.map((m) => `${m.getAttribute('data-verdict')}:${m.textContent}`).join(' '),
    ).toMatch(/match:more than 100.*mismatch:26\.7/);
    expect(document.querySelector('kent-stats-check')).not.toBeNull();

    stop.abort();
    expect(document.body.innerHTML).toBe(original);

    // Nothing runs after invalidation: new content is not looked at.
    const p = document.createElement('p');
    p.textContent = 'Sevenoaks recorded 182 crimes of coercive control in 2020 and 2021.';
    document.body.append(p);
    await wait(300);
    expect(document.querySelectorAll('kent-stats-mark, kent-stats-check')).toHaveLength(0);
  });

  it('costs nothing on a page with no Kent content: no marks, no UI, no engine run', async () => {
    document.body.innerHTML = '<h1>Lemon drizzle</h1><p>Bake for 35 minutes; serves 12.</p>';
    const original = document.body.innerHTML;
    const spy = { ...engine, analyseBlocks: vi.fn(engine.analyseBlocks) };
    const { stop, checker } = start({ engine: spy });
    await wait(300);
    expect(checker.isRelevant).toBe(false);
    expect(spy.analyseBlocks).not.toHaveBeenCalled();
    expect(document.body.innerHTML).toBe(original);
    stop.abort();
  });

  it('leaves the engine unstarted on a Kent page with nothing on assault or abuse, until such text arrives', async () => {
    document.body.innerHTML =
      '<h1>What’s on in Kent</h1><p>The Maidstone food festival returns on 12 June with 40 stalls.</p>';
    const spy = {
      ...engine,
      prepare: vi.fn(engine.prepare),
      analyseBlocks: vi.fn(engine.analyseBlocks),
    };
    const { stop, checker } = start({ engine: spy });
    await wait(300);
    expect(checker.isRelevant).toBe(true);
    expect(spy.prepare).not.toHaveBeenCalled();
    expect(spy.analyseBlocks).not.toHaveBeenCalled();

    const p = document.createElement('p');
    p.textContent = 'Kent Police recorded more than 100 domestic abuse crimes a day in 2021/22.';
    document.body.append(p);
    await vi.waitFor(() => expect(checker.claims).toHaveLength(1), { timeout: 3000 });
    expect(spy.prepare).toHaveBeenCalled();
    stop.abort();
  });

  it('finds Kent context even where blocks run together in the page text', async () => {
    // textContent would read "…in KentKent Police…" and miss both.
    document.body.innerHTML =
      '<h1>Domestic abuse in Kent</h1><p>Kent Police recorded more than 100 domestic abuse crimes a day in 2021/22.</p>';
    const { stop, checker } = start();
    await vi.waitFor(() => expect(checker.claims).toHaveLength(1), { timeout: 3000 });
    expect(checker.isRelevant).toBe(true);
    stop.abort();
  });

  it('hides and shows unverified claims when the setting changes', async () => {
    document.body.innerHTML =
      '<h1>Domestic abuse in Kent</h1><p>Kent Police recorded 35,000 domestic abuse crimes in 2019.</p>';
    const { stop, checker } = start({ showUnverified: false });
    await vi.waitFor(() => expect(checker.claims).toHaveLength(1), { timeout: 3000 });
    expect(checker.claims[0]!.claim.verdict).toBe('unverified');
    expect(document.querySelectorAll('kent-stats-mark')).toHaveLength(0);
    checker.setShowUnverified(true);
    expect(document.querySelectorAll('kent-stats-mark[data-verdict="unverified"]')).toHaveLength(1);
    stop.abort();
  });

  it('never throws out of the content script when the engine fails on a malformed page', async () => {
    document.body.innerHTML = ARTICLE;
    const broken: Engine = {
      ...engine,
      analyseBlocks: () => {
        throw new Error('malformed');
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { stop, checker } = start({ engine: broken });
    await vi.waitFor(() => expect(warn).toHaveBeenCalled(), { timeout: 3000 });
    expect(checker.claims).toEqual([]);
    stop.abort();
    warn.mockRestore();
  });

  it('skips only the blocks that fail, checks the rest of the page, and logs each kind of failure once', async () => {
    // Three paragraphs the engine cannot read, one between two it can; each its own chunk.
    document.body.innerHTML = `
      <h1>Domestic abuse in Kent</h1>
      <p>Kent Police recorded more than 100 domestic abuse crimes a day in 2021/22.</p>
      <p>BROKEN one: Kent recorded 5 assaults.</p>
      <p>BROKEN two: Kent recorded 6 assaults.</p>
      <p>Thanet has a rate of 26.7 domestic abuse offences per 1,000 population, the highest in Kent, according to Kent County Council figures.</p>
      <p>BROKEN three: Kent recorded 7 assaults.</p>`;
    const failing: Engine = {
      ...engine,
      analyseBlocks: (blocks, context) => {
        // The chunk's own paragraph is the last block (those before it are context).
        if (blocks.at(-1)!.includes('BROKEN')) throw new RangeError('Maximum call stack');
        return engine.analyseBlocks(blocks, context);
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stop = new AbortController();
    const checker = new PageChecker({
      doc: document,
      engine: failing,
      signal: stop.signal,
      showUnverified: true,
      chunkChars: 60,
      onChange: () => {},
    });
    checker.start();
    await vi.waitFor(
      () => expect(checker.claims.map((t) => t.claim.mention)).toEqual(['more than 100', '26.7']),
      {
        timeout: 3000,
      },
    );
    await wait(100);
    // Three failed blocks, one line in the page's console.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/could not analyse a block/);
    stop.abort();
    warn.mockRestore();
  });

  it('goes on following the page after one batch of changes fails', async () => {
    document.body.innerHTML = ARTICLE;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { stop, checker } = start();
    await vi.waitFor(() => expect(checker.claims).toHaveLength(2), { timeout: 3000 });
    // One batch of changes cannot be followed (whatever the cause): it must not throw out of
    // the content script, and the next batch is read as usual.
    const prune = vi
      .spyOn(checker as unknown as { pruneDetached(): void }, 'pruneDetached')
      .mockImplementationOnce(() => {
        throw new Error('a batch that fails');
      });
    const first = document.createElement('p');
    first.textContent = 'Sevenoaks recorded 182 crimes of coercive control in 2020 and 2021.';
    document.body.append(first);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(String(warn.mock.calls[0]![0])).toMatch(/could not follow a change/);
    const second = document.createElement('p');
    second.textContent = 'Kent Police recorded 401 assaults on staff in 2022.';
    document.body.append(second);
    await vi.waitFor(
      () => expect(checker.claims.some((t) => second.contains(t.range.startContainer))).toBe(true),
      { timeout: 3000 },
    );
    expect(prune).toHaveBeenCalled();
    stop.abort();
    warn.mockRestore();
  });

  it('re-checks a paragraph the page rewrites, dropping the marks on text it threw away', async () => {
    document.body.innerHTML = ARTICLE;
    const { stop, checker } = start();
    await vi.waitFor(() => expect(checker.claims).toHaveLength(2), { timeout: 3000 });
    const thanet = document.querySelectorAll('p')[1]!;
    thanet.textContent =
      'Thanet has a rate of 27.6 domestic abuse offences per 1,000 population, the highest in Kent.';
    await vi.waitFor(
      () =>
        expect(checker.claims.map((t) => `${t.claim.verdict}:${t.claim.mention}`)).toContain(
          'match:27.6',
        ),
      { timeout: 3000 },
    );
    expect(checker.claims.some((t) => t.claim.mention.includes('26.7'))).toBe(false);
    stop.abort();
  });

  it('gives up fixed marks on text the page rewrites in place, and follows it with live ranges', async () => {
    // The Highlight API and StaticRange as browsers have them (happy-dom has neither), so the
    // claims hold fixed ranges and the marks are highlights.
    const { registry, restore } = installHighlightApi();
    const restoreStaticRange = installStaticRange();
    try {
      document.body.innerHTML = ARTICLE;
      const live = document.querySelectorAll('p')[0]!.lastChild as Text;
      const { stop, checker } = start();
      await vi.waitFor(() => expect(checker.claims).toHaveLength(2), { timeout: 3000 });
      const marked = () => [...registry.values()].flatMap((h) => [...h]);
      expect(marked().some(isLive)).toBe(false);
      // A live counter: the page rewrites the text after the figure, in place.
      live.data = ' domestic abuse crimes a day in 2022/23, up from 90.';
      await vi.waitFor(() => expect(checker.claims.map((t) => t.claim.mention)).toContain('90'), {
        timeout: 3000,
      });
      // No fixed range is left on the rewritten node: its claims now hold live ones, and the
      // paragraph the page left alone keeps its fixed one.
      const inLive = () =>
        marked().filter((r) => r.startContainer === live || r.endContainer === live);
      await vi.waitFor(() => expect(inLive().length).toBeGreaterThan(0), { timeout: 3000 });
      expect(inLive().every(isLive)).toBe(true);
      const thanet = checker.claims.find((t) => t.claim.mention === '26.7')!;
      expect(isLive(thanet.range)).toBe(false);
      stop.abort();
    } finally {
      restore();
      restoreStaticRange();
    }
  });

  it('drops the claims of a paragraph the page takes out, reading again only the one after it', async () => {
    document.body.innerHTML = `<main>${ARTICLE}<p>Sevenoaks averaged 1,709 domestic abuse-related calls to Kent Police between 2017 and 2021.</p></main>`;
    const { counting, read } = countingEngine();
    const { stop, checker } = start({ engine: counting });
    await vi.waitFor(() => expect(checker.claims).toHaveLength(3), { timeout: 3000 });
    const main = document.querySelector('main')!;
    const whole = main.textContent!.length;
    read.length = 0;
    document.querySelectorAll('p')[1]!.remove();
    await vi.waitFor(
      () => expect(checker.claims.map((t) => t.claim.mention)).toEqual(['more than 100', '1,709']),
      { timeout: 3000 },
    );
    // An ad slot or a live page drops elements all the time: the article is not read again
    // for each, only the paragraph that had the dropped one before it (its context).
    await wait(200);
    expect(read.length).toBeGreaterThan(0);
    expect(Math.max(...read)).toBeLessThan(whole / 2);
    stop.abort();
  });

  // Issue 13: one paragraph of 120 KB was read in one go, in one task that froze the tab.
  it('reads a paragraph too big for one slice part by part, and finds every claim the whole read finds', async () => {
    const text = `Kent ${Array.from({ length: 3000 }, (_, i) => `${i} assaults`).join(', ')}`;
    document.title = 'Kent crime data';
    document.body.innerHTML = `<p>${text}</p>`;
    const whole = engine.analyseBlocks([text], { title: document.title });
    const { counting, read } = countingEngine();
    const { stop, checker } = start({ engine: counting });
    await vi.waitFor(() => expect(checker.claims.length).toBe(whole.length), { timeout: 20_000 });
    // No reading of the engine's took in more than a part and its context (2,000 + 600).
    expect(read.length).toBeGreaterThan(text.length / 2_600);
    expect(Math.max(...read)).toBeLessThanOrEqual(2_600);
    expect(checker.claims.map((t) => [t.claim.numberStart, t.range.toString()])).toEqual(
      whole.map((c) => [c.numberStart, c.mention]),
    );
    stop.abort();
    document.title = '';
  }, 30_000);

  it('checks a selection inside a paragraph too big for one slice by reading only the text around it', async () => {
    const same =
      'Kent Police recorded more than 100 domestic abuse-related crimes every day in 2021/22. ';
    const odd =
      'Sevenoaks averaged 1,790 domestic abuse-related calls to Kent Police a year between 2017 and 2021. ';
    const text = Array.from({ length: 600 }, (_, i) => (i === 300 ? odd : same)).join('');
    document.title = 'Domestic abuse in Kent';
    document.body.innerHTML = `<p>${text}</p>`;
    const { counting, read } = countingEngine();
    const { stop, checker } = start({ engine: counting });
    await vi.waitFor(() => expect(checker.claims.length).toBe(600), { timeout: 20_000 });
    read.length = 0;
    // The reader selects "1,790" (here, without the highlight API, inside a wrapper mark).
    const walker = document.createTreeWalker(document.querySelector('p')!, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode() as Text;
    while (!node.data.includes('1,790')) node = walker.nextNode() as Text;
    const at = node.data.indexOf('1,790');
    const selection = document.createRange();
    selection.setStart(node, at);
    selection.setEnd(node, at + 5);
    const around = checker.claimsAround(selection);
    const hit = around.find(({ range }) => range.toString().includes('1,790'));
    expect(hit?.claim.verdict).toBe('mismatch');
    expect(hit?.claim.official?.value).toBe(1709);
    // One reading of a part either side of the selection, not all 53,000 characters.
    expect(read.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2 * 1_000 + 200);
    stop.abort();
    document.title = '';
  }, 30_000);

  // Issue 13: a page put the extension's UI marker on its article, and it was never read.
  it('reads an article that carries the UI marker attribute, and skips only its own UI', async () => {
    document.body.innerHTML = `<article data-kent-stats-ui>${ARTICLE}</article>`;
    const { stop, checker } = start();
    await vi.waitFor(() => expect(checker.claims).toHaveLength(2), { timeout: 3000 });
    // Its own UI host is still never read, nor watched: words put in it (its shadow root is
    // closed, so in its light DOM) are skipped, while the same words added to the page at
    // the same moment are read.
    const host = document.querySelector('kent-stats-check');
    expect(host).not.toBeNull();
    const words = 'Kent Police recorded 100 crimes a day.';
    host!.append(document.createTextNode(words));
    document.body.append(Object.assign(document.createElement('p'), { textContent: words }));
    await vi.waitFor(() => expect(checker.claims).toHaveLength(3), { timeout: 3000 });
    expect(checker.claims.filter((t) => host!.contains(t.range.startContainer))).toEqual([]);
    stop.abort();
  });
});
