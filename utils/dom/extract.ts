/**
 * Text blocks of a page, with an exact map back to the DOM. Shared by the content script
 * (which highlights claims with Ranges) and the CLI (which runs it in happy-dom), so both
 * read a page the same way.
 *
 * A block is the text of one block-level element, gathered with a TreeWalker over text
 * nodes: text split across inline elements (`<strong>27.6</strong> per <a>1,000</a>`) stays
 * one block. Whitespace is folded as a browser renders it, and every character of a block
 * keeps its (Text node, offset) origin, so offsets found by the engine become Ranges.
 * Reads only: never writes to the page, never parses or writes HTML.
 */
import type { PageContext } from '../engine/types';
import { BLOCK_TAGS, HEADING_TAGS, SKIP_TAGS } from './elements';
import type { FailureLog } from './failures';
import { publicationDate } from './publication-date';
import { claimRange } from './claim-range';

/** A run of block characters copied one-to-one from a text node. */
export interface TextSegment {
  node: Text;
  /** Offsets in the block: [start, end). */
  start: number;
  end: number;
  /** Offset in `node.data` of the block character at `start`. */
  nodeOffset: number;
}

export interface ExtractOptions {
  /** Only read the page context (title, headings, date, URL), not the blocks. */
  contextOnly?: boolean;
  /** Extra elements to skip (the caller's own UI, for instance). */
  skip?: (el: Element) => boolean;
  /**
   * Read only the headings inside the root, not the document's title, date and address:
   * a caller that reads a page chunk by chunk has those already, and reading them again
   * for every chunk would scan the whole document each time.
   */
  rootOnly?: boolean;
  /** Where a JSON-LD item that cannot be read is reported (once per kind per page). */
  failures?: FailureLog;
  /**
   * The first headings only, at most this many: the page's context keeps a dozen, and reading
   * all 2,618 headings of a 5 MB article to keep them cost about 50 ms more in Firefox.
   */
  maxHeadings?: number;
  /** False: the caller reads the publication date apart (it is a pass over the whole page). */
  date?: boolean;
}

export interface Extracted {
  blocks: string[];
  segments: TextSegment[][];
  context: PageContext;
}

// DOM constants by value: Node has no NodeFilter global, and the values are fixed by the spec.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
/**
 * Words joined by single plain spaces: text that is copied as it stands, in one piece. Any
 * other whitespace (a run of spaces, a line break, a no-break space: `\s`, as the browser
 * folds it) lies between two such stretches. Most text is one stretch per text node, so a
 * 5 MB text node costs a handful of copies, not one per word. `\S` and the space never
 * overlap, so the pattern cannot backtrack.
 */
const WORDS = /\S+(?: \S+)*/g;

function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

/**
 * True for elements whose subtree is not read: code, form fields, hidden UI, and what `extra`
 * says (the caller's own UI, known by identity: an attribute the page could copy onto its
 * article to hide it from the checker).
 */
export function isSkipped(el: Element, extra?: (el: Element) => boolean): boolean {
  if (SKIP_TAGS.has(tagOf(el))) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  return extra ? extra(el) : false;
}

function isDocument(node: Element | Document): node is Document {
  return node.nodeType === DOCUMENT_NODE;
}

/**
 * Builds the blocks of one subtree. Text is copied a stretch of words at a time (see
 * `WORDS`), not one string per character or per word: on a 500 KB page, character by
 * character cost more than walking the whole page and scanning it for numbers, and word by
 * word a 5 MB text node took a task of 300 ms in Chromium.
 */
class BlockBuilder {
  readonly blocks: string[] = [];
  readonly segments: TextSegment[][] = [];
  private parts: string[] = [];
  /** Characters in `parts`, i.e. the offset in the block of the next one. */
  private length = 0;
  private segs: TextSegment[] = [];
  private open: TextSegment | null = null;
  private pendingSpace = false;
  private pendingAt: { node: Text; offset: number } | null = null;

  /** Ends the current block (an element boundary or a new block ancestor). */
  flush(): void {
    this.open = null;
    this.pendingSpace = false;
    if (this.length > 0) {
      this.blocks.push(this.parts.join(''));
      this.segments.push(this.segs);
    }
    this.parts = [];
    this.length = 0;
    this.segs = [];
  }

  /** A line break or similar: whitespace between words that comes from no text node. */
  space(): void {
    if (this.length > 0 && !this.pendingSpace) {
      this.pendingSpace = true;
      this.pendingAt = null;
    }
  }

