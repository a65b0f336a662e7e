/**
 * Splits a page into pieces small enough to extract and analyse within one idle slice.
 * Large containers are descended into; a container whose own text sits between its
 * children (rare in articles) is kept whole, so no text is ever skipped.
 */
import { BLOCK_TAGS, isSkippedTag } from './elements';
import { extractBlocks, leafText } from './extract';

/** Nodes looked at between two pauses of `iterateRuns`: well under a millisecond of work. */
const NODES_PER_PAUSE = 1000;
/**
 * Elements in one run, at most. Reading a run costs something per element (its extraction,
 * its map to the page) as well as per character: a run of 8,000 one-letter paragraphs took a
 * task of over 100 ms in Chromium, though its text fits a run (tests/bench/NOTES.md).
 */
export const MAX_RUN_ELEMENTS = 200;

/**
 * The page as runs of neighbouring elements, each run at most about `maxChars` of text and
 * `MAX_RUN_ELEMENTS` elements (a long
 * article of short paragraphs becomes a few dozen runs, not thousands of one-paragraph chunks:
 * each chunk costs a call to the engine and a look at the text before it), one run at a time,
 * so a caller can split a huge page across idle slices. Even
 * looking once at each child of a container of 40,000 paragraphs takes tens of milliseconds
 * in a content script, so the walk also yields `null` every so often: a pause at which the
 * caller may stop for this slice and resume later. Sizes are measured only up to `maxChars`
 * (no `textContent` of a whole container). A container's children are read live, one by
 * one; an element is never yielded twice, and content changed behind the walk is the
 * observer's to report. `isOwn` is asked of each element the walk meets, top down from
 * `root`: an element that is itself the caller's own is skipped with all inside it.
 */
export function* iterateRuns(
  root: Element,
  maxChars: number,
  isOwn: (el: Element) => boolean,
): Generator<Element[] | null, void, undefined> {
  let looked = 0;
  // A Set, not a WeakSet: it lives only as long as the walk, and adding the 55,000
  // paragraphs of a 5 MB article to a WeakSet took 130 ms in Chromium, to a Set a few.
  const yielded = new Set<Element>();
  const skipped = (el: Element) => isSkippedTag(el) || isOwn(el);

  /** Text of the element's own between its children (not just indentation whitespace). */
  function* hasOwnText(el: Element): Generator<null, boolean, undefined> {
    // Children that are all elements (minified markup, a page built by script) hold no text
    // of their own: two native counts instead of a walk of every child.
    if (el.childNodes.length === el.childElementCount) return false;
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (++looked % NODES_PER_PAUSE === 0) yield null;
      if (node.nodeType === 3 && !isBlank((node as Text).data)) return true;
    }
    return false;
  }

  function* visit(el: Element): Generator<Element[] | null, void, undefined> {
    if (skipped(el) || yielded.has(el)) return;
    const length = textLength(el, maxChars);
    if (length === 0) return;
    if (length <= maxChars || !hasBlockChild(el) || (yield* hasOwnText(el))) {
      yielded.add(el);
      yield [el];
      return;
    }
    let run: Element[] = [];
    let runChars = 0;
    const flush = () => {
      for (const e of run) yielded.add(e);
      const done = run;
      run = [];
      runChars = 0;
      return done;
    };
    const children = el.children;
    for (let i = 0; i < children.length; i++) {
      if (++looked % NODES_PER_PAUSE === 0) yield null;
      const child = children[i]!;
      if (skipped(child) || yielded.has(child)) continue;
      const size = textLength(child, maxChars);
      if (size === 0) continue;
      if (size > maxChars) {
        if (run.length > 0) yield flush();
        yield* visit(child);
        continue;
      }
      if (runChars + size > maxChars || run.length >= MAX_RUN_ELEMENTS) yield flush();
      run.push(child);
      runChars += size;
    }
    if (run.length > 0) yield flush();
  }
  yield* visit(root);
}

/** The length of an element's text, counted only until it passes `limit`. */
function textLength(el: Element, limit: number): number {
  // Most elements met are paragraphs with no child elements: their text is their own text
  // nodes, and one native call is cheaper than a walk.
  if (el.childElementCount === 0) return el.textContent?.length ?? 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let length = 0;
  for (let node = walker.nextNode(); node && length <= limit; node = walker.nextNode())
    length += (node as Text).data.length;
  return length;
}

/** Inline-only content is one flow of sentences: splitting it would cut sentences apart. */
function hasBlockChild(el: Element): boolean {
  // Walked, not `Array.from(el.children)`: a container of 40,000 paragraphs answers at its first.
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (BLOCK_TAGS.has(child.tagName.toUpperCase())) return true;
  return false;
}

/** No regex per node: a big container has tens of thousands of whitespace nodes to look at. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12 && c !== 160) return false;
  }
  return true;
}

export interface BlockBefore {
  text: string;
  /** True when the block is a heading (h1–h6), which the engine reads as a section title. */
  heading: boolean;
}

/**
 * The blocks just before a root, as the engine would have seen it in a whole-page read: the
 * nearest preceding blocks (up to `count`, each cut to its last `maxChars`). A paragraph
 * looked at on its own (a chunk, a re-rendered or appended paragraph) then still reads its
 * topic and place from the sentences before it.
 * Each block is marked as a heading or not (the engine reads headings as section titles).
 */
export function blocksBefore(root: Element, count: number, maxChars = 600): BlockBefore[] {
  const out: BlockBefore[] = [];
  let el: Element | null = root;
  while (el && out.length < count) {
    for (
      let prev = el.previousElementSibling;
      prev && out.length < count;
      prev = prev.previousElementSibling
    ) {
      if (isSkippedTag(prev)) continue;
      // A big container before us: its last part is what came just before.
      let source: Element = prev;
      while (source.childElementCount > 20 && source.lastElementChild)
        source = source.lastElementChild;
      const heading = /^H[1-6]$/.test(source.tagName.toUpperCase());
      const blocks =
        source.childElementCount === 0
          ? [leafText(source) ?? '']
          : extractBlocks(source, { rootOnly: true }).blocks;
      for (let i = blocks.length - 1; i >= 0 && out.length < count; i--) {
        const text = blocks[i]!.trim();
        if (text !== '')
          out.unshift({ text: text.length > maxChars ? text.slice(-maxChars) : text, heading });
      }
    }
    el = el.parentElement;
    if (!el || el.tagName.toUpperCase() === 'BODY') break;
  }
  return out;
}
