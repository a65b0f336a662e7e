/**
 * The User Timing marks the checker sets. Benchmarks and tools outside the project time the
 * extension by them, so their names are kept stable.
 */

/** Set when the page has been read through, with the number of claims found. */
export const CHECKED_MARK = 'kent-stats-check:checked';
/** Set each time new marks are drawn (registered with the browser). */
export const DRAWN_MARK = 'kent-stats-check:drawn';

/** Sets a mark, keeping only the latest of its name (a long session would otherwise pile them up). */
export function setTimingMark(doc: Document, name: string, detail?: unknown): void {
  const perf = doc.defaultView?.performance;
  if (!perf || typeof perf.mark !== 'function') return;
  perf.clearMarks(name);
  perf.mark(name, { detail });
}