  text(node: Text): void {
    const data = node.data;
    let end = 0;
    WORDS.lastIndex = 0;
    for (let m = WORDS.exec(data); m; m = WORDS.exec(data)) {
      // Whitespace before the words (anything but one plain space between two of them)
      // folds to one space, mapped to its first character.
      if (m.index > end) this.gap(node, end);
      this.word(node, m.index, m[0]);
      end = m.index + m[0].length;
    }
    if (data.length > end) this.gap(node, end);
  }

  /** A run of whitespace at `offset` of `node`: one space is owed before the next word. */
  private gap(node: Text, offset: number): void {
    if (this.length > 0 && !this.pendingSpace) {
      this.pendingSpace = true;
      this.pendingAt = { node, offset };
    }
  }

  /** Text of `node` from `offset` (no whitespace at either end), after any space owed before it. */
  private word(node: Text, offset: number, text: string): void {
    if (this.pendingSpace) {
      this.pendingSpace = false;
      if (this.pendingAt) this.push(this.pendingAt.node, this.pendingAt.offset, ' ');
      else {
        this.parts.push(' ');
        this.length += 1;
        this.open = null;
      }
    }
    this.push(node, offset, text);
  }

  private push(node: Text, offset: number, text: string): void {
    const at = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (
      this.open &&
      this.open.node === node &&
      this.open.nodeOffset + (this.open.end - this.open.start) === offset
    ) {
      this.open.end = this.length;
      return;
    }
    this.open = { node, start: at, end: this.length, nodeOffset: offset };
    this.segs.push(this.open);
  }
}

/**
 * Text blocks of `root` (a document reads its body) with their offset maps, and the page
 * context. Works in browsers and in happy-dom.
 */
export function extractBlocks(root: Element | Document, opts: ExtractOptions = {}): Extracted {
  if (opts.rootOnly && !isDocument(root) && root.childElementCount === 0) return leafBlocks(root);
  const doc = isDocument(root) ? root : root.ownerDocument;
  const start: Element | null = isDocument(root) ? (root.body ?? root.documentElement) : root;
  const context = readContext(doc, start, opts);
  if (opts.contextOnly || !start) return { blocks: [], segments: [], context };

  const builder = new BlockBuilder();
  const blockOf = new Map<Node, Element>();
  const nearestBlock = (node: Node): Element => {
    const parent = node.parentNode;
    if (!parent || parent.nodeType !== ELEMENT_NODE || node === start) return start;
    const known = blockOf.get(parent);
    if (known) return known;
    const el = parent as Element;
    const block = el === start || BLOCK_TAGS.has(tagOf(el)) ? el : nearestBlock(el);
    blockOf.set(parent, block);
    return block;
  };

  const walker = doc.createTreeWalker(start, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node: Node) =>
      node.nodeType === ELEMENT_NODE && node !== start && isSkipped(node as Element, opts.skip)
        ? FILTER_REJECT
        : FILTER_ACCEPT,
  });
  let current: Element | null = null;
  for (let node: Node | null = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === ELEMENT_NODE) {
      const tag = tagOf(node as Element);
      if (tag === 'BR' || tag === 'WBR' || tag === 'IMG') builder.space();
      else if (BLOCK_TAGS.has(tag)) current = null; // entering a block: the next text starts anew
      continue;
    }
    if (node.nodeType !== TEXT_NODE) continue;
    const block = nearestBlock(node);
    if (block !== current) {
      builder.flush();
      current = block;
    }
    builder.text(node as Text);
  }
  builder.flush();
  return { blocks: builder.blocks, segments: builder.segments, context };
}

/**
 * The one block of an element with no elements inside (most paragraphs of a page split): its
 * text nodes, with no walker, no map of blocks and no look for headings. A page of 100,000
 * one-word paragraphs made a walker and a map for each, and the garbage of that made
 * collections of over 20 ms inside one run's reading in Chromium. Gives what the walk gives.
 */
function leafBlocks(root: Element): Extracted {
  const builder = new BlockBuilder();
  for (let node = root.firstChild; node; node = node.nextSibling)
    if (node.nodeType === TEXT_NODE) builder.text(node as Text);
  builder.flush();
  return { blocks: builder.blocks, segments: builder.segments, context: {} };
}

/**
 * The block of an element with no elements inside (most roots a page split gives), read with
 * one native call and no Text node touched: the text `leafBlocks` gives, or '' when it gives
 * none; null when its text is longer than `limit`. A content script's first touch of a node
 * makes a wrapper for it, kept in a table of the isolated world and swept by every collection
 * after; most paragraphs of a page hold no claim and never need their map, which
 * `leafSegments` makes when one does.
 */
