/**
 * Owns the reading of the page: when and what to read (the first look, the page's changes,
 * runs split into parts), the engine's calls, and the claims it finds, handed to the claim
 * index and the mark painter. Removes everything it made when its signal aborts (WXT's
 * context invalidated).
 *
 * Cost model: one cheap relevance test on the page's text; nothing more on pages with no
 * Kent or Medway context. A page that names Kent but has no word of assault or abuse is split
 * and its text read, but the engine is never started. Real work happens in idle slices on
 * chunks of the page, never in one long task and never inside the MutationObserver callback.
 */
import type { Engine } from '@/utils/engine';
import { mayNameTopic } from '@/utils/engine/concepts';
import { caretAt } from './caret';
import { iterateRuns } from './chunk';
import { ClaimIndex, type TrackedClaim } from './claim-index';
import { isLive, liveRange } from './claim-range';
import { supportsHighlightApi } from './highlight';
import { MarkPainter } from './mark-painter';
import { observePage, type Removal } from './observe';
import { stretchOf, type Stretch } from './mark-window';
import { looksRelevant } from './relevance';
import { isOwnElement, isOwnNode } from './shadow-host';
import { FailureLog } from './failures';
import { createSoon } from './soon';
import { PART_CHARS, partsOf, type Part } from './parts';
import { RunReader, type FoundClaim, type Reading } from './run-reader';
import { WorkQueue, type Rest, type Run } from './work-queue';
import { CHECKED_MARK, setTimingMark } from './timing-marks';

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

/**
 * Longest slice of work in one idle callback. A slice runs units of work (a run, a part of a
 * big run, a step of the engine's start-up) while the next, at what units have cost lately,
 * fits; so a slice can end a unit's cost past its budget, and a garbage collection can land
 * inside it. 20 ms of budget and units of a few ms keep the whole under the 50 ms of a long
 * task; a slice that stops with idle time left goes on in a task of its own (`continueSoon`),
 * so short slices cost the page's reading little (measurements: tests/bench/NOTES.md).
 */
const SLICE_BUDGET_MS = 20;
/**
 * Text read in one go, at most: a run of neighbouring paragraphs, or a part of a bigger one.
 * A dense article costs the engine about 2 ms per 1,000 characters in Chromium (more on its
 * first reads, before the code is compiled), so a run is a few ms of work.
 */
const CHUNK_CHARS = 3_000;
/**
 * Claims of a big run taken into the index and the painter in one step of work. A step of
 * 1,000 cost about 2.5 ms on a 5 MB text node, but up to 36 ms when a garbage collection's
 * marking (66,000 live ranges to trace) landed in it; a slice's clock is only read between
 * steps, so smaller steps stop a slice nearer its budget.
 */
const TRACK_PER_STEP = 250;
/**
 * Longest text node the page changes in place whose claims hold live ranges. A fixed range
 * keeps its offsets when the page rewrites its text (a live counter, a ticker), so its mark
 * would sit on other characters until the paragraph is read again, and for seconds while
 * the observer backs off; a live range follows the change, or collapses and draws nothing.
 * The browser updates every live range on every change to the page, so a text node longer
 * than this (hundreds of claims) keeps fixed ones.
 */
const MAX_LIVE_TEXT = 20_000;

export class PageChecker {
  private readonly doc: Document;
  private readonly engine: Engine;
  private readonly queue: WorkQueue;
  private readonly index = new ClaimIndex();
  private readonly painter: MarkPainter;
  /** Parts of the page that failed, each kind logged once. */
  private readonly failures = new FailureLog();
  /** Elements read again (reported changed) while the page split is under way. */
  private readAgain: Element[] = [];
  private splitting = false;
  private enginePrepared = false;
  /**
   * Some text read so far may name assault or abuse (`mayNameTopic`). Until then no claim can
   * be found, so the engine is neither started nor asked: most pages that name Kent are about
   * something else, and its start-up was most of what the extension cost them.
   */
  private topical = false;
  /** Looks at the whole page begun so far: a run waiting for the engine is dropped by a new one. */
  private scans = 0;
  private fresh = new WeakSet<Element>();
  private readonly reader: RunReader;
  private relevant = false;
  private changed = false;
  /** A big run being read part by part; `live` goes false when the page changes it. */
  private partial: { run: Run; live: boolean } | null = null;
  /** A big run's claims are being taken in, a step at a time: no marks are drawn meanwhile. */
  private takingIn = false;
  /** Text nodes the page has changed in place: claims there hold live ranges (MAX_LIVE_TEXT). */
  private readonly edited = new WeakSet<Node>();

