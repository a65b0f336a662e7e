/**
 * Runs the engine on the page a reader is looking at: finds the claims, marks them, and
 * keeps the marks right as the page changes. Owns every listener, observer, mark and UI
 * element it makes, and removes them all when its signal aborts (WXT's context invalidated).
 *
 * Cost model: one cheap relevance test on the page's text; nothing more on pages with no
 * Kent or Medway context and no topic words. Real work happens in idle slices on chunks of
 * the page, never in one long task and never inside the MutationObserver callback.
 */
import type { Engine, Claim, PageContext } from '@/utils/engine';
import { extractBlocks, rangeFor } from './extract';
import { chunkRoots, textBefore } from './chunk';
import { createHighlighter, type Highlighter } from './highlight';
import { observePage } from './observe';
import { isOwnNode } from './shadow-host';
import { WorkQueue } from './work-queue';

export interface TrackedClaim {
  id: string;
  claim: Claim;
  range: Range;
}

export interface PageCheckerOptions {
  doc: Document;
  engine: Engine;
  signal: AbortSignal;
  showUnverified: boolean;
  /** Called after the set of claims changed (the UI re-renders). */
  onChange(claims: readonly TrackedClaim[]): void;
  /** Largest chunk of text analysed in one go. */
  chunkChars?: number;
  sliceBudgetMs?: number;
}

/** Blocks of preceding text given to the engine with each chunk, for topic and place. */
const CONTEXT_BLOCKS = 3;

const isOwnElement = (el: Element) => isOwnNode(el);

/** Text of the page (and its title) for the cheap relevance test, capped to stay cheap. */
const RELEVANCE_SAMPLE_CHARS = 2_000_000;

export class PageChecker {
  private readonly doc: Document;
  private readonly engine: Engine;
  private readonly highlighter: Highlighter;
  private readonly queue: WorkQueue;
  private readonly tracked = new Map<string, TrackedClaim>();
  private context: PageContext = {};
  private nextId = 1;
  private showUnverified: boolean;
  private relevant = false;
  private changed = false;

  constructor(private readonly options: PageCheckerOptions) {
    this.doc = options.doc;
    this.engine = options.engine;
    this.showUnverified = options.showUnverified;
    this.highlighter = createHighlighter(this.doc);
    const win = this.doc.defaultView!;
    this.queue = new WorkQueue({
      sliceBudgetMs: options.sliceBudgetMs ?? 12,
      maxPerSlice: 200,
      process: (root) => this.processRoot(root),
      onIdle: () => this.flushChange(),
      schedule: (cb) => {
        if (typeof win.requestIdleCallback === 'function')
          win.requestIdleCallback(cb, { timeout: 200 });
        else win.setTimeout(() => cb({ timeRemaining: () => 8 }), 1);
      },
      now: () => win.performance.now(),
    });
    options.signal.addEventListener('abort', () => this.dispose());
  }

  get isRelevant(): boolean {
    return this.relevant;
  }

  get claims(): TrackedClaim[] {
    return [...this.tracked.values()].sort((a, b) => compareRanges(a.range, b.range));
  }

  /** The first look at the page, then watch it for changes. */
  start(): void {
    this.relevant = this.looksRelevant(this.doc.body);
    if (this.relevant) this.scanWholePage();
    observePage(this.doc, {
      isOwn: isOwnNode,
      signal: this.options.signal,
      onRoots: (roots) => {
        if (!this.relevant) {
          // A single-page app may bring Kent content later: test only what changed.
          if (!roots.some((r) => this.looksRelevant(r))) return;
          this.relevant = true;
          this.scanWholePage();
          return;
        }
        // Marks on text the page threw away go at once; the new text is looked at in idle time.
        this.pruneDetached();
        for (const root of roots) this.queue.add(root);
        this.flushChange();
      },
      onResume: () => {
        if (this.relevant) this.scanWholePage();
      },
    });
  }

  /** Looks at the whole page again (after navigation in a single-page app). */
  rescan(): void {
    this.relevant = this.looksRelevant(this.doc.body);
    if (!this.relevant) {
      this.clearClaims();
      this.flushChange();
      return;
    }
    this.scanWholePage();
  }

