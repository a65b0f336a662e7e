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
import { blocksBefore, iterateRuns } from './chunk';
import { createHighlighter, type Highlighter } from './highlight';
import { observePage } from './observe';
import { MarkWindow, stretchOf, type Stretch } from './mark-window';
import { looksRelevant } from './relevance';
import { isOwnNode } from './shadow-host';
import { FailureLog } from './failures';
import { createSoon } from './soon';
import { partsOf, type Part } from './parts';
import { WorkQueue, type Rest, type Run } from './work-queue';

export interface TrackedClaim {
  id: string;
  claim: Claim;
  range: Range;
  /** The chunk the claim was found in: a later look at that chunk replaces it. */
  root: Element;
}

export interface PageCheckerOptions {
  doc: Document;
  engine: Engine;
  signal: AbortSignal;
  showUnverified: boolean;
  /** Marks in the reader's "stronger background" style. */
  strongMarks?: boolean;
  /** Called after the set of claims changed (the UI re-renders). */
  onChange(claims: readonly TrackedClaim[]): void;
  /** Largest chunk of text analysed in one go. */
  chunkChars?: number;
  sliceBudgetMs?: number;
}

/** The elements whose text makes one paragraph for a selection check. */
const BLOCK_SELECTOR =
  'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption';

/** Blocks of preceding text given to the engine with each chunk, for topic and place. */
const CONTEXT_BLOCKS = 3;
/**
 * Longest slice of work in one idle callback. The browser's idle periods last up to 50 ms and
 * a callback scheduled from inside one waits for the next, so a slice uses as much of its
 * period as it can: at 30 ms, a 500 KB page spent two fifths of its reading time waiting. It
 * stops 15 ms short of a long task, which leaves room for a garbage collection (traces of
 * the 5 MB page show collections of up to 10 ms inside slices).
 */
const SLICE_BUDGET_MS = 35;
/** The User Timing mark set when the page has been read through (see `markChecked`). */
export const CHECKED_MARK = 'kent-stats-check:checked';
/** The User Timing mark set each time new marks are drawn (registered with the browser). */
export const DRAWN_MARK = 'kent-stats-check:drawn';
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
/**
 * Longest text of one part of a run too big for one slice (a 120 KB paragraph, a 5 MB text
 * node): about 20 ms of reading on a dense list of figures, far less on prose.
 */
const PART_CHARS = 2_000;
/** Text before a part, given to the engine with it for topic and place (a sentence or so). */
const PART_CONTEXT_CHARS = 600;
/** Page headings given with every chunk (the first ones: title, standfirst, first sections). */
const PAGE_HEADINGS = 12;

const isOwnElement = (el: Element) => isOwnNode(el);

interface FoundClaim {
  claim: Claim;
  range: Range;
  root: Element;
}

/** A run's text as read for the engine. */
interface Reading {
  blocks: string[];
  segments: Array<ReturnType<typeof extractBlocks>['segments'][number]>;
  /** The element of the run each block came from. */
  owners: Element[];
  /** Text length of each element of the run. */
  sizes: number[];
  /** The blocks before the run, read with it as context. */
  before: string[];
  context: PageContext;
}

export class PageChecker {
  private readonly doc: Document;
  private readonly engine: Engine;
  private marks: Highlighter | null = null;
  private readonly queue: WorkQueue;
  private readonly tracked = new Map<string, TrackedClaim>();
  /** Parts of the page that failed, each kind logged once. */
  private readonly failures = new FailureLog();
  /** Claims by the chunk they were found in, so a changed chunk finds its own claims at once. */
  private readonly byRoot = new Map<Element, Set<TrackedClaim>>();
  /** Claims by the text nodes their words start and end in, for hit-testing a pointer. */
  private readonly byNode = new Map<Node, Set<TrackedClaim>>();
  /** Chunks of a whole-page look that began with no claims: nothing there to replace. */
  /** Elements read again (reported changed) while the page split is under way. */
  private readAgain: Element[] = [];
  private splitting = false;
  private enginePrepared = false;
  private fresh = new WeakSet<Element>();
  private readonly indexedNodes = new WeakMap<TrackedClaim, Node[]>();
  private sorted: TrackedClaim[] | null = null;
  private pendingMarks: TrackedClaim[] = [];
  private lastMarksAt = -Infinity;
  private shownMarks = 0;
  /** Set on long pages: only marks near the viewport are registered (see `openWindow`). */
  private window: MarkWindow | null = null;
  /** The stretch each marked root belongs to (the run it was read in), for the window. */
  private readonly stretches = new Map<Element, Stretch>();
  /** True once claims came from content looked at after the first, page-order read. */
  private outOfOrder = false;
  private context: PageContext = {};
  private nextId = 1;
  private showUnverified: boolean;
  private strongMarks: boolean;
  private relevant = false;
  private changed = false;
  /** A big run being read part by part; `live` goes false when the page changes it. */
  private partial: { run: Run; live: boolean } | null = null;

