/**
 * Failures the checker contains: one part of a page (a block, a mutation batch, a JSON-LD
 * item) that cannot be read is skipped and the rest of the page is still checked. Each kind
 * is logged once per page (one log per checker session), so a page of a thousand malformed
 * blocks writes one line to its console, not a thousand: the console is the page's, and
 * logging has a cost of its own.
 */
export type FailureKind =
  | 'read a block'
  | 'analyse a block'
  | 'mark a block'
  | 'follow a change'
  | 'prepare the engine'
  | 'read a JSON-LD item';

export class FailureLog {
  private readonly logged = new Set<FailureKind>();

  /** Logs the first failure of each kind; later ones of that kind are skipped silently. */
  report(kind: FailureKind, error: unknown): void {
    if (this.logged.has(kind)) return;
    this.logged.add(kind);
    console.warn(`Kent Stats Check could not ${kind} on this page; it skipped that part.`, error);
  }

  /** Runs `work`; when it throws, reports the failure and gives `fallback` instead. */
  contain<T>(kind: FailureKind, fallback: T, work: () => T): T {
    try {
      return work();
    } catch (error) {
      this.report(kind, error);
      return fallback;
    }
  }
}
