/**
 * The moments the checker reaches on a page (found it worth checking, drew marks, read it
 * through), kept for benchmarks and end-to-end tests. They used to be User Timing marks, but
 * the page shares the performance timeline with its content scripts: any page could read
 * them and learn that the extension is installed, and how many claims it found there
 * (issue 13, detect.html). So they live on the content script's own global object, in its
 * isolated world, where the page's scripts cannot reach; tests read them there through the
 * browser's debugging protocol (tests/e2e/isolated-world.ts). The names are kept stable.
 */

/** Set when the page has been read through, with the number of claims found. */
export const CHECKED_MARK = 'kent-stats-check:checked';
/** Set each time new marks are drawn (registered with the browser). */
export const DRAWN_MARK = 'kent-stats-check:drawn';
/** The idle moment the loader found the page worth checking. */
export const IDLE_MARK = 'kent-stats-check:idle';

/** The loader and the checker are separate bundles in one world: the record is shared there. */
export const TIMING_MARKS_KEY = Symbol.for('kent-stats-check:timing-marks');

export interface TimingMark {
  /** `performance.now()` when set: the document's time origin, as the page's own marks. */
  startTime: number;
  detail?: unknown;
}

function record(): Map<string, TimingMark> {
  const scope = globalThis as unknown as Record<symbol, Map<string, TimingMark> | undefined>;
  return (scope[TIMING_MARKS_KEY] ??= new Map());
}

/** Sets a mark, keeping only the latest of its name (a long session would otherwise pile them up). */
export function setTimingMark(
  name: string,
  detail?: unknown,
  startTime: number = performance.now(),
): void {
  record().set(name, detail === undefined ? { startTime } : { startTime, detail });
}

/** The latest mark of this name, if set. */
export function getTimingMark(name: string): TimingMark | undefined {
  return record().get(name);
}

/** Forgets every mark (tests that run the checker more than once in one world). */
export function clearTimingMarks(): void {
  record().clear();
}