  constructor(private readonly options: PageCheckerOptions) {
    this.doc = options.doc;
    this.engine = options.engine;
    this.showUnverified = options.showUnverified;
    this.strongMarks = options.strongMarks ?? false;
    const win = this.doc.defaultView!;
    this.queue = new WorkQueue({
      sliceBudgetMs: options.sliceBudgetMs ?? SLICE_BUDGET_MS,
      maxPerSlice: 200,
      // One run that cannot be read or marked is skipped; the rest of the page still is.
      process: (run) =>
        this.containRest(this.failures.contain('mark a block', null, () => this.processRun(run))),
      onSlice: () => this.flushMarks(false),
      onIdle: () => {
        this.flushMarks(true);
        this.flushChange();
        this.markChecked();
      },
      schedule: (cb) => {
        if (typeof win.requestIdleCallback === 'function')
          win.requestIdleCallback(cb, { timeout: 200 });
        else win.setTimeout(() => cb({ timeRemaining: () => 8 }), 1);
      },
      continueSoon:
        typeof win.MessageChannel === 'function'
          ? createSoon(win as Window & typeof globalThis, options.signal)
          : undefined,
      now: () => win.performance.now(),
    });
    options.signal.addEventListener('abort', () => this.dispose());
  }

  /** Made on first use: a page with nothing to mark never touches the highlight registry. */
  private get highlighter(): Highlighter {
    if (!this.marks) {
      this.marks = createHighlighter(this.doc);
      this.marks.setStrong(this.strongMarks);
    }
    return this.marks;
  }

  /** The reader changed the highlight style: the marks follow at once. */
  setStrongMarks(strong: boolean): void {
    this.strongMarks = strong;
    this.marks?.setStrong(strong);
  }

  get isRelevant(): boolean {
    return this.relevant;
  }

  /** Every claim in page order (sorted once per change, not per call). */
  /**
   * Every claim in page order. Chunks are read in page order, so claims arrive in order and
   * only a set that later changes (content added or rewritten) needs sorting.
   */
  get claims(): TrackedClaim[] {
    if (!this.sorted) {
      const all = [...this.tracked.values()];
      this.sorted = this.outOfOrder ? all.sort((a, b) => compareRanges(a.range, b.range)) : all;
      this.outOfOrder = false;
    }
    return this.sorted;
  }

  /**
   * The first look at the page, then watch it for changes. `knownRelevant`: the loader has
   * just run the same test on the same page, so it is not run twice.
   */
  start(knownRelevant = false): void {
    this.relevant = knownRelevant || this.looksRelevant(this.doc.body);
    if (this.relevant) {
      // The engine's tables are built by the reading queue, a step per slice (see
      // `scanWholePage`): built here, with the checker's start-up, they made a task over 50 ms.
      this.scanWholePage();
    }
    observePage(this.doc, {
      isOwn: isOwnNode,
      signal: this.options.signal,
      onRoots: (roots) =>
        this.failures.contain('follow a change', undefined, () => this.onRoots(roots)),
      onResume: () => {
        if (this.relevant) this.scanWholePage();
      },
    });
  }

  /** The page changed these roots (one observer batch). */
  private onRoots(roots: Element[]): void {
    if (!this.relevant) {
      // A single-page app may bring Kent content later: test only what changed.
      if (!roots.some((r) => this.looksRelevant(r))) return;
      this.relevant = true;
      this.scanWholePage();
      return;
    }
    // Marks on text the page threw away go at once; the new text is looked at in idle time.
    this.pruneDetached();
    this.stopPartial(roots);
    for (const root of roots) this.queue.add(root);
    this.flushChange();
  }

