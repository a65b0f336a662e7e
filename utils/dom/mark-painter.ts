/**
 * Owns the marks: which claims are drawn, when (in batches), and on a long page only near
 * the viewport (the mark window). Reads the claim index; never reads the page's text.
 */
import { isShown, type ClaimIndex, type TrackedClaim } from './claim-index';
import { createHighlighter, type Highlighter } from './highlight';
import { MarkWindow, type Stretch } from './mark-window';
import { BIG_ROOT_CLAIMS, ViewportMarks } from './mark-viewport';
import { DRAWN_MARK, setTimingMark } from './timing-marks';

/** Marks on a page beyond which only those near the viewport are registered. */
const WINDOW_THRESHOLD = 2000;
/** How far beyond the viewport marks are kept registered: two screens up and down. */
const WINDOW_MARGIN = '200% 0px 200% 0px';
/** Shortest time between two batches of new marks on a long page. */
const MARK_BATCH_MS = 150;
/** Marks worth a batch of their own, however few are shown. */
const MARK_BATCH_MIN = 100;
/** Longest a found claim waits to be shown while the rest of the page is read. */
const MARK_BATCH_MAX_WAIT_MS = 1000;

export interface MarkPainterOptions {
  doc: Document;
  claims: ClaimIndex;
  showUnverified: boolean;
  /** Marks in the reader's "stronger background" style. */
  strongMarks: boolean;
}

export class MarkPainter {
  private readonly doc: Document;
  private readonly claims: ClaimIndex;
  private marks: Highlighter | null = null;
  private pending: TrackedClaim[] = [];
  private lastBatchAt = -Infinity;
  private shownMarks = 0;
  /** Set on long pages: only marks near the viewport are registered (see `openWindow`). */
  private window: MarkWindow | null = null;
  /** With the window: the marks of elements too big for it, registered by position. */
  private viewport: ViewportMarks | null = null;
  /** The stretch each marked root belongs to (the run it was read in), for the window. */
  private readonly stretches = new Map<Element, Stretch>();
  private showUnverified: boolean;
  private strongMarks: boolean;

  constructor(options: MarkPainterOptions) {
    this.doc = options.doc;
    this.claims = options.claims;
    this.showUnverified = options.showUnverified;
    this.strongMarks = options.strongMarks;
  }

  /** Made on first use: a page with nothing to mark never touches the highlight registry. */
  private get highlighter(): Highlighter {
    if (!this.marks) {
      this.marks = createHighlighter(this.doc);
      this.marks.setStrong(this.strongMarks);
    }
    return this.marks;
  }

  get unverifiedShown(): boolean {
    return this.showUnverified;
  }

  isShown(t: TrackedClaim): boolean {
    return isShown(t.claim, this.showUnverified);
  }

  /** A claim found: drawn with the next batch. `stretch`: the run it was read in. */
  add(t: TrackedClaim, stretch: Stretch): void {
    this.stretches.set(t.root, stretch);
    // Watched as it comes, in the reading's own timed step of work. Watched at the next
    // flush, a 5 MB page's last batch watched thousands of roots in one task; and a root of
    // hidden claims only was never watched, so showing them later missed it.
    this.window?.watch(t.root, stretch);
    if (this.isShown(t)) this.pending.push(t);
  }

  /** A claim forgotten; `rootEmpty` when its root has no claims left. */
  remove(t: TrackedClaim, rootEmpty: boolean): void {
    this.highlighter.remove(t.range);
    this.viewport?.refresh();
    if (rootEmpty) {
      this.stretches.delete(t.root);
      this.window?.forget(t.root);
      this.viewport?.hide(t.root);
    }
  }

  setStrong(strong: boolean): void {
    this.strongMarks = strong;
    this.marks?.setStrong(strong);
  }

  /** The reader shows or hides unverified claims: their marks follow at once. */
  setShowUnverified(show: boolean): void {
    this.showUnverified = show;
    this.viewport?.refresh();
    // Hidden, they all go at once (see `Highlighter.empty`).
    if (!show) {
      this.marks?.empty('unverified');
      return;
    }
    for (const t of this.claims.all) {
      if (t.claim.verdict !== 'unverified' || this.isBig(t.root)) continue;
      if (!this.window || this.window.isNear(t.root)) this.highlighter.add(t.range, 'unverified');
    }
  }

