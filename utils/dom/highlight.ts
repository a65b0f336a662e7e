/**
 * Marks claims in the page without rewriting it. Where the browser has the CSS Custom
 * Highlight API, one named highlight per verdict holds the ranges: the page's DOM is not
 * touched at all, and tools outside the project read the names. Elsewhere each range's
 * text nodes are wrapped in a `<kent-stats-mark>` element that `clear()` unwraps again.
 */
import { liveRange } from './claim-range';
import { markOwn } from './shadow-host';

export const VERDICTS = ['match', 'mismatch', 'not-held', 'unverified'] as const;
export type HighlightVerdict = (typeof VERDICTS)[number];

/** Names other tools rely on: keep them stable. */
export const HIGHLIGHT_NAMES: Record<HighlightVerdict, string> = {
  match: 'kent-stats-match',
  mismatch: 'kent-stats-mismatch',
  'not-held': 'kent-stats-not-held',
  unverified: 'kent-stats-unverified',
};

/**
 * The reader's "stronger background" style: the same highlights registered a second time,
 * under these names, which only the manifest's content-script CSS colours. Every visible
 * style of a mark thus comes from that CSS, which the browser takes away with the extension,
 * so marks a stopped content script could not clear (Firefox) are invisible once it is gone.
 */
export const STRONG_HIGHLIGHT_NAMES: Record<HighlightVerdict, string> = {
  match: 'kent-stats-strong-match',
  mismatch: 'kent-stats-strong-mismatch',
  'not-held': 'kent-stats-strong-not-held',
  unverified: 'kent-stats-strong-unverified',
};

export const WRAPPER_TAG = 'kent-stats-mark';
/** On wrappers in the stronger style (the manifest's CSS colours them). */
export const STRONG_ATTRIBUTE = 'data-strong';

export interface Highlighter {
  add(range: AbstractRange, verdict: HighlightVerdict): void;
  remove(range: AbstractRange): void;
  /** Shows the marks with the stronger background colour, or without it again. */
  setStrong(strong: boolean): void;
  /**
   * Takes every mark off at once (of `verdict` only, if given), ready for new ones. Firefox's
   * cost of taking one range out of a highlight grows with the ranges it holds: one by one,
   * the 1,800 marks of a 500 KB article took a task of 300 ms there.
   */
  empty(verdict?: HighlightVerdict): void;
  /** Removes every mark this highlighter made, and its highlights from the page's registry. */
  clear(): void;
  readonly native: boolean;
}

/** The parts of a window this module uses; `Highlight` is missing from older browsers. */
type HighlightWindow = Window & { CSS?: typeof CSS; Highlight?: typeof Highlight };

export function supportsHighlightApi(win: Window): boolean {
  const w = win as HighlightWindow;
  return typeof w.CSS?.highlights !== 'undefined' && typeof w.Highlight === 'function';
}

export function createHighlighter(doc: Document): Highlighter {
  const win = doc.defaultView;
  return win && supportsHighlightApi(win) ? nativeHighlighter(win) : wrapperHighlighter(doc);
}