export function leafText(root: Element, limit = Infinity): string | null {
  const text = root.textContent ?? '';
  if (text.length > limit) return null;
  // Most paragraphs have nothing to fold: the string is kept, not copied.
  return FOLDABLE.test(text) ? fold(text) : text;
}

/** Whitespace the blocks fold: a run, a character other than a space, or at either end. */
const FOLDABLE = /\s\s|[^\S ]|^\s|\s$/;

/**
 * The map to the page of a leaf's block read by `leafText`, or null when the element no
 * longer reads `text` (the page changed it since, or it holds text that is not a Text node's,
 * as a CDATA section in SVG).
 */
export function leafSegments(root: Element, text: string): TextSegment[] | null {
  const { blocks, segments } = leafBlocks(root);
  return blocks.length === 1 && blocks[0] === text ? segments[0]! : null;
}

/**
 * A DOM range over block offsets [start, end), or null when they map to no text; fixed unless
 * `live` says so of the text node it starts or ends in (see claim-range.ts).
 */
export function rangeFor(
  segments: readonly TextSegment[],
  start: number,
  end: number,
  doc: Document,
  live: (node: Node) => boolean = () => false,
): AbstractRange | null {
  if (segments.length === 0 || end <= start) return null;
  const first = segmentAtOrAfter(segments, start);
  const last = segmentAtOrBefore(segments, end - 1);
  if (!first || !last) return null;
  return claimRange(
    doc,
    { node: first.node, offset: first.nodeOffset + Math.max(0, start - first.start) },
    { node: last.node, offset: last.nodeOffset + Math.min(last.end, end) - last.start },
    live(first.node) || live(last.node),
  );
}

/**
 * The block offset of a DOM position (`rangeFor`'s inverse), or null when the position is not
 * in the block's text (an element boundary, a node the block does not read). A position in
 * whitespace the block folded away gives the offset of the text next to it.
 */
export function blockOffsetOf(
  segments: readonly TextSegment[],
  node: Node,
  offset: number,
): number | null {
  let best: number | null = null;
  for (const s of segments) {
    if (s.node !== node) continue;
    const into = offset - s.nodeOffset;
    if (into >= 0 && into <= s.end - s.start) return s.start + into;
    if (into > 0) best = s.end;
    else return best ?? s.start;
  }
  return best;
}

function segmentAtOrAfter(segments: readonly TextSegment[], pos: number): TextSegment | null {
  let lo = 0;
  let hi = segments.length - 1;
  let found: TextSegment | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (s.end > pos) {
      found = s;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

function segmentAtOrBefore(segments: readonly TextSegment[], pos: number): TextSegment | null {
  let lo = 0;
  let hi = segments.length - 1;
  let found: TextSegment | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (s.start <= pos) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function fold(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of an element as the blocks would read it (skipped parts left out). */
function visibleText(el: Element, opts: ExtractOptions): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) parts.push((child as Text).data);
      else if (child.nodeType === ELEMENT_NODE && !isSkipped(child as Element, opts.skip)) {
        if (tagOf(child as Element) === 'BR') parts.push(' ');
        walk(child);
      }
    }
  };
  walk(el);
  return fold(parts.join(''));
}

function readContext(doc: Document, root: Element | null, opts: ExtractOptions): PageContext {
  const context: PageContext = {};
  const headings: string[] = [];
  // A paragraph with no elements inside (most roots a page split gives) holds no heading:
  // no need to ask, once per paragraph, for every heading under it.
  if (root?.firstElementChild) {
    for (const el of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
      if (!HEADING_TAGS.has(tagOf(el)) || hiddenByAncestor(el, root, opts)) continue;
      const text = visibleText(el, opts);
      if (text) headings.push(text);
      if (headings.length >= (opts.maxHeadings ?? Infinity)) break;
    }
  }
  if (headings.length > 0) context.headings = headings;
  if (opts.rootOnly) return context;
  const h1 = root?.querySelector('h1');
  const title = fold(doc.title) || (h1 ? visibleText(h1, opts) : '');
  if (title) context.title = title;
  const date = opts.date === false ? undefined : publicationDate(doc, opts.failures);
  if (date) context.date = date;
  const url = doc.URL;
  if (url && !url.startsWith('about:')) context.url = url;
  return context;
}

function hiddenByAncestor(el: Element, root: Element, opts: ExtractOptions): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement)
    if (isSkipped(e, opts.skip)) return true;
  return false;
}