  /** The rest of a run read part by part, each part contained like the run itself. */
  private containRest(rest: Rest | null): Rest | null {
    if (!rest) return null;
    return () => this.containRest(this.failures.contain('mark a block', null, rest));
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
      if (show && (!this.window || this.window.isNear(t.root)))
        this.highlighter.add(t.range, 'unverified');
      else this.highlighter.remove(t.range);
    }
    this.changed = true;
    this.flushChange();
  }

  claimById(id: string): TrackedClaim | undefined {
    return this.tracked.get(id);
  }

  get visibleClaims(): TrackedClaim[] {
    return this.claims.filter((t) => this.showUnverified || t.claim.verdict !== 'unverified');
  }

  /**
   * The claim whose words are under a viewport point, for the one delegated pointer listener.
   * The text node under the point narrows the search to its few claims, so a pointer move
   * costs the same on a page with ten claims or ten thousand.
   */
  claimAt(x: number, y: number): TrackedClaim | null {
    const node = textNodeAt(this.doc, x, y);
    const candidates = node ? this.byNode.get(node) : this.tracked.values();
    for (const t of candidates ?? []) {
      if (!this.showUnverified && t.claim.verdict === 'unverified') continue;
      for (const rect of Array.from(t.range.getClientRects())) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return t;
      }
    }
    return null;
  }

  private later(work: () => void): void {
    const win = this.doc.defaultView;
    if (!win) return;
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(() => work(), { timeout: 200 });
    else win.setTimeout(work, 1);
  }

  private looksRelevant(root: Node | null): boolean {
    return looksRelevant(this.doc, root);
  }

  private scanWholePage(): void {
    const body = this.doc.body;
    if (!body) return;
    if (this.options.signal.aborted) return;
    // The page's metadata is context only: when it cannot be read, the text still is.
    const page: PageContext = this.failures.contain(
      'read a block',
      {},
      () => extractBlocks(this.doc, { contextOnly: true, failures: this.failures }).context,
    );
    // The page's first headings speak for all of it; a page of thousands of section titles
    // must not make every chunk's analysis read them all.
    this.context = { ...page, headings: page.headings?.slice(0, PAGE_HEADINGS) };
    this.clearClaims();
    this.fresh = new WeakSet();
    this.readAgain = [];
    // The page is split as the queue reads it, a run at a time, so no single task walks all
    // of a huge page.
    const runs = iterateRuns(body, this.options.chunkChars ?? 8_000, isOwnElement);
    const fresh = this.fresh;
    this.splitting = true;
    this.queue.setSource({
      next: () => {
        if (!this.enginePrepared) {
          // The engine's first use builds its tables: steps of their own before real work.
          this.prepareEngine();
          return { done: false, value: null };
        }
        const next = runs.next();
        if (!next.done) {
          if (next.value) fresh.add(next.value[0]!);
        } else if (this.fresh === fresh) {
          this.splitting = false;
          this.readAgain = [];
        }
        return next;
      },
    });
  }

  private processRun(run: Run): Rest | null {
    if (this.fresh.has(run[0]!)) {
      this.fresh.delete(run[0]!);
      // The observer may have had part of this run read already, ahead of the split.
      run = this.withoutReadAgain(run);
      if (run.length === 0) return null;
    } else {
      // Claims inside a chunk looked at again are replaced.
      for (const root of run) this.dropClaimsWithin(root);
      this.outOfOrder = true;
      if (this.splitting) this.readAgain.push(...run);
    }
    const reading = this.read(run);
    if (!reading) return null;
    const stretch = stretchOf(run, reading.sizes);
    const total = reading.sizes.reduce((sum, n) => sum + n, 0);
    if (total <= this.chunkChars) {
      this.trackAll(this.analyseReading(reading), stretch);
      return null;
    }
    // Too big for one slice: read part by part, a part a slice at most, for as long as the
    // page has not changed this run and no new look at the page has begun. Its claims are
    // marked when all of it has been read: a wrapper mark splits the text nodes that the
    // map of the run's text points into.
    const token = { run, live: true };
    this.partial = token;
    const parts = partsOf(reading.blocks, PART_CHARS);
    const found: FoundClaim[] = [];
    let previous: Part | null = null;
    const step: Rest = () => {
      if (!token.live || this.options.signal.aborted) return null;
      const next = parts.next();
      if (next.done) {
        if (this.partial === token) this.partial = null;
        this.trackAll(found, stretch);
        return null;
      }
      const part = next.value;
      found.push(...this.analysePart(reading, part, previous));
      previous = part;
      return step;
    };
    return step();
  }

  private get chunkChars(): number {
    return this.options.chunkChars ?? 8_000;
  }

  private trackAll(claims: readonly FoundClaim[], stretch: Stretch): void {
    for (const { claim, range, root } of claims) {
      this.stretches.set(root, stretch);
      this.track({ id: `claim-${this.nextId++}`, claim, range, root });
    }
  }

  /** One step of the engine's preparation (see `Engine.prepare`), a queue step of its own. */
  private prepareEngine(): void {
    if (this.enginePrepared) return;
    try {
      this.enginePrepared = this.engine.prepare();
    } catch (error) {
      this.enginePrepared = true;
      this.failures.report('prepare the engine', error);
    }
  }

  /**
   * A run from the page split, less the elements read since the split began (content the
   * observer reported): one already read is skipped, one around them is read afresh.
   */
  private withoutReadAgain(run: Run): Run {
    if (this.readAgain.length === 0) return run;
    const out: Element[] = [];
    for (const el of run) {
      if (this.readAgain.some((r) => r === el || r.contains(el))) continue;
      if (this.readAgain.some((r) => el.contains(r))) this.dropClaimsWithin(el);
      out.push(el);
    }
    return out;
  }

  /**
   * The text of a run of elements, its map back to the page, and the context the engine
   * reads it with: the blocks before it (as in a whole-page read; claims found in those
   * blocks belong to the chunk before and are dropped). Null when the page's markup could
   * not be read: a malformed page must not break the content script, or the page.
   */
  private read(run: Run): Reading | null {
    try {
      const blocks: string[] = [];
      const segments: Reading['segments'] = [];
      const owners: Element[] = [];
      const headings: string[] = [];
      const sizes: number[] = [];
      for (const root of run) {
        const extracted = extractBlocks(root, { skip: isOwnElement, rootOnly: true });
        sizes.push(extracted.blocks.reduce((sum, b) => sum + b.length, 0));
        blocks.push(...extracted.blocks);
        segments.push(...extracted.segments);
        for (let i = 0; i < extracted.blocks.length; i++) owners.push(root);
        headings.push(...(extracted.context.headings ?? []));
      }
      const before = blocksBefore(run[0]!, CONTEXT_BLOCKS);
      const context: PageContext = {
        ...this.context,
        headings: [
          ...(this.context.headings ?? []),
          ...before.filter((b) => b.heading).map((b) => b.text),
          ...headings,
        ],
      };
      return { blocks, segments, owners, sizes, before: before.map((b) => b.text), context };
    } catch (error) {
      this.failures.report('read a block', error);
      return null;
    }
  }

  /** The engine's reading of a whole run at once. Never throws. */
  private analyseReading(reading: Reading): FoundClaim[] {
    try {
      const out: FoundClaim[] = [];
      for (const c of this.engine.analyseBlocks(
        [...reading.before, ...reading.blocks],
        reading.context,
      )) {
        if (c.blockIndex < reading.before.length) continue;
        const claim = { ...c, blockIndex: c.blockIndex - reading.before.length };
        const found = this.found(reading, claim);
        if (found) out.push(found);
      }
      return out;
    } catch (error) {
      this.failures.report('analyse a block', error);
      return [];
    }
  }

  /**
   * The engine's reading of one part of a big run, with the end of the part before it as
   * context. Claims come back with offsets in their whole block. Never throws.
   */
  private analysePart(reading: Reading, part: Part, previous: Part | null): FoundClaim[] {
    try {
      const before = previous
        ? [
            previous.pieces
              .map((p) => p.text)
              .join('\n')
              .slice(-PART_CONTEXT_CHARS),
          ]
        : reading.before;
      const out: FoundClaim[] = [];
      for (const c of this.engine.analyseBlocks(
        [...before, ...part.pieces.map((p) => p.text)],
        reading.context,
      )) {
        const piece = part.pieces[c.blockIndex - before.length];
        if (!piece) continue;
        const claim: Claim = {
          ...c,
          blockIndex: piece.block,
          start: c.start + piece.offset,
          end: c.end + piece.offset,
          numberStart: c.numberStart + piece.offset,
          numberEnd: c.numberEnd + piece.offset,
        };
        const found = this.found(reading, claim);
        if (found) out.push(found);
      }
      return out;
    } catch (error) {
      this.failures.report('analyse a block', error);
      return [];
    }
  }

  /** A claim with its range in the page, or null when its words map to no text. */
  private found(reading: Reading, claim: Claim): FoundClaim | null {
    const blockSegments = reading.segments[claim.blockIndex];
    const range = blockSegments ? rangeFor(blockSegments, claim.start, claim.end, this.doc) : null;
    return range ? { claim, range, root: reading.owners[claim.blockIndex]! } : null;
  }

  /**
   * Claims the engine reads in the paragraph around `range`, whether or not they are marked:
   * "Check this statistic" reads a selection with the sentences around it, as the page does.
   */
  claimsAround(range: Range): Array<{ claim: Claim; range: Range }> {
    const node = range.commonAncestorContainer;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const block = el?.closest(BLOCK_SELECTOR) ?? el;
    if (!block || isOwnNode(block)) return [];
    if (this.context.title === undefined)
      this.context = extractBlocks(this.doc, { contextOnly: true }).context;
    const reading = this.read([block]);
    if (!reading) return [];
    if (reading.sizes[0]! <= this.chunkChars) return this.analyseReading(reading);
    // A selection inside a huge paragraph: read part by part, as the page split reads it.
    const parts = [...partsOf(reading.blocks, PART_CHARS)];
    return parts.flatMap((part, i) => this.analysePart(reading, part, parts[i - 1] ?? null));
  }

  private track(t: TrackedClaim): void {
    this.tracked.set(t.id, t);
    this.sorted = null;
    addTo(this.byRoot, t.root, t);
    const nodes = [t.range.startContainer, t.range.endContainer];
    this.indexedNodes.set(t, nodes);
    for (const node of nodes) addTo(this.byNode, node, t);
    if (this.showUnverified || t.claim.verdict !== 'unverified') this.pendingMarks.push(t);
    this.changed = true;
  }

  /**
   * Shows the marks found since the last call. Every change to a highlight makes the browser
   * repaint, so on a long page marks are added in batches, not after every chunk.
   */
  private flushMarks(force: boolean): void {
    const now = this.doc.defaultView?.performance.now() ?? 0;
    if (this.pendingMarks.length === 0) return;
    // The browser re-validates every range of a highlight when it changes, so batches grow
    // with the marks already shown (total work stays linear), but never wait past a second.
    // Each batch also costs the page a frame, and a frame shortens the idle time left for
    // reading the rest of the page.
    const due =
      now - this.lastMarksAt >= MARK_BATCH_MS &&
      (this.pendingMarks.length >= Math.max(MARK_BATCH_MIN, this.shownMarks / 2) ||
        now - this.lastMarksAt >= MARK_BATCH_MAX_WAIT_MS);
    if (!force && !due) return;
    if (!this.window && this.tracked.size > WINDOW_THRESHOLD) this.openWindow();
    if (this.window) {
      // Marks far from the viewport are not drawn; their paragraphs are watched instead.
      this.lastMarksAt = now;
      this.shownMarks += this.pendingMarks.length;
      let drawn = false;
      for (const t of this.pendingMarks) {
        if (this.tracked.get(t.id) !== t) continue;
        this.window.watch(t.root, this.stretchFor(t.root));
        if (!this.window.isNear(t.root)) continue;
        this.highlighter.add(t.range, t.claim.verdict);
        drawn = true;
      }
      this.pendingMarks = [];
      if (drawn) this.mark(DRAWN_MARK);
      return;
    }
    this.lastMarksAt = now;
    this.shownMarks += this.pendingMarks.length;
    for (const t of this.pendingMarks) {
      const visible = this.showUnverified || t.claim.verdict !== 'unverified';
      if (visible && this.tracked.get(t.id) === t) this.highlighter.add(t.range, t.claim.verdict);
    }
    this.pendingMarks = [];
    this.mark(DRAWN_MARK);
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
    const window = new MarkWindow(win, {
      rootMargin: WINDOW_MARGIN,
      onChange: (roots, near) => {
        for (const root of roots) {
          for (const t of this.byRoot.get(root) ?? []) {
            if (!near) this.highlighter.remove(t.range);
            else if (this.showUnverified || t.claim.verdict !== 'unverified')
              this.highlighter.add(t.range, t.claim.verdict);
          }
        }
        if (near) this.mark(DRAWN_MARK);
      },
    });
    this.window = window;
    for (const t of this.tracked.values()) this.highlighter.remove(t.range);
    for (const root of this.byRoot.keys()) window.watch(root, this.stretchFor(root));
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

  private untrack(t: TrackedClaim): void {
    this.highlighter.remove(t.range);
    this.tracked.delete(t.id);
    this.sorted = null;
    this.byRoot.get(t.root)?.delete(t);
    if (this.byRoot.get(t.root)?.size === 0) {
      this.byRoot.delete(t.root);
      this.stretches.delete(t.root);
      this.window?.forget(t.root);
    }
    for (const node of this.nodesOf(t)) {
      const set = this.byNode.get(node);
      set?.delete(t);
      if (set?.size === 0) this.byNode.delete(node);
    }
    this.changed = true;
  }

  /** The nodes a claim was indexed under (its range may since have collapsed elsewhere). */
  private nodesOf(t: TrackedClaim): readonly Node[] {
    return this.indexedNodes.get(t) ?? [];
  }

  /** Removes the claims whose words lie inside `root` (a chunk that is looked at again). */
  private dropClaimsWithin(root: Element): void {
    for (const [chunk, set] of this.byRoot) {
      if (chunk === root || root.contains(chunk)) {
        for (const t of [...set]) this.untrack(t);
      } else if (chunk.contains(root)) {
        for (const t of [...set]) if (root.contains(t.range.startContainer)) this.untrack(t);
      }
    }
  }

  /** Drops claims whose text left the page (a live Range collapses onto a removed node's parent). */
  private pruneDetached(): void {
    for (const t of [...this.tracked.values()]) {
      if (t.range.collapsed || !t.range.startContainer.isConnected) this.untrack(t);
    }
  }

  /**
   * A User Timing mark when the page has been read through: benchmarks and tools outside
   * the project time the extension by it.
   */
  private markChecked(): void {
    this.mark(CHECKED_MARK, { claims: this.tracked.size });
  }

  /** Sets a User Timing mark, keeping only the latest of its name. */
  private mark(name: string, detail?: unknown): void {
    const perf = this.doc.defaultView?.performance;
    if (!perf || typeof perf.mark !== 'function') return;
    perf.clearMarks(name);
    perf.mark(name, { detail });
  }

  /**
   * A big run being read part by part stops when the page changes it (its map to the page's
   * text is out of date), and is queued to be read afresh.
   */
  private stopPartial(roots: readonly Node[]): void {
    const partial = this.partial;
    if (!partial) return;
    if (!roots.some((r) => partial.run.some((el) => el.contains(r) || r.contains(el)))) return;
    partial.live = false;
    this.partial = null;
    for (const el of partial.run) this.queue.add(el);
  }

  private clearClaims(): void {
    if (this.partial) this.partial.live = false;
    this.partial = null;
    this.window?.disconnect();
    this.window = null;
    this.pendingMarks = [];
    this.shownMarks = 0;
    this.sorted = null;
    for (const t of this.tracked.values()) this.highlighter.remove(t.range);
    if (this.tracked.size > 0) this.changed = true;
    this.tracked.clear();
    this.byRoot.clear();
    this.stretches.clear();
    this.byNode.clear();
  }

  private flushChange(): void {
    if (!this.changed || this.options.signal.aborted) return;
    this.changed = false;
    this.sorted = null;
    this.options.onChange(this.claims);
  }

  private dispose(): void {
    this.window?.disconnect();
    this.window = null;
    this.queue.stop();
    this.marks?.clear();
    this.tracked.clear();
    this.byRoot.clear();
    this.byNode.clear();
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** The text node under a viewport point, where the browser can say. */
function textNodeAt(doc: Document, x: number, y: number): Node | null {
  const d = doc as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node } | null;
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function')
    return d.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  if (typeof d.caretRangeFromPoint === 'function')
    return d.caretRangeFromPoint(x, y)?.startContainer ?? null;
  return null;
}

function compareRanges(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  } catch {
    return 0; // ranges in detached trees cannot be compared; keep their order
  }
}
