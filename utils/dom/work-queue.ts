/**
 * Work on page content in short idle slices, never in one long task and never inside a
 * MutationObserver callback. A unit of work is a run of neighbouring elements; runs added
 * one root at a time are deduplicated (a queued ancestor covers its descendants), and each
 * slice stops when its time budget is spent.
 */
export type Run = readonly Element[];

/**
 * What is left of a run too big for one slice (one paragraph of 120 KB, a 5 MB text node):
 * called in a later slice, it does the next part and returns what is left after that.
 */
export type Rest = () => Rest | null;

export interface WorkQueueOptions {
  /** Longest a slice may run, in ms: well under the 50 ms that counts as a long task. */
  sliceBudgetMs: number;
  /** Most runs processed in one slice, whatever the clock says. */
  maxPerSlice: number;
  /** Reads a run, or its first part and returns the `Rest`, read before any other run. */
  process(run: Run): Rest | null | void;
  /** Called after each slice, so results can be shown in batches rather than one by one. */
  onSlice?(): void;
  /** Called when the queue runs dry (in a task of its own after a slice that did work). */
  onIdle?(): void;
  schedule(callback: (deadline: IdleDeadlineLike) => void): void;
  /**
   * Runs `callback` in a task of its own, soon (a message to a channel). With it, a slice that
   * stopped at its budget while its idle period still has time goes on in that time, instead
   * of waiting for the next idle period: the browser ends an idle period at most 50 ms after it
   * began, and a callback asked for inside one waits for the next. The page's own tasks and
   * input still come in between the two tasks.
   */
  continueSoon?(callback: () => void): void;
  now(): number;
}

export interface IdleDeadlineLike {
  timeRemaining(): number;
  /** The browser ran the callback because its timeout passed, not because the page was idle. */
  didTimeout?: boolean;
}

/** Idle time worth going on in: less than this, and the next idle period is as good. */
const CONTINUE_MIN_MS = 5;

const PAUSE = Symbol('pause');

const covers = (run: Run, el: Element) => run.some((e) => e === el || e.contains(el));

export class WorkQueue {
  /** Queued runs; `head` is the next to process (no `shift()`: it is O(n) on big queues). */
  private pending: Run[] = [];
  private head = 0;
  /**
   * Runs made on demand (a whole page being split), read after the queued ones. `null` from
   * the source is a pause: no run yet, but a moment to check the slice's clock. A function
   * from the source is a unit of work of its own (a step of the engine's start-up), timed
   * and budgeted like a run.
   */
  private source: Iterator<Run | Rest | null, void> | null = null;
  private scheduled = false;
  /**
   * What reading a run has cost lately (ms, a moving average); until runs have been timed,
   * half a slice, so the first run found late in a slice waits for the next.
   */
  private runCost: number;
  private stopped = false;
  /** The rest of a run begun in an earlier slice: it goes first. */
  private rest: Rest | null = null;

  constructor(private readonly options: WorkQueueOptions) {
    this.runCost = options.sliceBudgetMs / 2;
  }

  get size(): number {
    return this.pending.length - this.head;
  }

  /**
   * Reads runs from `source` as slices have time for them, after any queued runs: splitting
   * a huge page then costs no more per slice than analysing it. Replaces an earlier source.
   */
  setSource(source: Iterator<Run | Rest | null, void>): void {
    if (this.stopped) return;
    this.source = source;
    this.kick();
  }

  /** Queues one root (content that changed), unless a queued run already covers it. */
  add(root: Element): void {
    if (this.stopped) return;
    this.compact();
    if (this.pending.some((run) => covers(run, root))) return;
    // A new ancestor replaces the single roots already queued inside it.
    this.pending = this.pending.filter((run) => !(run.length === 1 && root.contains(run[0]!)));
    this.pending.push([root]);
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.pending = [];
    this.head = 0;
    this.source = null;
    this.rest = null;
  }

