// @vitest-environment happy-dom
/**
 * The accuracy sets read the way the extension reads a page: the page checker, in small
 * chunks (runs of a few paragraphs, the blocks before each as context, huge runs in parts),
 * not the CLI's one pass over the whole text. Held to the same targets as the whole-page
 * scores of `accuracy.test.ts`, so a claim that is right in the CLI and wrong in the browser
 * (a heading or a period lost between chunks) fails here.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataset } from '@/data';
import { createEngine } from '@/utils/engine';
import { extractBlocks } from '@/utils/dom/extract';
import { supportsHighlightApi } from '@/utils/dom/highlight';
import { PageChecker } from '@/utils/dom/page-checker';
import { CHECKED_MARK, clearTimingMarks, getTimingMark } from '@/utils/dom/timing-marks';
import { isOwnNode } from '@/utils/dom/shadow-host';
import { installHighlightApi } from './dom/browser-stand-ins';
import {
  problems,
  scoreSet,
  visibleText,
  type PageReading,
  type SetScore,
} from '../accuracy/score';

const engine = createEngine(dataset);
/** Small enough that every golden page is read in several chunks. */
const CHUNK_CHARS = 400;

/** Puts a whole HTML document into the test's document (scripts are not run). */
function loadIntoDocument(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(
    ...[...parsed.head.childNodes].map((n) => document.importNode(n, true)),
  );
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)),
  );
}

async function readWithPageChecker(html: string): Promise<PageReading> {
  loadIntoDocument(html);
  const { blocks, segments } = extractBlocks(document, { skip: isOwnNode });
  const { visible, starts } = visibleText(blocks);
  // Where each text node's characters sit in the visible text.
  const located = new Map<Node, Array<{ nodeOffset: number; at: number; length: number }>>();
  segments.forEach((block, b) => {
    for (const s of block) {
      const list = located.get(s.node) ?? [];
      list.push({ nodeOffset: s.nodeOffset, at: starts[b]! + s.start, length: s.end - s.start });
      located.set(s.node, list);
    }
  });
  const offsetOf = (range: AbstractRange): number => {
    for (const s of located.get(range.startContainer) ?? []) {
      const k = range.startOffset - s.nodeOffset;
      if (k >= 0 && k < s.length) return s.at + k;
    }
    return -1;
  };

  clearTimingMarks();
  const stop = new AbortController();
  const checker = new PageChecker({
    doc: document,
    engine,
    signal: stop.signal,
    showUnverified: true,
    chunkChars: CHUNK_CHARS,
    onChange: () => {},
  });
  checker.start();
  await vi.waitFor(
    () => {
      // A page with nothing to check is never read, so it never sets the mark.
      const done = getTimingMark(CHECKED_MARK) !== undefined;
      expect(done || !checker.isRelevant).toBe(true);
    },
    { timeout: 20_000, interval: 20 },
  );
  const found = checker.claims.map(({ claim, range }) => {
    const at = offsetOf(range);
    // The range covers the claim's words; the number sits inside them.
    const start = at < 0 ? -1 : at + claim.numberStart - claim.start;
    return { claim, start, end: start + claim.numberEnd - claim.numberStart };
  });
  stop.abort();
  return { visible, found };
}

let golden: SetScore;
let real: SetScore;
let peer: SetScore;

beforeAll(async () => {
  // The checker then takes the browser's path and leaves the page's text nodes as they were,
  // so ranges map back to the visible text.
  installHighlightApi();
  expect(supportsHighlightApi(window)).toBe(true);
  golden = await scoreSet(engine, 'pages', readWithPageChecker);
  real = await scoreSet(engine, 'real', readWithPageChecker);
  peer = await scoreSet(engine, 'peer', readWithPageChecker);
}, 300_000);

afterEach(() => {
  document.body.replaceChildren();
});

describe('the accuracy sets read by the page checker in chunks of 400 characters', () => {
  it('never calls a figure different that its labels do not, on any set', () => {
    expect([...golden.falseDiffers, ...real.falseDiffers, ...peer.falseDiffers]).toEqual([]);
  });

  it('meets the golden pages’ targets', () => {
    expect(golden.pages).toBeGreaterThanOrEqual(50);
    expect(golden.foundRecall, problems(golden)).toBeGreaterThanOrEqual(0.95);
    expect(golden.foundPrecision, problems(golden)).toBeGreaterThanOrEqual(0.97);
    expect(golden.verdictAccuracy, problems(golden)).toBeGreaterThanOrEqual(0.95);
  });

  it('meets the real text’s targets: checked recall ≥ 0.95, precision ≥ 0.97', () => {
    expect(real.held).toBeGreaterThanOrEqual(15);
    expect(real.checkedRecall, problems(real)).toBeGreaterThanOrEqual(0.95);
    expect(real.checkedPrecision, problems(real)).toBeGreaterThanOrEqual(0.97);
  });

  it('checks nothing against a record on the peer negatives', () => {
    expect(peer.checked, problems(peer)).toBe(0);
  });
});
