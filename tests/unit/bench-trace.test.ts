/**
 * The browser benchmark's claim "no long task caused by the extension" rests on this
 * attribution, so it is checked on small hand-made traces.
 */
import { describe, expect, it } from 'vitest';
import { attributeTasks, type TraceEvent } from '../bench/trace';

const EXT = 'chrome-extension://abc/';
const MAIN = { pid: 1, tid: 10 };
const OTHER = { pid: 2, tid: 20 };

const meta = (where: { pid: number; tid: number }, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  ...where,
  args: { name },
});
/** A complete event, times in milliseconds. */
const x = (name: string, start: number, ms: number, url?: string, where = MAIN): TraceEvent => ({
  name,
  ph: 'X',
  ts: start * 1000,
  dur: ms * 1000,
  ...where,
  ...(url ? { args: { data: { url } } } : {}),
});

const threads = [meta(MAIN, 'CrRendererMain'), meta(OTHER, 'CrRendererMain')];

describe('attributeTasks', () => {
  it('does not blame the extension for the page’s own long task', () => {
    const result = attributeTasks(
      [
        ...threads,
        x('RunTask', 0, 96),
        x('ParseHTML', 0, 96),
        x('RunTask', 100, 12),
        x('FunctionCall', 101, 10, `${EXT}checker.js`),
      ],
      EXT,
    );
    expect(result.longestTask).toBe(96);
    expect(result.longTasksByExtension).toBe(0);
    expect(result.longestExtensionSlice).toBe(10);
    expect(result.longestTaskWithExtension).toEqual({ task: 12, extension: 10 });
  });

  it('blames the extension for a task that is long because of its script, forced layout included', () => {
    const result = attributeTasks(
      [
        ...threads,
        x('RunTask', 0, 70),
        x('FunctionCall', 1, 60, `${EXT}checker.js`),
        x('Layout', 20, 30),
        // Nested extension events count once.
        x('v8.compile', 2, 5, `${EXT}checker.js`),
      ],
      EXT,
    );
    expect(result.longTasksByExtension).toBe(1);
    expect(result.longestExtensionSlice).toBe(60);
    expect(result.extensionMs).toBe(60);
    expect(result.longestExtensionSliceGc).toBe(0);
  });

  it('gives the extension’s worst task in thread time too, which other processes do not lengthen', () => {
    const result = attributeTasks(
      [
        ...threads,
        x('RunTask', 0, 90),
        // 90 ms on the clock, of which the renderer was on the CPU for 30.
        { ...x('FunctionCall', 0, 90, `${EXT}checker.js`), tdur: 30_000 },
        x('RunTask', 100, 40),
        { ...x('FunctionCall', 100, 40, `${EXT}checker.js`), tdur: 38_000 },
      ],
      EXT,
    );
    expect(result.longestExtensionSlice).toBe(90);
    expect(result.longestExtensionSliceCpu).toBe(38);
  });

  it('says how much of the extension’s longest slice was garbage collection', () => {
    const result = attributeTasks(
      [
        ...threads,
        x('RunTask', 0, 45),
        x('FunctionCall', 0, 44, `${EXT}checker.js`),
        x('MajorGC', 10, 12),
      ],
      EXT,
    );
    expect(result.longestExtensionSlice).toBe(44);
    expect(result.longestExtensionSliceGc).toBe(12);
  });

  it('does not blame it for a long task it only lengthened', () => {
    const result = attributeTasks(
      [
        ...threads,
        x('RunTask', 0, 90),
        x('FunctionCall', 80, 8, `${EXT}content-scripts/content.js`),
      ],
      EXT,
    );
    expect(result.longTasksByExtension).toBe(0);
    expect(result.longestTaskWithExtension).toEqual({ task: 90, extension: 8 });
  });

  it('counts named browser work as the extension’s when asked to', () => {
    const events = [
      ...threads,
      x('RunTask', 0, 60),
      x('Commit', 1, 58),
      x('IntersectionObserverController::computeIntersections', 2, 55),
      x('RunTask', 100, 2),
      x('FunctionCall', 100, 1, `${EXT}checker.js`),
    ];
    expect(attributeTasks(events, EXT).longTasksByExtension).toBe(0);
    const ours = attributeTasks(events, EXT, [
      'IntersectionObserverController::computeIntersections',
    ]);
    expect(ours.longTasksByExtension).toBe(1);
    expect(ours.longestExtensionSlice).toBe(55);
  });

  it('reads only the thread the extension’s scripts ran on, and page scripts are not ours', () => {
    const result = attributeTasks(
      [
        ...threads,
        x('RunTask', 0, 5),
        x('EvaluateScript', 0, 4, `${EXT}content-scripts/content.js`),
        x('RunTask', 0, 200, undefined, OTHER),
        x('RunTask', 10, 80),
        x('FunctionCall', 10, 80, 'http://127.0.0.1/app.js'),
      ],
      EXT,
    );
    expect(result.tasks).toBe(2);
    expect(result.longestTask).toBe(80);
    expect(result.extensionMs).toBe(4);
    expect(result.longTasksByExtension).toBe(0);
  });
});