  /**
   * Shows the marks found since the last call. Every change to a highlight makes the browser
   * repaint, so on a long page marks are added in batches, not after every chunk.
   */
  flush(force: boolean): void {
    const now = this.doc.defaultView?.performance.now() ?? 0;
    if (this.pending.length === 0) return;
    // The browser re-validates every range of a highlight when it changes, so batches grow
    // with the marks already shown (total work stays linear), but never wait past a second.
    // Each batch also costs the page a frame, and a frame shortens the idle time left for
    // reading the rest of the page.
    const due =
      now - this.lastBatchAt >= MARK_BATCH_MS &&
      (this.pending.length >= Math.max(MARK_BATCH_MIN, this.shownMarks / 2) ||
        now - this.lastBatchAt >= MARK_BATCH_MAX_WAIT_MS);
    if (!force && !due) return;
    if (!this.window && this.claims.size > WINDOW_THRESHOLD) this.openWindow();
    this.lastBatchAt = now;
    this.shownMarks += this.pending.length;
    let drawn = false;
    // Claims come in page order, a root's together: what the window says of a root is asked
    // once per root, not once per claim (a 5 MB paragraph brings 66,000 claims).
    let root: Element | null = null;
    let drawRoot = true;
    for (const t of this.pending) {
      // A root left undrawn (far from the viewport, or big and drawn by position) passes its
      // claims over unasked: a 5 MB paragraph brings 66,000, and asking the index whether it
      // still holds each was a third of a 50 ms slice.
      if (this.window && t.root === root && !drawRoot) continue;
      if (!this.claims.holds(t)) continue;
      if (this.window && t.root !== root) {
        root = t.root;
        // Marks far from the viewport are not drawn; their paragraphs are watched instead
        // (since `add`, or since the window opened).
        const near = this.window.isNear(root);
        const big = near && this.isBig(root);
        drawRoot = near && !big;
        if (big) {
          this.viewport?.show(root);
          this.viewport?.refresh();
        }
      }
      if (!drawRoot) continue;
      if (!this.isShown(t)) continue;
      this.highlighter.add(t.range, t.claim.verdict);
      drawn = true;
    }
    this.pending = [];
    if (drawn || !this.window) setTimingMark(DRAWN_MARK);
  }

  /**
   * Past a few thousand marks, the browser's cost of drawing highlights grows with every
   * range registered, whether on screen or not: each change costs more than a long task.
   * From then on only the paragraphs near the viewport have their ranges registered, as an
   * IntersectionObserver (which never touches the page) reports them coming and going.
   */
  private openWindow(): void {
    const win = this.doc.defaultView;
    if (!win || typeof win.IntersectionObserver !== 'function') return;
    const viewport = new ViewportMarks({
      win,
      highlighter: () => this.highlighter,
      isShown: (t) => this.isShown(t),
      claimsOf: (root) => this.claims.inRoot(root),
      onDrawn: () => setTimingMark(DRAWN_MARK),
    });
    const window = new MarkWindow(win, {
      rootMargin: WINDOW_MARGIN,
      onChange: (roots, near) => {
        for (const root of roots) {
          if (this.isBig(root)) {
            if (near) viewport.show(root);
            else viewport.hide(root);
            continue;
          }
          for (const t of this.claims.inRoot(root)) {
            if (!near) this.highlighter.remove(t.range);
            else if (this.isShown(t)) this.highlighter.add(t.range, t.claim.verdict);
          }
        }
        if (near) setTimingMark(DRAWN_MARK);
      },
    });
    this.window = window;
    this.viewport = viewport;
    if (this.shownMarks > 0) this.highlighter.empty();
    for (const root of this.claims.roots()) window.watch(root, this.stretchFor(root));
  }

  /** A root with too many claims for the window to register together (see mark-viewport.ts). */
  private isBig(root: Element): boolean {
    return this.claims.countIn(root) > BIG_ROOT_CLAIMS;
  }

  /** A root's stretch; a root read on its own is a stretch of one. */
  private stretchFor(root: Element): Stretch {
    let stretch = this.stretches.get(root);
    if (!stretch) {
      stretch = { sentinels: [root] };
      this.stretches.set(root, stretch);
    }
    return stretch;
  }

  /** Every mark goes (a new look at the whole page); the painter stays usable. */
  clear(): void {
    this.viewport?.dispose();
    this.viewport = null;
    this.window?.disconnect();
    this.window = null;
    this.pending = [];
    this.shownMarks = 0;
    this.marks?.empty();
    this.stretches.clear();
  }

  /** Removes every mark and registration this painter made (the context is invalidated). */
  dispose(): void {
    this.viewport?.dispose();
    this.viewport = null;
    this.window?.disconnect();
    this.window = null;
    this.pending = [];
    this.marks?.clear();
  }
}