  constructor(private readonly options: PageCheckerOptions) {
    this.doc = options.doc;
    this.engine = options.engine;
    // Claims hold fixed ranges where the marks are highlights; the wrapper marks split text
    // nodes, and only live ranges follow the split.
    const allLive = !supportsHighlightApi(this.doc.defaultView!);
    this.reader = new RunReader(
      this.doc,
      this.engine,
      this.failures,
      (node) => allLive || this.followsEdits(node),
    );
    this.painter = new MarkPainter({
      doc: this.doc,
      claims: this.index,
      showUnverified: options.showUnverified,
      strongMarks: options.strongMarks ?? false,
    });
    const win = this.doc.defaultView!;
    this.queue = new WorkQueue({
      sliceBudgetMs: options.sliceBudgetMs ?? SLICE_BUDGET_MS,
      maxPerSlice: 200,
      // One run that cannot be read or marked is skipped; the rest of the page still is.
      process: (run) =>
        this.containRest(this.failures.contain('mark a block', null, () => this.processRun(run))),
      onSlice: () => {
        if (!this.takingIn) this.painter.flush(false);
      },
      onIdle: () => {
        this.painter.flush(true);
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

  /** The reader changed the highlight style: the marks follow at once. */
  setStrongMarks(strong: boolean): void {
    this.painter.setStrong(strong);
  }

  get isRelevant(): boolean {
    return this.relevant;
  }

  /** Every claim in page order. */
  get claims(): TrackedClaim[] {
    return this.index.all;
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
      onRoots: (roots, removal, edited) =>
        this.failures.contain('follow a change', undefined, () =>
          this.onRoots(roots, removal, edited),
        ),
      onBackoff: (edited) =>
        this.failures.contain('follow a change', undefined, () => {
          this.distrust(edited);
          this.flushChange();
        }),
      onResume: () => {
        if (this.relevant) this.scanWholePage();
      },
    });
  }

  /**
   * The page changed these roots, took out `removal`, and changed the text of `edited` in
   * place (one observer batch).
   */
  private onRoots(roots: Element[], removal: Removal, edited: readonly Node[]): void {
    this.distrust(edited);
    if (!this.relevant) {
      // A single-page app may bring Kent content later: test only what changed.
      if (!roots.some((r) => this.looksRelevant(r))) return;
      this.relevant = true;
      this.scanWholePage();
      return;
    }
    // Marks on text the page threw away go at once; the new text is looked at in idle time.
    this.pruneDetached(roots, removal);
    // A big run read part by part maps text that may have gone with the blocks taken out.
    this.stopPartial([...roots, ...removal.from]);
    for (const root of roots) this.queue.add(root);
    this.flushChange();
  }

  /** The rest of a run read part by part, each part contained like the run itself. */
  private containRest(rest: Rest | null): Rest | null {
    if (!rest) return null;
    return () => this.containRest(this.failures.contain('mark a block', null, rest));
  }

  setShowUnverified(show: boolean): void {
    if (show === this.painter.unverifiedShown) return;
    this.painter.setShowUnverified(show);
    this.changed = true;
    this.flushChange();
  }

  claimById(id: string): TrackedClaim | undefined {
    return this.index.get(id);
  }

  /** The claims the reader sees (marked and listed). */
  get visibleClaims(): TrackedClaim[] {
    return this.claims.filter((t) => this.painter.isShown(t));
  }

  /**
   * The claim whose words are under a viewport point, for the one delegated pointer listener.
   * The caret under the point narrows the search to the claims of its text node around its
   * offset, so a pointer move costs the same on a page with ten claims or on one paragraph
   * of 66,000.
   */
  claimAt(x: number, y: number): TrackedClaim | null {
    const caret = caretAt(this.doc, x, y);
    for (const t of this.index.near(caret?.node ?? null, caret?.offset)) {
      if (!this.painter.isShown(t)) continue;
      for (const rect of Array.from(liveRange(t.range)?.getClientRects() ?? [])) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return t;
      }
    }
    return null;
  }

  private looksRelevant(root: Node | null): boolean {
    return looksRelevant(this.doc, root);
  }

  private scanWholePage(): void {
    const body = this.doc.body;
    if (!body) return;
    if (this.options.signal.aborted) return;
    this.scans += 1;
    // The page's own context first, in units of work of their own (see `pageSteps`).
    let pageSteps: Rest | null = this.containRest(this.reader.pageSteps());
    this.clearClaims();
    this.fresh = new WeakSet();
    this.readAgain = [];
    // The page is split as the queue reads it, a run at a time, so no single task walks all
    // of a huge page.
    const runs = iterateRuns(body, this.options.chunkChars ?? CHUNK_CHARS, isOwnElement);
    const fresh = this.fresh;
    this.splitting = true;
    this.queue.setSource({
      next: () => {
        if (pageSteps) {
          const steps = pageSteps;
          pageSteps = null;
          return { done: false, value: steps };
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
      this.index.arriveOutOfOrder();
      if (this.splitting) this.readAgain.push(...run);
    }
    return this.readRun(run);
  }

  /** A run read and analysed, once the page may name its topic and the engine has started. */
  private readRun(run: Run): Rest | null {
    const reading = this.reader.read(run);
    if (!reading) return null;
    if (!this.topical) {
      if (!mayBeTopical(reading)) return null;
      this.topical = true;
    }
    // The first text about assault or abuse: the engine starts, a step a unit of work, and
    // the run is read again after (the page may have changed it meanwhile), unless a new look
    // at the whole page has begun, which reads it afresh.
    if (!this.enginePrepared) {
      const scan = this.scans;
      return this.whenPrepared(() => (scan === this.scans ? this.readRun(run) : null));
    }
    const stretch = stretchOf(run, reading.sizes);
    const total = reading.sizes.reduce((sum, n) => sum + n, 0);
    if (total <= this.chunkChars) {
      this.trackAll(this.reader.analyse(reading), stretch);
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
    // The claims are taken in by the thousand, a step each: 66,000 claims of one 5 MB text
    // node taken in at once made a task of 250 ms.
    // Nothing is drawn until all are in: a wrapper mark splits the text nodes that the
    // claims' ranges point into.
    const track = (from: number): Rest | null => {
      this.takingIn = false;
      if (!token.live || this.options.signal.aborted) return null;
      const to = Math.min(found.length, from + TRACK_PER_STEP);
      this.trackAll(found.slice(from, to), stretch);
      if (to < found.length) {
        this.takingIn = true;
        return () => track(to);
      }
      if (this.partial === token) this.partial = null;
      return null;
    };
    const step: Rest = () => {
      if (!token.live || this.options.signal.aborted) return null;
      const next = parts.next();
      if (next.done) return track(0);
      const part = next.value;
      found.push(...this.reader.analysePart(reading, part, previous));
      previous = part;
      return step;
    };
    // Reading a 5 MB text node's text is a unit of work of its own; its parts come after.
    return step;
  }

  private get chunkChars(): number {
    return this.options.chunkChars ?? CHUNK_CHARS;
  }

  private trackAll(claims: readonly FoundClaim[], stretch: Stretch): void {
    for (const { claim, range, root } of claims) {
      this.painter.add(this.index.add(claim, range, root), stretch);
      this.changed = true;
    }
  }

  /**
   * `then` once the engine has started. Its first use builds its tables and runs its warm-up:
   * a step (see `Engine.prepare`) per unit of work until then, each timed and budgeted like a
   * run (two steps in one slice made a long task).
   */
  private whenPrepared(then: Rest): Rest {
    const step: Rest = () => {
      if (this.enginePrepared) return then();
      try {
        this.enginePrepared = this.engine.prepare();
      } catch (error) {
        this.enginePrepared = true;
        this.failures.report('prepare the engine', error);
      }
      return step;
    };
    return step;
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
   * Claims the engine reads in the paragraph around `range`, whether or not they are marked:
   * "Check this statistic" reads a selection with the sentences around it, as the page does.
   */
  claimsAround(range: Range): FoundClaim[] {
    return this.reader.around(range, this.chunkChars);
  }

  private untrack(t: TrackedClaim): void {
    this.painter.remove(t, this.index.remove(t));
    this.changed = true;
  }

  /** Removes the claims whose words lie inside `root` (a chunk that is looked at again). */
  private dropClaimsWithin(root: Element): void {
    for (const t of this.index.within(root)) this.untrack(t);
  }

  /**
   * The page changed the text of these nodes in place: their claims' fixed offsets may now
   * point at other characters, so those claims and their marks go at once (their paragraphs
   * are read again, or the whole page is after a back-off), and claims found there from now
   * on hold live ranges, which follow the page's next changes. A node too long for live
   * ranges keeps its claims until its paragraph is read again, in slices: dropping the
   * 66,000 claims of a 5 MB text node here would be one long task.
   */
  private distrust(edited: readonly Node[]): void {
    for (const node of edited) {
      this.edited.add(node);
      if (!this.followsEdits(node)) continue;
      for (const t of [...this.index.near(node)]) if (!isLive(t.range)) this.untrack(t);
    }
  }

  private followsEdits(node: Node): boolean {
    return this.edited.has(node) && (node as CharacterData).length <= MAX_LIVE_TEXT;
  }

  /** Drops claims whose text left the page (see `ClaimIndex.detached`). */
  private pruneDetached(changed: readonly Element[], removal: Removal): void {
    for (const t of this.index.detached(changed, removal)) this.untrack(t);
  }

  /**
   * A timing mark when the page has been read through (private to the content script's
   * world, see timing-marks.ts): benchmarks and end-to-end tests time the extension by it.
   */
  private markChecked(): void {
    setTimingMark(CHECKED_MARK, { claims: this.index.size });
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
    this.painter.clear();
    if (this.index.size > 0) this.changed = true;
    this.index.clear();
  }

  private flushChange(): void {
    if (!this.changed || this.options.signal.aborted) return;
    this.changed = false;
    this.options.onChange(this.claims);
  }

  private dispose(): void {
    this.queue.stop();
    this.painter.dispose();
    this.index.clear();
  }
}

/** Whether any text of a reading may name assault or abuse (see `mayNameTopic`). */
function mayBeTopical(reading: Reading): boolean {
  const { title, headings } = reading.context;
  return (
    reading.blocks.some(mayNameTopic) ||
    reading.before.some(mayNameTopic) ||
    mayNameTopic(title ?? '') ||
    (headings ?? []).some(mayNameTopic)
  );
}
