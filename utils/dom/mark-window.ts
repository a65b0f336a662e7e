/**
 * The marks of a very long page, registered only near the viewport. Past a few thousand
 * ranges, the browser's cost for every change to a highlight grows with all the ranges it
 * holds, so the page checker registers only those an IntersectionObserver reports near.
 *
 * Watching every marked paragraph made the observer's own work grow with the page instead
 * (a long frame of intersection work on a 5 MB page: tests/bench/NOTES.md), so paragraphs are watched by
 * stretch: a stretch is a run of neighbouring elements read together, watched through a few
 * sentinel elements spaced at most about 2,000 characters of text apart. With the observer's
 * margin of two screens, a viewport anywhere in a stretch has a sentinel near it.
 */

/** The elements through which a stretch is watched. Shared by the stretch's roots. */
export interface Stretch {
  readonly sentinels: readonly Element[];
}

/** Text between two sentinels, at most (plus the one element that crosses the line). */
export const STRETCH_CHARS = 2000;

/** Sentinels for a run of neighbouring elements with their text lengths: first, every ~2,000 characters, last. */
export function stretchOf(run: readonly Element[], sizes: readonly number[]): Stretch {
  const sentinels: Element[] = [];
  let since = Infinity;
  run.forEach((el, i) => {
    if (since >= STRETCH_CHARS) {
      sentinels.push(el);
      since = 0;
    }
    since += sizes[i] ?? 0;
  });
  const last = run[run.length - 1];
  if (last && sentinels[sentinels.length - 1] !== last) sentinels.push(last);
  return { sentinels };
}

interface StretchState {
  readonly stretch: Stretch;
  readonly roots: Set<Element>;
  readonly near: Set<Element>;
}

export interface MarkWindowOptions {
  /** The roots whose marks should now be shown (`near`) or taken away. */
  onChange(roots: readonly Element[], near: boolean): void;
  rootMargin: string;
}

export class MarkWindow {
  private readonly io: IntersectionObserver;
  private readonly states = new Map<Stretch, StretchState>();
  private readonly ofRoot = new Map<Element, StretchState>();
  private readonly bySentinel = new Map<Element, Set<StretchState>>();

  constructor(
    win: Window & typeof globalThis,
    private readonly options: MarkWindowOptions,
  ) {
    this.io = new win.IntersectionObserver((entries) => this.report(entries), {
      rootMargin: options.rootMargin,
    });
  }

  /** Watches a root (an element with marks) through its stretch's sentinels. */
  watch(root: Element, stretch: Stretch): void {
    if (this.ofRoot.get(root)?.stretch === stretch) return;
    this.forget(root);
    let state = this.states.get(stretch);
    if (!state) {
      state = { stretch, roots: new Set(), near: new Set() };
      this.states.set(stretch, state);
      for (const sentinel of stretch.sentinels) {
        let set = this.bySentinel.get(sentinel);
        if (!set) {
          set = new Set();
          this.bySentinel.set(sentinel, set);
          this.io.observe(sentinel);
        }
        set.add(state);
      }
    }
    state.roots.add(root);
    this.ofRoot.set(root, state);
  }

  /** True when the root's stretch is near the viewport (its marks should be registered). */
  isNear(root: Element): boolean {
    return (this.ofRoot.get(root)?.near.size ?? 0) > 0;
  }

  /** Stops watching a root that has no marks left. */
  forget(root: Element): void {
    const state = this.ofRoot.get(root);
    if (!state) return;
    this.ofRoot.delete(root);
    state.roots.delete(root);
    if (state.roots.size > 0) return;
    this.states.delete(state.stretch);
    for (const sentinel of state.stretch.sentinels) {
      const set = this.bySentinel.get(sentinel);
      set?.delete(state);
      if (set && set.size === 0) {
        this.bySentinel.delete(sentinel);
        this.io.unobserve(sentinel);
      }
    }
  }

  disconnect(): void {
    this.io.disconnect();
    this.states.clear();
    this.ofRoot.clear();
    this.bySentinel.clear();
  }

  private report(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      for (const state of this.bySentinel.get(entry.target) ?? []) {
        const wasNear = state.near.size > 0;
        if (entry.isIntersecting) state.near.add(entry.target);
        else state.near.delete(entry.target);
        const isNear = state.near.size > 0;
        if (isNear !== wasNear) this.options.onChange([...state.roots], isNear);
      }
    }
  }
}
