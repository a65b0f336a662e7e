/**
 * Notices content added or changed after the first scan (infinite scroll, single-page apps,
 * pages that re-render). The MutationObserver callback only stores records; they are read
 * later, outside the callback, and turned into the block-level roots that need a new look.
 * Pages that rewrite themselves without pause trip a circuit breaker: observing stops for a
 * while (longer each time) and then resumes with one fresh look at the whole page.
 */
import {
  BLOCK_TAGS,
  CHANGED_BLOCK_SELECTOR,
  HEADING_TAGS,
  PARAGRAPH_SELECTOR,
  SKIP_TAGS,
} from './elements';

export interface ObserveOptions {
  isOwn(node: Node): boolean;
  /**
   * Receives the roots to look at again, what was taken out, and the text nodes whose text
   * the page changed in place, outside the observer callback.
   */
  onRoots(roots: Element[], removal: Removal, edited: Node[]): void;
  /**
   * Called when observing stops for a back-off, with the text nodes the last batch changed
   * in place: the page will change them again unseen, so what points into them must not
   * trust its offsets.
   */
  onBackoff?(edited: Node[]): void;
  /** Called when observing resumes after a back-off: the page should be looked at whole. */
  onResume(): void;
  signal: AbortSignal;
  /** Flushes allowed per window before backing off. */
  maxFlushesPerWindow?: number;
  windowMs?: number;
  /** First back-off; doubles each time, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Delay before reading the stored records, so a burst of changes is read once. */
  flushDelayMs?: number;
}

/** What one batch of the page's changes took out. */
export interface Removal {
  /**
   * Elements blocks were taken out of: the rest of their text did not change, so they are not
   * roots, but claims of theirs may have gone with the blocks.
   */
  from: Element[];
  /** Elements taken out (with everything inside them), the extension's own left aside. */
  nodes: Element[];
}

export interface Observation {
  /** True while backing off from a page that keeps rewriting itself. */
  readonly backingOff: boolean;
  readonly backoffs: number;
}

export function observePage(doc: Document, options: ObserveOptions): Observation {
  const win = doc.defaultView;
  const state = { backingOff: false, backoffs: 0 };
  if (!win) return state;
  const windowMs = options.windowMs ?? 2000;
  const maxFlushes = options.maxFlushesPerWindow ?? 40;
  let backoff = options.backoffMs ?? 4000;
  const maxBackoff = options.maxBackoffMs ?? 60_000;
  const flushDelay = options.flushDelayMs ?? 50;

  let records: MutationRecord[] = [];
  let flushTimer: number | undefined;
  let resumeTimer: number | undefined;
  let flushTimes: number[] = [];

  const observer = new win.MutationObserver((batch) => {
    // Only queue: no DOM reads, no analysis inside the callback.
    for (const record of batch) records.push(record);
    if (flushTimer === undefined) flushTimer = win.setTimeout(flush, flushDelay);
  });
  const start = () =>
    observer.observe(doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });

  function flush(): void {
    flushTimer = undefined;
    const batch = records;
    records = [];
    if (options.signal.aborted) return;

    const now = win!.performance.now();
    flushTimes = flushTimes.filter((t) => now - t < windowMs);
    flushTimes.push(now);
    const edited = editedIn(batch);
    if (flushTimes.length > maxFlushes) {
      tripBreaker();
      options.onBackoff?.(edited);
      return;
    }

    const roots = new Set<Element>();
    const removedFrom = new Set<Element>();
    const removedNodes = new Set<Element>();
    for (const record of batch) {
      if (options.isOwn(record.target)) continue;
      if (record.type === 'characterData') {
        addRoot(roots, record.target.parentElement);
        continue;
      }
      const removed = Array.from(record.removedNodes).filter((n) => !options.isOwn(n));
      for (const node of removed) if (node.nodeType === 1) removedNodes.add(node as Element);
      let added = false;
      for (const node of Array.from(record.addedNodes)) {
        if (options.isOwn(node)) continue;
        if (node.nodeType === 1) addRoot(roots, node as Element);
        else if (node.nodeType === 3) addRoot(roots, record.target as Element);
        added = true;
      }
      if (!added && removed.length > 0) {
        if (removed.some(changesText)) addRoot(roots, record.target as Element);
        else {
          // Blocks taken out leave the text around them as it was: reading the whole
          // container again for an element an ad slot or a live page dropped cost a 5 MB
          // article seconds. The paragraph after them is read again (they were its context).
          if (record.target.isConnected) removedFrom.add(record.target as Element);
          addRoot(roots, paragraphAfter(record.nextSibling));
        }
      }
    }
    if (roots.size > 0 || removedFrom.size > 0 || removedNodes.size > 0)
      options.onRoots([...roots], { from: [...removedFrom], nodes: [...removedNodes] }, edited);
  }

  /** The page's text nodes a batch changed in place (characterData), each once. */
  function editedIn(batch: readonly MutationRecord[]): Node[] {
    const edited = new Set<Node>();
    for (const record of batch)
      if (record.type === 'characterData' && !options.isOwn(record.target))
        edited.add(record.target);
    return [...edited];
  }

  /**
   * The first paragraph from `node` on: the next sibling element, or the first paragraph
   * inside it when it is a container (a clock taken out before <main> is no reason to read
   * all of <main> again).
   */
  function paragraphAfter(node: Node | null): Element | null {
    for (let n = node; n; n = n.nextSibling) {
      if (n.nodeType !== 1 || options.isOwn(n)) continue;
      const el = n as Element;
      return el.matches(PARAGRAPH_SELECTOR) ? el : el.querySelector(PARAGRAPH_SELECTOR);
    }
    return null;
  }

  function addRoot(roots: Set<Element>, el: Element | null): void {
    if (!el || !el.isConnected) return;
    // Look at the whole paragraph (or list item, cell…) around a change, so sentences stay whole.
    const block = el.closest(CHANGED_BLOCK_SELECTOR) ?? el;
    roots.add(block);
  }

  function tripBreaker(): void {
    observer.disconnect();
    records = [];
    flushTimes = [];
    state.backingOff = true;
    state.backoffs++;
    resumeTimer = win!.setTimeout(() => {
      state.backingOff = false;
      if (options.signal.aborted) return;
      start();
      options.onResume();
    }, backoff);
    backoff = Math.min(maxBackoff, backoff * 2);
  }

  start();
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (flushTimer !== undefined) win.clearTimeout(flushTimer);
    if (resumeTimer !== undefined) win.clearTimeout(resumeTimer);
    records = [];
  });
  return state;
}

/**
 * Taking `node` out changes the text of the element it was in: text, an inline element, or a
 * heading (the section's context). A block, an element never read, whitespace or a comment
 * leaves it as it was.
 */
function changesText(node: Node): boolean {
  if (node.nodeType === 3) return /\S/.test((node as Text).data);
  if (node.nodeType !== 1) return false;
  const tag = (node as Element).tagName.toUpperCase();
  if (HEADING_TAGS.has(tag)) return true;
  return !BLOCK_TAGS.has(tag) && !SKIP_TAGS.has(tag);
}
