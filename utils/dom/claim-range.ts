/**
 * Where a claim's words are in the page. Where the marks are CSS highlights, a claim holds
 * its place as fixed offsets (a `StaticRange`), not as a live `Range`: the browser updates
 * every live Range of a document on every change to the page's nodes, whoever makes it. With
 * 40,000 claims held as live Ranges, 2,000 changes made by the page's own script (a clock's
 * text, an element added and removed) took Chromium 39–47 s instead of 9 ms
 * (tests/bench/NOTES.md). A fixed range costs the page nothing when it changes; the checker
 * reads a changed paragraph again anyway, and drops the claims it held there. Text the page
 * rewrites in place (a live counter) is the exception: a fixed mark there would sit on other
 * characters until the paragraph is read again, so claims found in such a text node hold
 * live ranges (`PageChecker`, MAX_LIVE_TEXT).
 *
 * The wrapper fallback (browsers without the Highlight API) splits the page's text nodes to
 * wrap them, so there claims keep live Ranges, which follow the split.
 */

/** A DOM position: a node and an offset in it. */
export interface Point {
  node: Node;
  offset: number;
}

type RangeWindow = Window & { StaticRange?: typeof StaticRange };

/**
 * A range from `start` to `end`: fixed where `live` is false and the browser has
 * `StaticRange`, live otherwise.
 */
export function claimRange(doc: Document, start: Point, end: Point, live: boolean): AbstractRange {
  const Static = (doc.defaultView as RangeWindow | null)?.StaticRange;
  if (!live && typeof Static === 'function') {
    return new Static({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    });
  }
  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/**
 * A live Range over the same words, for what only a Range can do (measure its boxes, compare
 * it with the selection); null when the page changed the text since and the offsets no longer
 * fit it. Made for the moment and dropped: the browser would keep a kept one up to date.
 */
export function liveRange(range: AbstractRange): Range | null {
  if (isLive(range)) return range;
  const doc = range.startContainer.ownerDocument;
  if (!doc) return null;
  try {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return null; // an offset past the end of a node the page has shortened
  }
}

/** A live Range; duck-typed, as a Range made in a content script's world is no page `Range`. */
export function isLive(range: AbstractRange): range is Range {
  return typeof (range as Partial<Range>).getBoundingClientRect === 'function';
}

/**
 * True when the range's words have left the page or no longer fit their nodes. A live Range
 * collapses when its text is removed; a fixed one keeps its offsets, so its nodes are asked.
 */
export function isDetached(range: AbstractRange): boolean {
  if (range.collapsed) return true;
  const { startContainer: start, endContainer: end } = range;
  if (!start.isConnected || !end.isConnected) return true;
  return range.startOffset > lengthOf(start) || range.endOffset > lengthOf(end);
}

/** A boundary point's room: characters of a text node, children of an element. */
function lengthOf(node: Node): number {
  return node.nodeType === 3 || node.nodeType === 4 || node.nodeType === 8
    ? (node as CharacterData).length
    : node.childNodes.length;
}

/** `compareDocumentPosition`'s bits (the constants, without the page's `Node`). */
const PRECEDING = 2;
const FOLLOWING = 4;
const CONTAINS = 8;
const CONTAINED_BY = 16;

/**
 * Page order of two ranges' starts (negative when `a` comes first). Claims start in text
 * nodes, so two starts are in one node or in nodes one before the other; a start in an
 * element that holds the other is compared through a live Range.
 */
export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  const [x, y] = [a.startContainer, b.startContainer];
  if (x === y) return a.startOffset - b.startOffset;
  const position = x.compareDocumentPosition(y);
  const contains = position & (CONTAINS | CONTAINED_BY);
  if (!contains) {
    if (position & FOLLOWING) return -1;
    if (position & PRECEDING) return 1;
    return 0; // in different trees (one left the page): keep their order
  }
  const [la, lb] = [liveRange(a), liveRange(b)];
  if (!la || !lb) return 0;
  try {
    return la.compareBoundaryPoints(la.START_TO_START, lb);
  } catch {
    return 0;
  }
}

/** True when the two ranges share at least one character. */
export function overlaps(a: AbstractRange, b: AbstractRange): boolean {
  const [la, lb] = [liveRange(a), liveRange(b)];
  if (!la || !lb) return false;
  try {
    return (
      la.compareBoundaryPoints(la.END_TO_START, lb) < 0 &&
      la.compareBoundaryPoints(la.START_TO_END, lb) > 0
    );
  } catch {
    return false; // in different documents
  }
}
