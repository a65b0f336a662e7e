import { BLOCK_TAGS, extractBlocks } from './extract';

/**
 * Splits a page into pieces small enough to extract and analyse within one idle slice.
 * Large containers are descended into; a container whose own text sits between its
 * children (rare in articles) is kept whole, so no text is ever skipped.
 */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CODE',
  'PRE',
  'TEXTAREA',
  'SELECT',
]);

export function chunkRoots(
  root: Element,
  maxChars: number,
  isOwn: (el: Element) => boolean,
): Element[] {
  return chunkRuns(root, maxChars, isOwn).flat();
}

/**
 * The page as runs of neighbouring elements, each run at most about `maxChars` of text: a
 * long article of short paragraphs becomes a few dozen runs, not thousands of one-paragraph
 * chunks (each chunk costs a call to the engine and a look at the text before it).
 */
export function chunkRuns(
  root: Element,
  maxChars: number,
  isOwn: (el: Element) => boolean,
): Element[][] {
  const out: Element[][] = [];
  const visit = (el: Element) => {
    if (SKIP.has(el.tagName.toUpperCase()) || isOwn(el)) return;
    const length = el.textContent?.length ?? 0;
    if (length === 0) return;
    if (length <= maxChars || !hasBlockChild(el) || hasOwnText(el)) {
      out.push([el]);
      return;
    }
    let run: Element[] = [];
    let runChars = 0;
    const flush = () => {
      if (run.length > 0) out.push(run);
      run = [];
      runChars = 0;
    };
    for (const child of Array.from(el.children)) {
      if (SKIP.has(child.tagName.toUpperCase()) || isOwn(child)) continue;
      const size = child.textContent?.length ?? 0;
      if (size === 0) continue;
      if (size > maxChars) {
        flush();
        visit(child);
        continue;
      }
      if (runChars + size > maxChars) flush();
      run.push(child);
      runChars += size;
    }
    flush();
  };
  visit(root);
  return out;
}

/** Inline-only content is one flow of sentences: splitting it would cut sentences apart. */
function hasBlockChild(el: Element): boolean {
  for (const child of Array.from(el.children))
    if (BLOCK_TAGS.has(child.tagName.toUpperCase())) return true;
  return false;
}

function hasOwnText(el: Element): boolean {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * The text just before a root, as the engine would have seen it in a whole-page read: the
 * nearest preceding blocks (up to `count`, each cut to its last `maxChars`). A paragraph
 * looked at on its own (a chunk, a re-rendered or appended paragraph) then still reads its
 * topic and place from the sentences before it.
 */
export function textBefore(root: Element, count: number, maxChars = 600): string[] {
  return blocksBefore(root, count, maxChars).map((b) => b.text);
}

export interface BlockBefore {
  text: string;
  /** True when the block is a heading (h1–h6), which the engine reads as a section title. */
  heading: boolean;
}

/** `textBefore` with each block marked as a heading or not. */
export function blocksBefore(root: Element, count: number, maxChars = 600): BlockBefore[] {
  const out: BlockBefore[] = [];
  let el: Element | null = root;
  while (el && out.length < count) {
    for (
      let prev = el.previousElementSibling;
      prev && out.length < count;
      prev = prev.previousElementSibling
    ) {
      if (SKIP.has(prev.tagName.toUpperCase())) continue;
      // A big container before us: its last part is what came just before.
      let source: Element = prev;
      while (source.childElementCount > 20 && source.lastElementChild)
        source = source.lastElementChild;
      const heading = /^H[1-6]$/.test(source.tagName.toUpperCase());
      const blocks = extractBlocks(source, { rootOnly: true }).blocks;
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