function nativeHighlighter(win: Window): Highlighter {
  const w = win as Required<HighlightWindow>;
  const registry = w.CSS.highlights;
  const highlights = new Map<HighlightVerdict, Highlight>();
  const owner = new Map<AbstractRange, HighlightVerdict>();
  for (const verdict of VERDICTS) {
    // Always a highlight of its own: one already registered under the name may be the page's
    // (registered first so that its own ranges would show as "agrees"), or an earlier
    // instance's that Firefox stopped without its teardown. Setting the name takes it over;
    // the other highlight object is never painted into.
    const highlight = new w.Highlight();
    registry.set(HIGHLIGHT_NAMES[verdict], highlight);
    registry.delete(STRONG_HIGHLIGHT_NAMES[verdict]);
    highlights.set(verdict, highlight);
  }
  let strong = false;
  return {
    native: true,
    setStrong(on) {
      if (on === strong) return;
      strong = on;
      for (const verdict of VERDICTS) {
        if (on) registry.set(STRONG_HIGHLIGHT_NAMES[verdict], highlights.get(verdict)!);
        else registry.delete(STRONG_HIGHLIGHT_NAMES[verdict]);
      }
    },
    add(range, verdict) {
      highlights.get(verdict)?.add(range);
      owner.set(range, verdict);
    },
    remove(range) {
      const verdict = owner.get(range);
      if (verdict) highlights.get(verdict)?.delete(range);
      owner.delete(range);
    },
    empty(verdict) {
      if (verdict === undefined) {
        for (const highlight of highlights.values()) highlight.clear();
        owner.clear();
        return;
      }
      highlights.get(verdict)?.clear();
      for (const [range, of] of owner) if (of === verdict) owner.delete(range);
    },
    clear() {
      this.empty();
      for (const verdict of VERDICTS) {
        const highlight = highlights.get(verdict);
        // Only its own registrations go: a newer copy of the checker may hold the names now.
        if (highlight && registry.get(HIGHLIGHT_NAMES[verdict]) === highlight)
          registry.delete(HIGHLIGHT_NAMES[verdict]);
        if (highlight && registry.get(STRONG_HIGHLIGHT_NAMES[verdict]) === highlight)
          registry.delete(STRONG_HIGHLIGHT_NAMES[verdict]);
      }
    },
  };
}

/** Fallback for browsers without the Highlight API: reversible wrappers around text only. */
function wrapperHighlighter(doc: Document): Highlighter {
  const wrappers = new Map<AbstractRange, HTMLElement[]>();
  const unwrap = (els: HTMLElement[]) => {
    for (const el of els) {
      const parent = el.parentNode;
      if (!parent) continue;
      while (el.firstChild) parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
      parent.normalize();
    }
  };
  let strong = false;
  return {
    native: false,
    setStrong(on) {
      strong = on;
      for (const els of wrappers.values())
        for (const el of els) el.toggleAttribute(STRONG_ATTRIBUTE, on);
    },
    add(range, verdict) {
      const els: HTMLElement[] = [];
      const live = liveRange(range);
      for (const piece of live ? textPieces(live) : []) {
        const el = doc.createElement(WRAPPER_TAG);
        el.setAttribute('data-verdict', verdict);
        el.setAttribute('data-kent-stats-ui', '');
        if (strong) el.setAttribute(STRONG_ATTRIBUTE, '');
        markOwn(el);
        piece.surroundContents(el);
        els.push(el);
      }
      wrappers.set(range, els);
    },
    remove(range) {
      unwrap(wrappers.get(range) ?? []);
      wrappers.delete(range);
    },
    empty(verdict) {
      for (const [range, els] of wrappers) {
        if (verdict !== undefined && els[0]?.getAttribute('data-verdict') !== verdict) continue;
        unwrap(els);
        wrappers.delete(range);
      }
    },
    clear() {
      this.empty();
    },
  };
}

/** Splits a range into one sub-range per text node, which `surroundContents` can wrap safely. */
function textPieces(range: Range): Range[] {
  const doc = range.startContainer.ownerDocument ?? document;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  const pieces: Range[] = [];
  let node: Node | null =
    range.commonAncestorContainer.nodeType === Node.TEXT_NODE
      ? range.commonAncestorContainer
      : walker.nextNode();
  while (node) {
    if (range.intersectsNode(node)) {
      const piece = doc.createRange();
      const text = node as Text;
      piece.setStart(text, node === range.startContainer ? range.startOffset : 0);
      piece.setEnd(text, node === range.endContainer ? range.endOffset : text.length);
      if (!piece.collapsed) pieces.push(piece);
    }
    node = node === range.commonAncestorContainer ? null : walker.nextNode();
  }
  return pieces;
}
