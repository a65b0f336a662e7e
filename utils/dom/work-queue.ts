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
  /** Called when the queue runs dry. */
  onIdle?(): void;
  schedule(callback: (deadline: { timeRemaining(): number }) => void): void;
  now(): number;
}

export class WorkQueue {
  private readonly pending: Element[] = [];
  private scheduled = false;
  private stopped = false;

  constructor(private readonly options: WorkQueueOptions) {}

  get size(): number {
    return this.pending.length;
  }

  add(root: Element): void {
    if (this.stopped) return;
    if (this.pending.some((queued) => queued === root || queued.contains(root))) return;
    // A new ancestor replaces the descendants already queued.
    for (let i = this.pending.length - 1; i >= 0; i--) {
      if (root.contains(this.pending[i]!)) this.pending.splice(i, 1);
    }
    this.pending.push(root);
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
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
    while (this.pending.length > 0 && done < this.options.maxPerSlice) {
      const root = this.pending.shift()!;
      if (root.isConnected) this.options.process(root);
      done++;
      if (this.options.now() - start >= budget) break;
    }
    if (this.pending.length > 0) this.kick();
    else this.options.onIdle?.();
  }
}