  /** The next run to process (queued runs first, then the source's), a pause, or the end. */
  private next(): Run | Rest | typeof PAUSE | null {
    if (this.rest) {
      const rest = this.rest;
      this.rest = null;
      return rest;
    }
    if (this.head < this.pending.length) return this.pending[this.head++]!;
    if (!this.source) return null;
    const next = this.source.next();
    if (!next.done) return next.value ?? PAUSE;
    this.source = null;
    return null;
  }

  private putBack(run: Run | Rest): void {
    if (typeof run === 'function') {
      this.rest = run;
      return;
    }
    if (this.head > 0) this.pending[--this.head] = run;
    else this.pending.unshift(run);
  }

  private get hasWork(): boolean {
    return this.rest !== null || this.head < this.pending.length || this.source !== null;
  }

  /** Forgets the runs already processed. */
  private compact(): void {
    if (this.head === 0) return;
    this.pending = this.pending.slice(this.head);
    this.head = 0;
  }

  /** Asks for the next slice: in what is left of `deadline`'s idle period, or the next one. */
  private kick(deadline?: IdleDeadlineLike): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const { continueSoon } = this.options;
    if (continueSoon && deadline && deadline.timeRemaining() >= CONTINUE_MIN_MS) {
      continueSoon(() => {
        this.scheduled = false;
        // Whatever ran in between may have used the idle time up.
        if (deadline.timeRemaining() >= CONTINUE_MIN_MS) this.run(deadline);
        else this.kick();
      });
      return;
    }
    this.options.schedule((next) => this.run(next));
  }

  private run(deadline: IdleDeadlineLike): void {
    this.scheduled = false;
    if (this.stopped) return;
    const start = this.options.now();
    // A callback the browser ran because its timeout passed comes on a page that has not been
    // idle since it was asked for (a live blog's or an advert's script on every task): these
    // turns are all the checker gets there, so it uses a whole slice in each, still under a
    // long task. At the 4 ms minimum, a never-idle article took 26 times as long to be read
    // as the same page quiet (npm run bench:browser); now about 8 times.
    const budget = deadline.didTimeout
      ? this.options.sliceBudgetMs
      : Math.min(this.options.sliceBudgetMs, Math.max(4, deadline.timeRemaining()));
    let done = 0;
    let paused = false;
    while (done < this.options.maxPerSlice) {
      const next = this.next();
      if (!next) break;
      if (next === PAUSE) paused = true;
      else {
        // A run waits for the next slice when reading it, at what runs have cost lately, would
        // overrun this one (the slice's first run always goes ahead, unless the slice has
        // already spent its time on pauses in splitting the page).
        if ((done > 0 || paused) && this.options.now() - start + this.runCost > budget) {
          this.putBack(next);
          break;
        }
        const began = this.options.now();
        if (typeof next === 'function') this.rest = next();
        else {
          const run = next.filter((el) => el.isConnected);
          const rest = run.length > 0 ? this.options.process(run) : null;
          this.rest = typeof rest === 'function' ? rest : null;
        }
        const cost = this.options.now() - began;
        this.runCost = 0.7 * this.runCost + 0.3 * cost;
        done++;
      }
      if (this.options.now() - start >= budget) break;
    }
    this.options.onSlice?.();
    if (this.hasWork) {
      this.kick(deadline);
      return;
    }
    this.pending = [];
    this.head = 0;
    this.finish(done > 0);
  }

  /**
   * The queue ran dry. After a slice that did work, `onIdle` goes in a task of its own: on a
   * long page it costs as much as a run (the last marks drawn, the UI told of every claim),
   * and in the slice's task the two together made a long task. Work that comes in meanwhile
   * calls it again when done.
   */
  private finish(afterWork: boolean): void {
    const onIdle = this.options.onIdle;
    if (!onIdle) return;
    if (!afterWork) {
      onIdle();
      return;
    }
    const later = () => {
      if (!this.stopped && !this.hasWork && !this.scheduled) onIdle();
    };
    if (this.options.continueSoon) this.options.continueSoon(later);
    else this.options.schedule(later);
  }
}
