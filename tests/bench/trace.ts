/**
 * Attributes a Chromium trace's main-thread tasks to the extension, so the browser benchmark
 * can say which long tasks the extension caused rather than guess from totals. A task counts
 * as the extension's work for the time spent inside its scripts' events (compiling and running
 * them, and any style or layout they force, which nests inside): a 96 ms task of the page's
 * own parsing with 0.2 ms of ours in it is the page's.
 */

/** The fields of a Chrome trace event this analysis reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event: its wall time less the time the thread was off the CPU. */
  tdur?: number;
  args?: { name?: string; data?: { url?: unknown } };
}

export interface TaskAttribution {
  /** Main-thread tasks in the page's renderer. */
  tasks: number;
  /** The longest task, whoever caused it (ms). */
  longestTask: number;
  /** Time in the extension's scripts, over the whole trace (ms). */
  extensionMs: number;
  /** The most extension time inside any one task (ms). */
  longestExtensionSlice: number;
  /**
   * The same in thread time (ms): what the extension's code cost the CPU in its worst task.
   * On a loaded machine the wall time also holds the time the OS gave other processes.
   */
  longestExtensionSliceCpu: number;
  /** Garbage collection inside that task (ms): the heap is shared with the page. */
  longestExtensionSliceGc: number;
  /**
   * Tasks the extension made long: over 50 ms, and not over 50 ms without the extension's
   * time in them. (A task long on its own that we lengthen shows in `longestExtensionSlice`.)
   */
  longTasksByExtension: number;
  /** The longest task that had any extension work in it, and how much of it was ours (ms). */
  longestTaskWithExtension: { task: number; extension: number };
}

const LONG_TASK_MS = 50;
const GC_EVENTS = new Set(['MajorGC', 'MinorGC', 'V8.GC_MC_INCREMENTAL']);

const isExtensionEvent = (e: TraceEvent, origin: string) => {
  const url = e.args?.data?.url;
  return e.ph === 'X' && typeof url === 'string' && url.startsWith(origin);
};

/**
 * `origin` is the extension's `chrome-extension://<id>/`. The page's main thread is the
 * renderer thread named CrRendererMain on which the extension's scripts ran. `alsoOurs`
 * names browser work (outside any script) to count as the extension's too, for pages where
 * only the extension can have caused it.
 */
export function attributeTasks(
  events: readonly TraceEvent[],
  origin: string,
  alsoOurs: readonly string[] = [],
): TaskAttribution {
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  }
  const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const ours: TraceEvent[] = events.filter(
    (e) => isExtensionEvent(e, origin) && threadNames.get(key(e)) === 'CrRendererMain',
  );
  const threads = new Set(ours.map(key));
  ours.push(
    ...events.filter((e) => e.ph === 'X' && alsoOurs.includes(e.name) && threads.has(key(e))),
  );
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && threads.has(key(e)))
    .sort((a, b) => a.ts - b.ts);

  // Only the outermost of nested extension events counts, once.
  const outer: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of [...ours].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (e.ts >= end) {
      outer.push(e);
      end = e.ts + (e.dur ?? 0);
    }
  }

  const result: TaskAttribution = {
    tasks: tasks.length,
    longestTask: 0,
    extensionMs: outer.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
    longestExtensionSlice: 0,
    longestExtensionSliceCpu: 0,
    longestExtensionSliceGc: 0,
    longTasksByExtension: 0,
    longestTaskWithExtension: { task: 0, extension: 0 },
  };
  const gcs = events
    .filter((e) => e.ph === 'X' && GC_EVENTS.has(e.name) && threads.has(key(e)))
    .sort((a, b) => a.ts - b.ts);
  let i = 0;
  let g = 0;
  for (const task of tasks) {
    const start = task.ts;
    const stop = task.ts + (task.dur ?? 0);
    const taskMs = (task.dur ?? 0) / 1000;
    result.longestTask = Math.max(result.longestTask, taskMs);
    while (i < outer.length && outer[i]!.ts < start) i++;
    let ext = 0;
    let cpu = 0;
    for (let j = i; j < outer.length && outer[j]!.ts < stop; j++) {
      const e = outer[j]!;
      const wall = Math.min(e.ts + (e.dur ?? 0), stop) - e.ts;
      ext += wall;
      cpu += Math.min(e.tdur ?? wall, wall);
    }
    const extMs = ext / 1000;
    result.longestExtensionSliceCpu = Math.max(result.longestExtensionSliceCpu, cpu / 1000);
    while (g < gcs.length && gcs[g]!.ts < start) g++;
    let gc = 0;
    for (let j = g; j < gcs.length && gcs[j]!.ts < stop; j++) gc += gcs[j]!.dur ?? 0;
    if (extMs > result.longestExtensionSlice) {
      result.longestExtensionSlice = extMs;
      result.longestExtensionSliceGc = gc / 1000;
    }
    if (taskMs > LONG_TASK_MS && taskMs - extMs <= LONG_TASK_MS) result.longTasksByExtension++;
    if (extMs > 0 && taskMs > result.longestTaskWithExtension.task)
      result.longestTaskWithExtension = { task: taskMs, extension: extMs };
  }
  return result;
}