  setShowUnverified(show: boolean): void {
    if (show === this.showUnverified) return;
    this.showUnverified = show;
    for (const t of this.tracked.values()) {
      if (t.claim.verdict !== 'unverified') continue;
      if (show) this.highlighter.add(t.range, 'unverified');
      else this.highlighter.remove(t.range);
    }
    this.changed = true;
    this.flushChange();
  }

  get visibleClaims(): TrackedClaim[] {
    return this.claims.filter((t) => this.showUnverified || t.claim.verdict !== 'unverified');
  }

  /** The claim whose words are under a viewport point, for the one delegated pointer listener. */
  claimAt(x: number, y: number): TrackedClaim | null {
    for (const t of this.tracked.values()) {
      if (!this.showUnverified && t.claim.verdict === 'unverified') continue;
      for (const rect of Array.from(t.range.getClientRects())) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return t;
      }
    }
    return null;
  }

  private looksRelevant(root: Node | null): boolean {
    const text = `${this.doc.title} ${(root?.textContent ?? '').slice(0, RELEVANCE_SAMPLE_CHARS)}`;
    return this.engine.hasRelevantContext(text);
  }

  private scanWholePage(): void {
    const body = this.doc.body;
    if (!body) return;
    this.context = extractBlocks(this.doc, { contextOnly: true }).context;
    for (const root of chunkRoots(body, this.options.chunkChars ?? 8_000, (el) => isOwnNode(el))) {
      this.queue.add(root);
    }
  }

  private processRoot(root: Element): void {
    // Claims inside a root looked at again are replaced.
    this.pruneDetached();
    for (const [id, t] of this.tracked) {
      if (root.contains(t.range.startContainer)) {
        this.highlighter.remove(t.range);
        this.tracked.delete(id);
        this.changed = true;
      }
    }
    let extracted: ReturnType<typeof extractBlocks>;
    let claims: Claim[];
    try {
      extracted = extractBlocks(root, { skip: isOwnElement });
      // The sentences before a chunk carry its topic and place, as in a whole-page read;
      // claims found in them belong to the chunk before and are dropped here.
      const before = textBefore(root, CONTEXT_BLOCKS);
      claims = this.engine
        .analyseBlocks([...before, ...extracted.blocks], this.context)
        .filter((c) => c.blockIndex >= before.length)
        .map((c) => ({ ...c, blockIndex: c.blockIndex - before.length }));
    } catch (error) {
      // A malformed page must never break the content script (or the page).
      console.debug('Kent Stats Check could not read part of this page', error);
      return;
    }
    for (const claim of claims) {
      const segments = extracted.segments[claim.blockIndex];
      if (!segments) continue;
      const range = rangeFor(segments, claim.start, claim.end, this.doc);
      if (!range) continue;
      const id = `claim-${this.nextId++}`;
      this.tracked.set(id, { id, claim, range });
      if (this.showUnverified || claim.verdict !== 'unverified')
        this.highlighter.add(range, claim.verdict);
      this.changed = true;
    }
  }

  /** Drops claims whose text left the page (a live Range collapses onto a removed node's parent). */
  private pruneDetached(): void {
    for (const [id, t] of this.tracked) {
      if (t.range.collapsed || !t.range.startContainer.isConnected) {
        this.highlighter.remove(t.range);
        this.tracked.delete(id);
        this.changed = true;
      }
    }
  }

  private clearClaims(): void {
    for (const t of this.tracked.values()) this.highlighter.remove(t.range);
    if (this.tracked.size > 0) this.changed = true;
    this.tracked.clear();
  }

  private flushChange(): void {
    if (!this.changed || this.options.signal.aborted) return;
    this.changed = false;
    this.options.onChange(this.claims);
  }

  private dispose(): void {
    this.queue.stop();
    this.highlighter.clear();
    this.tracked.clear();
  }
}

function compareRanges(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  } catch {
    return 0; // ranges in detached trees cannot be compared; keep their order
  }
}
