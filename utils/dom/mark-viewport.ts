/**
 * The marks of an element too big for the mark window (one paragraph of thousands of claims,
 * a 5 MB text node): the window registers an element's marks all together when it comes
 * near the viewport, and 66,000 ranges in one paragraph made the browser paint for seconds.
 * Such an element's marks are registered by position instead: only the claims whose words
 * lie within the window's margin of the viewport, found by a binary search over their
 * positions (claims of one element are in page order, so their tops only grow), and
 * updated a frame after the reader scrolls.
 */
import type { TrackedClaim } from './claim-index';
import { liveRange } from './claim-range';
import type { Highlighter } from './highlight';

/** Claims of one element past which its marks are registered by position. */
export const BIG_ROOT_CLAIMS = 500;
/**
 * How far beyond the viewport a big element's marks are registered, in screen heights: less
 * than the mark window's two, because the browser's painting of a text node grows with the
 * marks inside it (1,000 marks in one 120 KB paragraph: a 250 ms paint in Chromium).
 */
const MARGIN_SCREENS = 1;
/** Marks of one big element registered at once, at most, whatever its layout. */
const MAX_BIG_ROOT_MARKS = 500;

export interface ViewportMarksOptions {
  win: Window;
  highlighter(): Highlighter;
  isShown(t: TrackedClaim): boolean;
  /** The claims of a root, in page order. */
  claimsOf(root: Element): Iterable<TrackedClaim>;
  /** Called after marks were drawn. */
  onDrawn?(): void;
}

export class ViewportMarks {
  /** The big roots near the viewport, and the claims of each whose marks are registered. */
  private readonly near = new Map<Element, Set<TrackedClaim>>();
  /** Each near big root's shown claims in page order, until the claims change. */
  private readonly lists = new Map<Element, TrackedClaim[]>();
  private frame = 0;
  private listening: AbortController | null = null;
  /**
   * Where each near big root stood in the viewport at its last update. Every change to its
   * marks makes the browser repaint the whole element (over 100 ms for a 5 MB text node), so
   * a scroll moves the marks only once the viewport has gone half the margin from where they
   * were registered: within the margin, the reader never sees an unmarked claim.
   */
  private readonly registeredAt = new Map<Element, number>();

  constructor(private readonly options: ViewportMarksOptions) {}

  /** A big root came near the viewport: its marks near the viewport are registered soon. */
  show(root: Element): void {
    if (!this.near.has(root)) this.near.set(root, new Set());
    this.listen();
    this.schedule();
  }

  /** A big root went away from the viewport (or its claims changed): its marks go. */
  hide(root: Element): void {
    const shown = this.near.get(root);
    if (!shown) return;
    for (const t of shown) this.options.highlighter().remove(t.range);
    this.near.delete(root);
    this.lists.delete(root);
    this.registeredAt.delete(root);
    if (this.near.size === 0) this.unlisten();
  }

  /** The claims changed (added, removed, shown or hidden): the marks follow soon. */
  refresh(): void {
    this.lists.clear();
    this.registeredAt.clear();
    if (this.near.size > 0) this.schedule();
  }

  dispose(): void {
    for (const root of [...this.near.keys()]) this.hide(root);
    if (this.frame) this.options.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = new AbortController();
    const opts = { passive: true, capture: true, signal: this.listening.signal } as const;
    // Only a frame is asked for here: the work is done in it, once per frame however many
    // scroll events come.
    this.options.win.addEventListener('scroll', () => this.schedule(), opts);
    this.options.win.addEventListener(
      'resize',
      () => {
        this.registeredAt.clear();
        this.schedule();
      },
      opts,
    );
  }

  private unlisten(): void {
    this.listening?.abort();
    this.listening = null;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = this.options.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  private update(): void {
    const height = this.options.win.innerHeight;
    const top = -MARGIN_SCREENS * height;
    const bottom = (1 + MARGIN_SCREENS) * height;
    const highlighter = this.options.highlighter();
    for (const [root, shown] of this.near) {
      if (!root.isConnected) {
        this.hide(root);
        continue;
      }
      const at = root.getBoundingClientRect().top;
      const before = this.registeredAt.get(root);
      if (before !== undefined && Math.abs(at - before) < (MARGIN_SCREENS * height) / 2) continue;
      this.registeredAt.set(root, at);
      let claims = this.lists.get(root);
      if (!claims) {
        claims = [...this.options.claimsOf(root)].filter((t) => this.options.isShown(t));
        this.lists.set(root, claims);
      }
      const want = new Set(inBand(claims, top, bottom));
      for (const t of shown)
        if (!want.has(t)) {
          highlighter.remove(t.range);
          shown.delete(t);
        }
      for (const t of want)
        if (!shown.has(t)) {
          highlighter.add(t.range, t.claim.verdict);
          shown.add(t);
        }
    }
    this.options.onDrawn?.();
  }
}

/**
 * The claims whose words lie between `top` and `bottom` (viewport coordinates), by binary
 * search: a few dozen measurements, not one per claim. At most `MAX_BIG_ROOT_MARKS`.
 */
function inBand(claims: readonly TrackedClaim[], top: number, bottom: number): TrackedClaim[] {
  const first = firstIndex(claims, (r) => r.bottom >= top, 0, claims.length);
  // The end lies within the cap of the start: a search of a few hundred claims, not all.
  const limit = Math.min(claims.length, first + MAX_BIG_ROOT_MARKS);
  const end = firstIndex(claims, (r) => r.top > bottom, first, limit);
  return claims.slice(first, end);
}

/**
 * The first claim in [from, to) whose box passes `test` (which, once true, stays true further
 * on); `to` when none does. Each measurement of a range in a 5 MB text node costs Chromium
 * about half a millisecond.
 */
function firstIndex(
  claims: readonly TrackedClaim[],
  test: (r: DOMRect) => boolean,
  from: number,
  to: number,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const box = liveRange(claims[mid]!.range)?.getBoundingClientRect();
    // A claim whose text the page changed since (read again soon) counts as above the band.
    if (box && test(box)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
