/**
 * Work on page content in short idle slices, never in one long task and never inside a
 * MutationObserver callback. Roots are deduplicated (a queued ancestor covers its
 * descendants) and each slice stops when its time budget is spent.
 */
export interface WorkQueueOptions {
  /** Longest a slice may run, in ms: well under the 50 ms that counts as a long task. */
  sliceBudgetMs: number;
  /** Most roots processed in one slice, whatever the clock says. */
  maxPerSlice: number;
  process(root: Element): void;
  /** Called after each slice, so results can be shown in batches rather than one by one. */
  onSlice?(): void;
  /** Called when the queue runs dry. */
  onIdle?(): void;
  schedule(callback: (deadline: { timeRemaining(): number }) => void): void;
  now(): number;
}

export class WorkQueue {
  /** Queued roots; `head` is the next to process (no `shift()`: it is O(n) on big queues). */
  private pending: Element[] = [];
  private head = 0;
  private scheduled = false;
  private stopped = false;

  constructor(private readonly options: WorkQueueOptions) {}

  get size(): number {
    return this.pending.length - this.head;
  }

  add(root: Element): void {
    if (this.stopped) return;
    this.compact();
    if (this.pending.some((queued) => queued === root || queued.contains(root))) return;
    // A new ancestor replaces the descendants already queued.
    this.pending = this.pending.filter((queued) => !root.contains(queued));
    this.pending.push(root);
    this.kick();
  }

  /**
   * Queues roots known not to overlap each other (a page split into chunks), skipping the
   * ancestor checks that would make queueing thousands of chunks quadratic.
   */
  addDisjoint(roots: readonly Element[]): void {
    if (this.stopped) return;
    this.compact();
    if (this.pending.length === 0) this.pending = [...roots];
    else {
      const overlaps = (root: Element) =>
        this.pending.some((q) => q === root || q.contains(root) || root.contains(q));
      for (const root of roots) if (!overlaps(root)) this.pending.push(root);
    }
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.pending = [];
    this.head = 0;
  }

  /** Forgets the roots already processed. */
  private compact(): void {
    if (this.head === 0) return;
    this.pending = this.pending.slice(this.head);
    this.head = 0;
  }

  private kick(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.options.schedule((deadline) => this.run(deadline));
  }

  private run(deadline: { timeRemaining(): number }): void {
    this.scheduled = false;
    if (this.stopped) return;
    const start = this.options.now();
    const budget = Math.min(this.options.sliceBudgetMs, Math.max(4, deadline.timeRemaining()));
    let done = 0;
    while (this.head < this.pending.length && done < this.options.maxPerSlice) {
      const root = this.pending[this.head++]!;
      if (root.isConnected) this.options.process(root);
      done++;
      if (this.options.now() - start >= budget) break;
    }
    this.options.onSlice?.();
    if (this.head < this.pending.length) {
      this.kick();
      return;
    }
    this.pending = [];
    this.head = 0;
    this.options.onIdle?.();
  }
}
